package xcert.explainers.realdata.tabular;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/** The PNG plots of the tabular study (XChart, as the explainers study draws its own). */
public final class TabularPlots {

  /** Distances below this are drawn at this value on the log axis (exact recoveries are ~1e-16). */
  public static final double FLOOR = 1e-16;

  private TabularPlots() {}

  /**
   * Seed 000 Figure 2 in miniature: per method, log10 of the mean L1 distance of g to w and to
   * w ⊙ x (floored at {@link #FLOOR}; a bar reaching −16 is an exact recovery).
   */
  public static void recovery(Path png, ModelRecovery r) throws IOException {
    System.setProperty("java.awt.headless", "true");
    CategoryChart chart = new CategoryChartBuilder().width(1000).height(550)
        .title("Model recovery on " + r.set().label() + " (" + r.rows().length
            + " test rows): mean L1 distance of g to f's weights")
        .xAxisTitle("method").yAxisTitle("log10 of mean L1 distance (floored at 1e-16)").build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setXAxisLabelRotation(20);
    List<String> names = new ArrayList<>();
    List<Double> toW = new ArrayList<>();
    List<Double> toWx = new ArrayList<>();
    for (ModelRecovery.MethodRow m : r.methods()) {
      names.add(m.method());
      toW.add(Math.log10(Math.max(FLOOR, m.l1ToW())));
      toWx.add(Math.log10(Math.max(FLOOR, m.l1ToWx())));
    }
    chart.addSeries("to w (f's weights)", names, toW);
    chart.addSeries("to w ⊙ x", names, toWx);
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  /**
   * Seed 000 Figure 3 in miniature: mean |f(x) − f(x')| against k with the bottom-k features
   * perturbed, binary (left) and continuous (right), one line per method.
   */
  public static void perturbation(Path png, PerturbationTest t) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYChart left = chart(t, true);
    XYChart right = chart(t, false);
    BufferedImage a = BitmapEncoder.getBufferedImage(left);
    BufferedImage b = BitmapEncoder.getBufferedImage(right);
    BufferedImage both = new BufferedImage(a.getWidth() + b.getWidth(),
        Math.max(a.getHeight(), b.getHeight()), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = both.createGraphics();
    g.drawImage(a, 0, 0, null);
    g.drawImage(b, a.getWidth(), 0, null);
    g.dispose();
    ImageIO.write(both, "png", png.toFile());
  }

  private static XYChart chart(PerturbationTest t, boolean binary) {
    XYChart c = new XYChartBuilder().width(700).height(520)
        .title(t.set().label() + " " + t.model() + ": " + (binary ? "binary (bottom-k set to 0)"
            : "continuous (bottom-k + N(0, " + t.sigma() + "²))"))
        .xAxisTitle("k (bottom-k features perturbed)").yAxisTitle("mean |f(x) − f(x')|").build();
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    for (PerturbationTest.Curve cv : t.curves()) {
      double[] y = binary ? cv.binary() : cv.continuous();
      double[] x = new double[y.length];
      for (int k = 0; k < x.length; k++) {
        x[k] = k + 1;
      }
      XYSeries s = c.addSeries(cv.method(), x, y);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    }
    return c;
  }
}
