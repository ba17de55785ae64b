package xcert.explainers.studies;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import xcert.explainers.backend.Backend;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.explainers.metrics.TopKJaccard;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;

/**
 * Seed 001 Figure 4a in miniature: the stability of LIME, GLIME-Binomial and GLIME-Gauss, measured
 * as the mean pairwise top-K Jaccard index of the explanations from several seeds, against the
 * number of samples n, for σ ∈ {0.25, 0.5, 1, 5}. σ is seed 001's: LIME's kernel is
 * π(z) = exp(−‖1 − z‖²/σ²), which lime_image's √exp(−D²/w²) with the L2 distance gives for
 * w = σ/√2; GLIME-Binomial draws z_i = 1 with probability 1/(1 + e^{−1/σ²}); GLIME-Gauss adds
 * Normal(0, σ²) noise. All three keep LIME's Ridge(α = 1) with an intercept.
 *
 * @param k the K of top-K
 * @param seeds explanations per (method, σ, n), seeds 0..seeds−1
 * @param ns the sample sizes n
 */
public record StabilityExperiment(int k, int seeds, long[] ns) {

  public static final double[] SIGMAS = {0.25, 0.5, 1, 5};
  public static final List<String> METHODS = List.of("lime", "glime-binomial", "glime-gauss");
  /** Attributions below this in absolute value count as zero. */
  public static final double NEGLIGIBLE = 1e-9;

  public StabilityExperiment {
    ns = ns.clone();
  }

  @Override
  public long[] ns() {
    return ns.clone();
  }

  /**
   * One curve: mean Jaccard at each n, and the largest |w_i| over all features and seeds. When that
   * is below {@link #NEGLIGIBLE} every explanation is (numerically) zero, the top-K sets are decided
   * by the tie rule alone, and a Jaccard of 1 says nothing about stability.
   */
  public record Curve(String method, double sigma, long[] n, double[] jaccard, double[] maxAbs) {

    public boolean degenerate(int i) {
      return maxAbs[i] < NEGLIGIBLE;
    }

    /** The curve as ordered JSON-ready fields. */
    public Map<String, Object> data() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("method", method);
      m.put("sigma", sigma);
      m.put("n", Arrays.stream(n).boxed().toList());
      m.put("jaccard", Arrays.stream(jaccard).boxed().toList());
      m.put("max_abs_attribution", Arrays.stream(maxAbs).boxed().toList());
      return m;
    }
  }

  /**
   * The curves on one point. {@code binary} is the model the mask methods explain (a circuit);
   * {@code continuous} the one GLIME-Gauss perturbs (the same function on R^d, or the same network).
   */
  public List<Curve> run(Model binary, Model continuous, double[] x, Backend backend,
      Consumer<String> progress) {
    int d = x.length;
    List<Curve> curves = new ArrayList<>();
    for (String m : METHODS) {
      for (double sigma : SIGMAS) {
        progress.accept("explainers: stability of " + m + " at σ = " + sigma);
        double[] jac = new double[ns.length];
        double[] maxAbs = new double[ns.length];
        for (int i = 0; i < ns.length; i++) {
          List<double[]> expl = new ArrayList<>();
          for (int s = 0; s < seeds; s++) {
            MethodSettings set = MethodSettings.defaults().withSeed(s).withSamples(ns[i]);
            set = switch (m) {
              case "lime" -> set.withKernelWidth(sigma / Math.sqrt(2)).withDistance("l2");
              default -> set.withSigma(sigma);
            };
            Model f = m.equals("glime-gauss") ? continuous : binary;
            double[] w = Methods.create(m, set, d).explain(f, x, backend).values();
            for (double v : w) {
              maxAbs[i] = Math.max(maxAbs[i], Math.abs(v));
            }
            expl.add(w);
          }
          jac[i] = TopKJaccard.meanPairwise(expl, k);
        }
        curves.add(new Curve(m, sigma, ns.clone(), jac, maxAbs));
      }
    }
    return curves;
  }

  /**
   * A monotone DNF over d inputs: {@code terms} conjunctions of 2 to 4 random positive literals.
   * At x = 1 against the reference 0 every input in some term has a non-zero attribution, with
   * different weights for inputs in different numbers and sizes of terms.
   */
  public static Circuit monotoneDnf(SplittableRandom rnd, int d, int terms) {
    Circuit.Builder b = Circuit.builder(d);
    int[] t = new int[terms];
    for (int i = 0; i < terms; i++) {
      int[] lits = new int[2 + rnd.nextInt(3)];
      for (int j = 0; j < lits.length; j++) {
        lits[j] = b.input(1 + rnd.nextInt(d));
      }
      t[i] = b.and(lits);
    }
    return b.output(b.or(t)).build();
  }

  /** The curves as a PNG: Jaccard against n (log scale), one series per method and σ. */
  public static void plot(Path png, String title, List<Curve> curves, int k) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(1000).height(650).title(title)
        .xAxisTitle("samples n (log scale)").yAxisTitle("mean pairwise top-" + k + " Jaccard")
        .build();
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(1.0);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    for (Curve c : curves) {
      double[] xs = new double[c.n().length];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = c.n()[i];
      }
      XYSeries s = chart.addSeries(c.method() + " σ=" + c.sigma(), xs, c.jaccard());
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    }
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
