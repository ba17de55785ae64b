package xcert.explainers.studies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import xcert.explainers.adf.AdfAccuracy;
import xcert.explainers.adf.CovarianceKind;
import xcert.explainers.backend.Backend;
import xcert.explainers.gaussian.RegressionConfig;
import xcert.explainers.gaussian.RegressionSetup;
import xcert.explainers.gaussian.UnifiedStability;
import xcert.explainers.masks.MaskSettings;
import xcert.explainers.masks.RelaxedMaskExplainer;
import xcert.explainers.optimalitygap.GapAggregator;
import xcert.explainers.optimalitygap.GapMethods;
import xcert.explainers.optimalitygap.GapRun;
import xcert.explainers.optimalitygap.GapSettings;
import xcert.explainers.optimalitygap.GapSummary;
import xcert.explainers.optimalitygap.InstanceGap;
import xcert.explainers.optimalitygap.Method;
import xcert.explainers.optimalitygap.Problem;
import xcert.explainers.rde.DistortionMode;
import xcert.explainers.rde.RdeExplainer;
import xcert.explainers.rde.RdeSettings;
import xcert.explainers.relax.ReluScore;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.report.Report;
import xcert.solvers.report.Study;
import xcert.solvers.result.Scalar;

/**
 * The relaxations study (seeds 003 and 004): how far heuristic attributions, thresholded to their
 * top-k features, land from the exact solutions of (P_suf), (P_nec), (P_uni) (seed 004 Eq. 4–7) and
 * MIN-RELEVANT-INPUT (seed 003 Section 3) at the same size, and how far their relevance-ordering
 * curves (seed 003 Section 5) lie above the exact envelope D*(k); ADF's moments against complete
 * enumeration (seed 003 Section 4.3); then seed 004 Section 6.1.1 in miniature, the Hamming
 * stability of (P_uni) solutions against α, with its plot (seed 004 Fig. 1a). The methods and the
 * backend they evaluate models on are constructor arguments, so further explainers are compared by
 * passing them in.
 */
public final class RelaxationsStudy implements Study {

  /** The seed of the methods' sampling. */
  public static final long METHOD_SEED = 6000;
  /** The base seed of the generated instances (instance k uses 6000 + k). */
  public static final long INSTANCE_SEED = 6000;
  /** The seed of the regression of seed 004 Section 6.1.1. */
  public static final long REGRESSION_SEED = 6110;
  /** The τ of the stability experiment. */
  public static final int[] TAUS = {3, 6, 9};
  /** The stability plot, in the output folder. */
  public static final String PNG = "relaxations-stability.png";

  /**
   * Which instances: {@code circuits} circuits with d = 10..maxCircuitD and {@code relus} ReLU
   * networks (classifiers and scores alternating) with d = 8..maxReluD.
   */
  public record Config(int circuits, int relus, int maxCircuitD, int maxReluD) {

    public static Config standard() {
      return new Config(20, 20, 12, 10);
    }

    public static Config full() {
      return new Config(120, 80, 16, 12);
    }

    /** The generated instances: circuits, ReLU classifiers and ReLU score networks. */
    public List<GapRun.Case> cases() {
      List<GapRun.Case> out = new ArrayList<>();
      for (int k = 0; k < circuits; k++) {
        int d = 10 + k % (maxCircuitD - 9);
        out.add(new GapRun.Case("circuit",
            RandomInstances.circuitInstance(INSTANCE_SEED + k, d, 2 * d)));
      }
      for (int k = 0; k < relus; k++) {
        int d = 8 + k % (maxReluD - 7);
        boolean classifier = k % 2 == 0;
        out.add(new GapRun.Case(classifier ? "relu classifier" : "relu score",
            RandomInstances.reluInstance(INSTANCE_SEED + circuits + k, d, 6, classifier)));
      }
      return out;
    }
  }

