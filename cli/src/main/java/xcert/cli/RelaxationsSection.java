package xcert.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.Arrays;
import xcert.explainers.adf.AdfAccuracy;
import xcert.explainers.adf.CovarianceKind;
import xcert.explainers.backend.Backend;
import xcert.explainers.relax.ReluScore;
import xcert.explainers.optimalitygap.GapAggregator;
import xcert.explainers.optimalitygap.GapMethods;
import xcert.explainers.optimalitygap.GapRun;
import xcert.explainers.optimalitygap.GapSettings;
import xcert.explainers.optimalitygap.GapSummary;
import xcert.explainers.optimalitygap.InstanceGap;
import xcert.explainers.optimalitygap.Method;
import xcert.explainers.optimalitygap.Problem;
import xcert.explainers.gaussian.RegressionConfig;
import xcert.explainers.gaussian.RegressionSetup;
import xcert.explainers.gaussian.UnifiedStability;
import xcert.explainers.masks.MaskSettings;
import xcert.explainers.masks.RelaxedMaskExplainer;
import xcert.explainers.rde.DistortionMode;
import xcert.explainers.rde.RdeExplainer;
import xcert.explainers.rde.RdeSettings;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.result.Scalar;

/**
 * The relaxations section of {@code xcert reproduce}: how far heuristic attributions, thresholded to
 * their top-k features, land from the exact solutions of (P_suf), (P_nec), (P_uni) (seed 004 Eq. 4–7)
 * and MIN-RELEVANT-INPUT (seed 003 Section 3) at the same size, and how far their relevance-ordering
 * curves (seed 003 Section 5) lie above the exact envelope D*(k); then seed 004 Section 6.1.1 in
 * miniature, the Hamming stability of (P_uni) solutions against α, with its plot. The methods and the
 * backend they evaluate models on are constructor arguments, so further explainers are compared by
 * passing them in.
 */
final class RelaxationsSection implements ReportSection {

  /** The seed of the methods' sampling. */
  static final long METHOD_SEED = 6000;
  /** The base seed of the generated instances (instance k uses 6000 + k). */
  static final long INSTANCE_SEED = 6000;
  /** The seed of the regression of seed 004 Section 6.1.1. */
  static final long REGRESSION_SEED = 6110;
  static final int[] TAUS = {3, 6, 9};

  private final Path outDir;
  private final Backend backend;
  private final List<Method> methods;

  RelaxationsSection(Path outDir, Backend backend) {
    this(outDir, backend, defaultMethods());
  }

