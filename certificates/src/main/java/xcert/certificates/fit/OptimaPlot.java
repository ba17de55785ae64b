package xcert.certificates.fit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A PNG of certified optima against d on a log scale, with fitted curves drawn over them. */
public final class OptimaPlot {

  /** Points of one family. */
  public record Points(String name, double[] d, double[] y) {}

  /** A curve d ↦ value over a range of d. */
  public record Curve(String name, ExponentialFit fit, double from, double to) {}

  private OptimaPlot() {}

  public static void write(Path png, String title, List<Points> points, List<Curve> curves)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(900).height(600).title(title)
        .xAxisTitle("d").yAxisTitle("least total error (log scale)").build();
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    for (Points p : points) {
      XYSeries s = chart.addSeries(p.name(), p.d(), p.y());
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      s.setMarker(SeriesMarkers.CIRCLE);
    }
    for (Curve c : curves) {
      int n = 200;
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = c.from() + (c.to() - c.from()) * i / (n - 1);
        y[i] = c.fit().at(x[i]);
      }
      XYSeries s = chart.addSeries(c.name(), x, y);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      s.setMarker(SeriesMarkers.NONE);
    }
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
