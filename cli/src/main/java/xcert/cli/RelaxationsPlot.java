package xcert.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import xcert.explainers.gaussian.UnifiedStability;

/**
 * Seed 004 Fig. 1a redrawn: the mean normalised Hamming distance |S*_α Δ S*_0|/d against α, one line
 * per τ, with error bars for the 95% normal-approximation confidence interval.
 */
final class RelaxationsPlot {

  private RelaxationsPlot() {}

  static void stability(Path png, String title, List<UnifiedStability.Point> points, int[] taus)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(900).height(600).title(title)
        .xAxisTitle("α (0 = necessity only, 1 = sufficiency only)")
        .yAxisTitle("mean |S*_α Δ S*_0| / d").build();
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setErrorBarsColorSeriesColor(true);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    for (int tau : taus) {
      List<UnifiedStability.Point> ps = points.stream().filter(p -> p.tau() == tau).toList();
      double[] x = new double[ps.size()];
      double[] y = new double[ps.size()];
      double[] err = new double[ps.size()];
      for (int i = 0; i < ps.size(); i++) {
        x[i] = ps.get(i).alpha();
        y[i] = ps.get(i).mean();
        err[i] = ps.get(i).high() - ps.get(i).mean();
      }
      XYSeries s = chart.addSeries("τ = " + tau, x, y, err);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    }
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