  RelaxationsSection(Path outDir, Backend backend, List<Method> methods) {
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
  static List<Method> defaultMethods() {
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

  /** The generated instances: circuits, ReLU classifiers and ReLU score networks. */
  static List<GapRun.Case> cases(boolean full) {
    List<GapRun.Case> out = new ArrayList<>();
    int circuits = full ? 120 : 20;
    int relus = full ? 80 : 20;
    int maxCircuitD = full ? 16 : 12;
    int maxReluD = full ? 12 : 10;
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

  @Override
  public Result run(boolean full, Consumer<String> progress) {
    long t0 = System.nanoTime();
    GapSettings settings = GapSettings.defaults();
    List<GapRun.Case> cases = cases(full);
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
      RelaxationsPlot.stability(outDir.resolve("relaxations-stability.png"),
          "Stability of S*_α, linear regression d = 10 (seed 004 Fig. 1a)", stability, TAUS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    double stabSeconds = (System.nanoTime() - t1) / 1e9;

    String setupText = String.format(Locale.ROOT, "%d generated instances (seeds %d+k): %s. "
        + "Exact side in rational arithmetic over all 2^d sets: τ = ⌈d/4⌉, α = 1/2, δ = 9/10, "
        + "ρ = |a − b|. Methods (seed %d; masked features take the most probable value of V's "
        + "marginal): %s. Each method's scores are ranked by |w_i| (ties to the lower index) and "
        + "cut at k = the size of the smallest exact optimal set. Backend: %s. %.1f s.",
        cases.size(), INSTANCE_SEED, describeCases(cases), METHOD_SEED,
        methods.stream().map(Method::name).collect(Collectors.joining(", ")), backend.name(),
        gapSeconds);
    String stabText = String.format(Locale.ROOT, "Linear regression of seed 004 Section 6.1.1: "
        + "d = 10, μ_i = 2^i, β_i = 32·2^{−i} (our reading of the extracted text), X ~ N(μ, AAᵀ), "
        + "A_ij ~ U(0,1), %d training samples, β̂ by least squares, f(X) = β̂ᵀX; V = p(X_{S^c} | "
        + "X_S = x_S) in closed form, all 2^10 sets enumerated in float64; %d test points; seed "
        + "%d; CI = mean ± 1.96·sd/√n (normal approximation); ties broken to the first set in "
        + "report order. %.1f s.", rc.trainSize(), rc.testSize(), REGRESSION_SEED, stabSeconds);

    StringBuilder text = new StringBuilder(setupText).append("\n");
    StringBuilder md = new StringBuilder(setupText).append("\n");
    for (Problem p : Problem.values()) {
      List<GapSummary> rows = summaries.stream().filter(s -> s.problem() == p).toList();
      if (rows.isEmpty()) {
        continue;
      }
      String head = "\n" + heading(p) + "\n\n";
      text.append(head).append(Output.renderRows(gapRows(rows)));
      md.append("\n### ").append(heading(p)).append("\n\n").append(Output.markdown(gapRows(rows)));
    }
    text.append("\n").append(READING_GAP);
    md.append("\n").append(READING_GAP);
    text.append("\n").append(ADF_TEXT).append("\n\n").append(Output.renderRows(adfRows(adf)));
    md.append("\n### ADF moments against the exact moments (seed 003 Section 4.3)\n\n")
        .append(ADF_TEXT).append("\n\n").append(Output.markdown(adfRows(adf)));
    text.append("\n").append(stabText).append("\n\n").append(Output.renderRows(stabRows(
        stability))).append(tieNote(stability));
    md.append("\n### Stability of P_uni solutions against α (seed 004 Section 6.1.1)\n\n")
        .append(stabText).append("\n\n").append(Output.markdown(stabRows(stability)))
        .append(tieNote(stability)).append("\n![stability of P_uni solutions]"
            + "(relaxations-stability.png)\n");

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("seconds_gap", gapSeconds);
    json.put("seconds_stability", stabSeconds);
    json.put("instances", cases.stream().map(c -> c.family() + ": " + c.instance()).toList());
    json.put("methods", methods.stream().map(Method::name).toList());
    Map<String, Object> fixed = new LinkedHashMap<>();
    fixed.put("tau", "ceil(d/4)");
    fixed.put("alpha", "1/2");
    fixed.put("delta", "9/10");
    fixed.put("rho", "abs");
    fixed.put("ranking", settings.ranking().name().toLowerCase(Locale.ROOT));
    fixed.put("backend", backend.name());
    json.put("settings", fixed);
    json.put("gap", summaries.stream().map(RelaxationsSection::json).toList());
    json.put("adf", adf.stream().map(r -> Map.<String, Object>of("mode", r.mode(), "s", r.s(),
        "networks", r.networks(), "median_mean_error", r.medianMean(), "max_mean_error",
        r.maxMean(), "median_variance_error", r.medianVariance(), "max_variance_error",
        r.maxVariance(), "median_distortion_error", r.medianDistortion(),
        "max_distortion_error", r.maxDistortion())).toList());
    Map<String, Object> st = new LinkedHashMap<>();
    st.put("seed", REGRESSION_SEED);
    st.put("train_size", rc.trainSize());
    st.put("test_points", rc.testSize());
    st.put("beta_hat", setup.betaHat());
    st.put("points", stability.stream().map(RelaxationsSection::json).toList());
    st.put("plot", "relaxations-stability.png");
    json.put("stability", st);
    return new Result(text.toString(), md.toString(), json);
  }

  /** One ADF mode at one map s over the ReLU instances: median and largest relative errors. */
  record AdfRow(String mode, String s, int networks, double medianMean, double maxMean,
      double medianVariance, double maxVariance, double medianDistortion, double maxDistortion) {}

  /** ADF against enumeration on every ReLU instance at s = 0 (y ~ V) and s = 0.2·1 (RDE's start). */
  static List<AdfRow> adfAccuracy(List<GapRun.Case> cases) {
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

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElse(Double.NaN);
  }

  private static Output.Rows adfRows(List<AdfRow> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (AdfRow r : rows) {
      out.add(List.of(r.mode(), r.s(), r.networks(), g(r.medianMean()), g(r.maxMean()),
          g(r.medianVariance()), g(r.maxVariance()), g(r.medianDistortion()),
          g(r.maxDistortion())));
    }
    return new Output.Rows(List.of("ADF mode", "s", "networks", "mean err (median)", "(max)",
        "variance err (median)", "(max)", "D err (median)", "(max)"), out);
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

  private static Output.Rows gapRows(List<GapSummary> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (GapSummary s : rows) {
      out.add(List.of(s.method(), s.family(), s.instances(), s.trivial(),
          s.misses() + "/" + (s.instances() - s.trivial()), num(s.missRate()),
          num(s.meanExcess()), num(s.maxExcess()), num(s.meanHamming()), num(s.meanExtraSize()),
          num(s.meanCurveArea())));
    }
    return new Output.Rows(List.of("method", "model", "n", "k = 0", "misses/(k > 0)", "miss rate", "mean excess",
        "max excess", "mean Hamming", "mean extra size", "curve area"), out);
  }

  /** One row per α, one column per τ: "mean [low, high]". */
  private static Output.Rows stabRows(List<UnifiedStability.Point> points) {
    List<String> cols = new ArrayList<>(List.of("α"));
    for (int tau : TAUS) {
      cols.add("τ = " + tau + ": mean Hamming/d [95% CI]");
    }
    Map<Double, List<Object>> byAlpha = new LinkedHashMap<>();
    for (UnifiedStability.Point p : points) {
      byAlpha.computeIfAbsent(p.alpha(), a -> new ArrayList<>(List.of(
          String.format(Locale.ROOT, "%.2f", a))))
          .add(String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", p.mean(), p.low(), p.high()));
    }
    return new Output.Rows(cols, new ArrayList<>(byAlpha.values()));
  }

  private static String tieNote(List<UnifiedStability.Point> points) {
    int ties = points.stream().mapToInt(UnifiedStability.Point::ties).sum();
    int near = points.stream().mapToInt(UnifiedStability.Point::nearTies).sum();
    return String.format(Locale.ROOT, "\n(P_uni) had several minimisers at %d of the %d (τ, α, "
        + "point) triples, and a set outside the minimisers within a relative 1e-9 of the optimum "
        + "at %d.\n", ties, points.size() * (points.isEmpty() ? 0 : points.get(0).n()), near);
  }


  private static Map<String, Object> json(GapSummary s) {
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

  private static Map<String, Object> json(UnifiedStability.Point p) {
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
