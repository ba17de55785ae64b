package xcert.explainers.realdata.digits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/** The PNG plots of the digits study (XChart, as the other studies). */
final class DigitsPlots {

  private DigitsPlots() {}

  /** Line plot of named series over shared x values. */
  static void lines(Path png, String title, String xTitle, String yTitle, double[] xs,
      Map<String, double[]> series, boolean logX, Double yMin, Double yMax) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(1000).height(600).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    chart.getStyler().setXAxisLogarithmic(logX);
    if (yMin != null) {
      chart.getStyler().setYAxisMin(yMin);
    }
    if (yMax != null) {
      chart.getStyler().setYAxisMax(yMax);
    }
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    for (Map.Entry<String, double[]> e : series.entrySet()) {
      double[] ys = e.getValue().clone();
      for (int i = 0; i < ys.length; i++) {
        if (!Double.isFinite(ys[i])) {
          ys[i] = 0;
        }
      }
      XYSeries s = chart.addSeries(e.getKey(), xs, ys);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    }
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