  /** One ADF mode at one map s over the ReLU instances: median and largest relative errors. */
  public record AdfRow(String mode, String s, int networks, double medianMean, double maxMean,
      double medianVariance, double maxVariance, double medianDistortion, double maxDistortion) {

    /** The row as ordered JSON-ready fields. */
    public Map<String, Object> data() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("mode", mode);
      m.put("s", s);
      m.put("networks", networks);
      m.put("median_mean_error", medianMean);
      m.put("max_mean_error", maxMean);
      m.put("median_variance_error", medianVariance);
      m.put("max_variance_error", maxVariance);
      m.put("median_distortion_error", medianDistortion);
      m.put("max_distortion_error", maxDistortion);
      return m;
    }
  }

  /**
   * What the study found.
   *
   * @param cases the instances
   * @param methods the methods' names
   * @param settings the exact side's settings
   * @param backend the backend's name
   * @param gap one summary per method, instance family and problem
   * @param adf ADF against enumeration
   * @param regression the regression of seed 004 Section 6.1.1
   * @param stability its points, per τ and α
   * @param gapSeconds time of the gap part
   * @param stabilitySeconds time of the stability part
   */
  public record Result(List<GapRun.Case> cases, List<String> methods, GapSettings settings,
      String backend, List<GapSummary> gap, List<AdfRow> adf, RegressionConfig regression,
      RegressionSetup setup, List<UnifiedStability.Point> stability, double gapSeconds,
      double stabilitySeconds) {}

  private final Path outDir;
  private final Backend backend;
  private final List<Method> methods;

  /** The study with {@link #defaultMethods()}. */
  public RelaxationsStudy(Path outDir, Backend backend) {
    this(outDir, backend, defaultMethods());
  }

  /**
   * @param outDir where the PNG plot goes (created if absent)
   * @param backend where the sampled methods evaluate their models
   * @param methods the methods compared
   */
  public RelaxationsStudy(Path outDir, Backend backend, List<Method> methods) {
    this.outDir = outDir;
    this.backend = backend;
    this.methods = List.copyOf(methods);
  }

  /**
   * The relaxations (RDE with ADF diagonal and low-rank distortion on ReLU networks, with sampled
   * distortion on every model; the relaxed sufficient, necessary and unified masks), the sampled
   * explainers that apply to circuits and ReLU networks, and a random baseline. Every method runs
   * with its defaults and the instance's own V.
   */
  public static List<Method> defaultMethods() {
    List<Method> m = new ArrayList<>();
    RdeSettings rde = RdeSettings.defaults().withSeed(METHOD_SEED);
    m.add(new Method("rde-diag", i -> i.model() instanceof ReluNetwork,
        i -> new RdeExplainer(rde, i.distribution())));
    m.add(new Method("rde-low-rank", i -> i.model() instanceof ReluNetwork,
        i -> new RdeExplainer(rde.withMode(DistortionMode.LOW_RANK), i.distribution())));
    m.add(Method.of("rde-samples",
        i -> new RdeExplainer(rde.withMode(DistortionMode.SAMPLES), i.distribution())));
    for (double alpha : new double[] {1, 0, 0.5}) {
      MaskSettings ms = MaskSettings.defaults(alpha).withSeed(METHOD_SEED);
      m.add(Method.of(ms.methodName(), i -> new RelaxedMaskExplainer(ms, i.distribution())));
    }
    for (String name : List.of("lime", "kernelshap", "occlusion", "glime-binomial", "smoothgrad",
        "integrated-gradients")) {
      m.add(GapMethods.existing(name, METHOD_SEED));
    }
    m.add(GapMethods.random(METHOD_SEED));
    return m;
  }

  @Override
  public String id() {
    return "relaxations";
  }

  @Override
  public String title() {
    return "Relaxations (seeds 003, 004): heuristics against exact optima, and stability of P_uni";
  }

  /** Runs {@code config} and writes the stability plot to the output folder. */
  public Result compute(Config config, Consumer<String> progress) {
    long t0 = System.nanoTime();
    GapSettings settings = GapSettings.defaults();
    List<GapRun.Case> cases = config.cases();
    progress.accept("relaxations: " + cases.size() + " instances, " + methods.size()
        + " methods");
    List<InstanceGap> gaps = GapRun.run(cases, methods, settings, backend, progress);
    List<GapSummary> summaries = GapAggregator.summarise(gaps, true);
    double gapSeconds = (System.nanoTime() - t0) / 1e9;

    progress.accept("relaxations: ADF moments against complete enumeration");
    List<AdfRow> adf = adfAccuracy(cases);

    progress.accept("relaxations: stability of P_uni solutions (seed 004 Section 6.1.1)");
    long t1 = System.nanoTime();
    RegressionConfig rc = RegressionConfig.seed004(REGRESSION_SEED);
    RegressionSetup setup = RegressionSetup.draw(rc);
    List<UnifiedStability.Point> stability = UnifiedStability.run(setup, TAUS,
        UnifiedStability.alphaGrid());
    try {
      Files.createDirectories(outDir);
      plot(outDir.resolve(PNG), "Stability of S*_α, linear regression d = 10 (seed 004 Fig. 1a)",
          stability, TAUS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Result(cases, methods.stream().map(Method::name).toList(), settings,
        backend.name(), summaries, adf, rc, setup, stability, gapSeconds,
        (System.nanoTime() - t1) / 1e9);
  }

  @Override
  public Report run(boolean full, Consumer<String> progress) {
    return report(compute(full ? Config.full() : Config.standard(), progress));
  }

  /** The report of a finished run. */
  public Report report(Result r) {
    String setupText = String.format(Locale.ROOT, "%d generated instances (seeds %d+k): %s. "
        + "Exact side in rational arithmetic over all 2^d sets: τ = ⌈d/4⌉, α = 1/2, δ = 9/10, "
        + "ρ = |a − b|. Methods (seed %d; masked features take the most probable value of V's "
        + "marginal): %s. Each method's scores are ranked by |w_i| (ties to the lower index) and "
        + "cut at k = the size of the smallest exact optimal set. Backend: %s. %.1f s.",
        r.cases().size(), INSTANCE_SEED, describeCases(r.cases()), METHOD_SEED,
        String.join(", ", r.methods()), r.backend(), r.gapSeconds());
    RegressionConfig rc = r.regression();
    String stabText = String.format(Locale.ROOT, "Linear regression of seed 004 Section 6.1.1: "
        + "d = 10, μ_i = 2^i, β_i = 32·2^{−i} (our reading of the extracted text), X ~ N(μ, AAᵀ), "
        + "A_ij ~ U(0,1), %d training samples, β̂ by least squares, f(X) = β̂ᵀX; V = p(X_{S^c} | "
        + "X_S = x_S) in closed form, all 2^10 sets enumerated in float64; %d test points; seed "
        + "%d; CI = mean ± 1.96·sd/√n (normal approximation); ties broken to the first set in "
        + "report order. %.1f s.", rc.trainSize(), rc.testSize(), REGRESSION_SEED,
        r.stabilitySeconds());
    Report.Builder b = Report.builder(id(), title()).paragraph(setupText);
    for (Problem p : Problem.values()) {
      List<GapSummary> rows = r.gap().stream().filter(s -> s.problem() == p).toList();
      if (!rows.isEmpty()) {
        b.table(heading(p), GAP_COLUMNS, gapRows(rows), Report.Medium.ALL);
      }
    }
    b.paragraph(READING_GAP.strip());
    b.paragraph("### ADF moments against the exact moments (seed 003 Section 4.3)",
        Report.Medium.DOCUMENT);
    b.paragraph(ADF_TEXT).table(ADF_COLUMNS, adfRows(r.adf()));
    b.paragraph("### Stability of P_uni solutions against α (seed 004 Section 6.1.1)",
        Report.Medium.DOCUMENT);
    b.paragraph(stabText);
    List<String> cols = new ArrayList<>(List.of("α"));
    for (int tau : TAUS) {
      cols.add("τ = " + tau + ": mean Hamming/d [95% CI]");
    }
    b.table(cols, stabRows(r.stability())).paragraph(tieNote(r.stability()));
    b.paragraph("![stability of P_uni solutions](" + PNG + ")", Report.Medium.DOCUMENT);

    b.data("seconds_gap", r.gapSeconds()).data("seconds_stability", r.stabilitySeconds());
    b.data("instances", r.cases().stream().map(c -> c.family() + ": " + c.instance()).toList());
    b.data("methods", r.methods());
    Map<String, Object> fixed = new LinkedHashMap<>();
    fixed.put("tau", "ceil(d/4)");
    fixed.put("alpha", "1/2");
    fixed.put("delta", "9/10");
    fixed.put("rho", "abs");
    fixed.put("ranking", r.settings().ranking().name().toLowerCase(Locale.ROOT));
    fixed.put("backend", r.backend());
    b.data("settings", fixed);
    b.data("gap", r.gap().stream().map(RelaxationsStudy::data).toList());
    b.data("adf", r.adf().stream().map(AdfRow::data).toList());
    Map<String, Object> st = new LinkedHashMap<>();
    st.put("seed", REGRESSION_SEED);
    st.put("train_size", rc.trainSize());
    st.put("test_points", rc.testSize());
    st.put("beta_hat", r.setup().betaHat());
    st.put("points", r.stability().stream().map(RelaxationsStudy::data).toList());
    st.put("plot", PNG);
    b.data("stability", st);
    return b.build();
  }

  /** ADF against enumeration on every ReLU instance at s = 0 (y ~ V) and s = 0.2·1 (RDE's start). */
  public static List<AdfRow> adfAccuracy(List<GapRun.Case> cases) {
    List<AdfRow> rows = new ArrayList<>();
    for (double level : new double[] {0, 0.2}) {
      Map<CovarianceKind, List<AdfAccuracy.Errors>> byKind = new LinkedHashMap<>();
      int networks = 0;
      for (GapRun.Case c : cases) {
        if (!(c.instance().model() instanceof ReluNetwork net)) {
          continue;
        }
        networks++;
        double[] sv = new double[net.dimension()];
        Arrays.fill(sv, level);
        for (AdfAccuracy.Errors e : AdfAccuracy.of(ReluScore.scoreOf(net), c.instance().x(), sv,
            c.instance().distribution())) {
          byKind.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(e);
        }
      }
      for (Map.Entry<CovarianceKind, List<AdfAccuracy.Errors>> e : byKind.entrySet()) {
        List<AdfAccuracy.Errors> l = e.getValue();
        double[] m = l.stream().mapToDouble(AdfAccuracy.Errors::meanError).toArray();
        double[] v = l.stream().mapToDouble(AdfAccuracy.Errors::varianceError).toArray();
        double[] dd = l.stream().mapToDouble(AdfAccuracy.Errors::distortionError).toArray();
        rows.add(new AdfRow(e.getKey().name().toLowerCase(Locale.ROOT).replace('_', '-'),
            level == 0 ? "0" : "0.2·1", networks, AdfAccuracy.median(m), max(m),
            AdfAccuracy.median(v), max(v), AdfAccuracy.median(dd), max(dd)));
      }
    }
    return rows;
  }

  /**
   * Seed 004 Fig. 1a redrawn as a PNG: the mean normalised Hamming distance |S*_α Δ S*_0|/d against
   * α, one line per τ, with error bars for the 95% normal-approximation confidence interval.
   */
  public static void plot(Path png, String title, List<UnifiedStability.Point> points, int[] taus)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(900).height(600).title(title)
        .xAxisTitle("α (0 = necessity only, 1 = sufficiency only)")
        .yAxisTitle("mean |S*_α Δ S*_0| / d").build();
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setErrorBarsColorSeriesColor(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
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

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElse(Double.NaN);
  }

  private static final List<String> ADF_COLUMNS = List.of("ADF mode", "s", "networks",
      "mean err (median)", "(max)", "variance err (median)", "(max)", "D err (median)", "(max)");

  private static List<List<Object>> adfRows(List<AdfRow> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (AdfRow r : rows) {
      out.add(List.of(r.mode(), r.s(), r.networks(), g(r.medianMean()), g(r.maxMean()),
          g(r.medianVariance()), g(r.maxVariance()), g(r.medianDistortion()),
          g(r.maxDistortion())));
    }
    return out;
  }

  private static String g(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }

  private static final String ADF_TEXT = """
      The output of every ReLU instance above under y = x ⊙ s + n ⊙ (1 − s), n ~ V: ADF's mean,
      variance and distortion D = ½(Φ(x) − EΦ(y))² + ½VΦ(y) beside those of a complete enumeration
      of V (float64). Errors are relative: |Δmean| / exact sd, |Δvariance| / exact variance,
      |ΔD| / exact D. The input moments are exact in every mode (V is a product, so its covariance
      is diagonal); the modes differ in how they pass the ReLUs. low-rank runs at full rank d, so it
      differs from full only by rounding: both use Eq. (6), whose variance F(η)²·v is not the
      variance of a rectified Gaussian even after one layer.""";

  private static String heading(Problem p) {
    return switch (p) {
      case SUFFICIENCY -> "P_suf (seed 004 Eq. 4): top-k against min Δsuf over |S| ≤ τ";
      case NECESSITY -> "P_nec (seed 004 Eq. 5): top-k against min Δnec over |S| ≤ τ";
      case UNIFIED -> "P_uni, α = 1/2 (seed 004 Eq. 7): top-k against min Δuni over |S| ≤ τ";
      case MIN_RELEVANT -> "MIN-RELEVANT-INPUT, δ = 9/10 (seed 003 Section 3), Boolean classifiers"
          + ": top-k against the least δ-relevant size";
    };
  }

  private static String describeCases(List<GapRun.Case> cases) {
    Map<String, int[]> fam = new LinkedHashMap<>();
    for (GapRun.Case c : cases) {
      int d = c.instance().dimension();
      fam.merge(c.family(), new int[] {1, d, d},
          (a, b) -> new int[] {a[0] + 1, Math.min(a[1], d), Math.max(a[2], d)});
    }
    return fam.entrySet().stream().map(e -> e.getValue()[0] + " " + e.getKey() + (e.getValue()[0]
        == 1 ? "" : "s") + " (d = " + e.getValue()[1] + ".." + e.getValue()[2] + ")")
        .collect(Collectors.joining(", "));
  }

  private static String num(Scalar s) {
    return String.format(Locale.ROOT, "%.4g", s.value());
  }

  private static final List<String> GAP_COLUMNS = List.of("method", "model", "n", "k = 0",
      "misses/(k > 0)", "miss rate", "mean excess", "max excess", "mean Hamming",
      "mean extra size", "curve area");

  private static List<List<Object>> gapRows(List<GapSummary> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (GapSummary s : rows) {
      out.add(List.of(s.method(), s.family(), s.instances(), s.trivial(),
          s.misses() + "/" + (s.instances() - s.trivial()), num(s.missRate()),
          num(s.meanExcess()), num(s.maxExcess()), num(s.meanHamming()), num(s.meanExtraSize()),
          num(s.meanCurveArea())));
    }
    return out;
  }

  /** One row per α, one column per τ: "mean [low, high]". */
  private static List<List<Object>> stabRows(List<UnifiedStability.Point> points) {
    Map<Double, List<Object>> byAlpha = new LinkedHashMap<>();
    for (UnifiedStability.Point p : points) {
      byAlpha.computeIfAbsent(p.alpha(), a -> new ArrayList<>(List.of(
          String.format(Locale.ROOT, "%.2f", a))))
          .add(String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", p.mean(), p.low(), p.high()));
    }
    return new ArrayList<>(byAlpha.values());
  }

  private static String tieNote(List<UnifiedStability.Point> points) {
    int ties = points.stream().mapToInt(UnifiedStability.Point::ties).sum();
    int near = points.stream().mapToInt(UnifiedStability.Point::nearTies).sum();
    return String.format(Locale.ROOT, "(P_uni) had several minimisers at %d of the %d (τ, α, "
        + "point) triples, and a set outside the minimisers within a relative 1e-9 of the optimum "
        + "at %d.", ties, points.size() * (points.isEmpty() ? 0 : points.get(0).n()), near);
  }

  private static Map<String, Object> data(GapSummary s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("method", s.method());
    m.put("instances", s.family());
    m.put("problem", s.problem().label());
    m.put("n", s.instances());
    m.put("misses", s.misses());
    m.put("trivial_k0", s.trivial());
    m.put("miss_rate", s.missRate());
    m.put("mean_excess", s.meanExcess());
    m.put("max_excess", s.maxExcess());
    m.put("mean_hamming", s.meanHamming());
    m.put("mean_extra_size", s.meanExtraSize());
    m.put("mean_curve_area", s.meanCurveArea());
    m.put("method_provenance", s.methodProvenance().stream().map(Enum::name).sorted().toList());
    return m;
  }

  private static Map<String, Object> data(UnifiedStability.Point p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tau", p.tau());
    m.put("alpha", p.alpha());
    m.put("mean", p.mean());
    m.put("sd", p.sd());
    m.put("n", p.n());
    m.put("ci_low", p.low());
    m.put("ci_high", p.high());
    m.put("ties", p.ties());
    m.put("near_ties", p.nearTies());
    return m;
  }

  private static final String READING_GAP = """
      How to read these tables. For each instance and problem, k is the size of the smallest exact
      optimal set and the method's set is its k top-ranked features. "miss rate" is the fraction of
      instances where that set is not optimal (for MIN-RELEVANT-INPUT: not δ-relevant); "excess" is
      Δ(set) − optimum (for MIN-RELEVANT-INPUT: the best probability of a size-k set minus the
      set's), exact rationals averaged exactly and printed to 4 digits; "Hamming" is the distance
      to the nearest optimal set; "extra size" is how many more top-ranked features the method
      needs before its set reaches the optimum (Δ ≤ optimum, or probability ≥ δ); "curve area" is
      Σ_k D(top-k) − D*(k), k = 0..d, between the relevance-ordering curve and the exact envelope
      D*(k) = min_{|S| ≤ k} D(S); "k = 0" counts instances where ∅ is already optimal, on which every
      method hits. "random" ranks features by seeded uniform scores: the level a
      method must beat to carry information.
      """;
}
