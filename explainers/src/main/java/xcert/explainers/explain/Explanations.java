package xcert.explainers.explain;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.explainers.api.Attribution;
import xcert.explainers.api.Explainer;
import xcert.explainers.background.Background;
import xcert.explainers.background.BackgroundBackend;
import xcert.explainers.background.BackgroundGame;
import xcert.explainers.backend.Backend;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.explainers.permutation.PermutationSampling;
import xcert.explainers.rde.DistortionMode;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.limits.CostEstimate;
import xcert.solvers.limits.SizePolicy;
import xcert.solvers.model.Model;
import xcert.solvers.num.Rationals;
import xcert.solvers.query.ExactQueries;
import xcert.solvers.result.Provenance;
import xcert.solvers.notation.DistributionSpec;

/**
 * One attribution of a model at a point by any {@link ExplainMethod}: a sampled LFA method of seed
 * 000 Table 1 / seed 001, an exact limit (seed 000 Theorems 1–3, seed 001 Appendix B), or a continuous
 * relaxation against a reference distribution (RDE, seed 003 Section 4; relaxed masks, seed 004 Eq.
 * 13). Every refusal is an {@link InputException} naming the setting ({@code samples},
 * {@code kernelWidth}, ...) or the method.
 *
 * <pre>{@code
 * ExplainSettings s = ExplainSettings.defaults().withSamples(2048).withSeed(7);
 * Explanation e = Explanations.explain(net, x, null, ExplainMethod.KERNELSHAP, s);
 * }</pre>
 */
public final class Explanations {

  private Explanations() {}

  /**
   * Refuses settings out of range, in conflict, or that do not apply to the method, before any
   * work; {@link #explain} calls it too.
   *
   * @param distributionStated whether a reference distribution was given (only the relaxations
   *     take one)
   * @throws InputException naming the first offending setting
   */
  public static void check(ExplainMethod m, ExplainSettings s, boolean distributionStated) {
    boolean relaxed = m.kind() == ExplainMethod.Kind.RELAXATION;
    if (distributionStated && !relaxed && !m.takesBackground()) {
      throw InputException.setting("dist", "applies to the relaxations "
          + String.join(", ", ExplainMethod.ids(ExplainMethod.Kind.RELAXATION)) + " and, as "
          + "background data, to the mask methods " + String.join(", ",
          ExplainMethod.backgroundIds()) + "; not to " + m.id()
          + (m.usesReference() ? " (it takes a reference point, --reference)" : ""));
    }
    if (distributionStated && m.takesBackground() && s.reference() != null) {
      throw InputException.setting("reference", "conflicts with the background distribution "
          + "(dist); a reference r is the point mass point:r, so give one of the two");
    }
    if (m == ExplainMethod.PERMUTATION) {
      checkPermutation(s);
    } else if (m.kind() == ExplainMethod.Kind.SAMPLED) {
      checkSampled(m, s);
    }
    if (m == ExplainMethod.RDE && s.distortion() != DistortionMode.LOW_RANK && s.rank() != null) {
      throw InputException.setting("rank", "does not apply to rde with the "
          + (s.distortion() == null ? "diag" : s.distortion().cliName()) + " distortion; the rank "
          + "is that of the low-rank covariance (distortion low-rank)");
    }
    if (m == ExplainMethod.RDE && s.distortion() != DistortionMode.SAMPLES && s.samples() != null) {
      throw InputException.setting("samples", "does not apply to rde with the "
          + (s.distortion() == null ? "diag" : s.distortion().cliName()) + " distortion, which "
          + "is computed by ADF without samples; samples are for distortion samples");
    }
    String relaxation = firstRelaxationSetting(s, distributionStated && !m.takesBackground());
    if (!relaxed && relaxation != null) {
      throw InputException.setting(relaxation, "applies to the relaxations "
          + String.join(", ", ExplainMethod.ids(ExplainMethod.Kind.RELAXATION)) + ", not to "
          + m.id());
    }
    bounded("rank", s.rank(), SizePolicy.MAX_RANK, "");
    bounded("iterations", s.iterations(), SizePolicy.MAX_ITERATIONS, "optimisation steps");
    bounded("maskSamples", s.maskSamples(), SizePolicy.MAX_PER_STEP, "samples per step");
    positive("gridWidth", s.gridWidth());
    if (s.alpha() != null && !(s.alpha() >= 0 && s.alpha() <= 1)) {
      throw InputException.setting("alpha", s.alpha() + " is out of range; expected α in [0, 1]");
    }
    if (s.lambdaTv() != null && !(s.lambdaTv() >= 0 && Double.isFinite(s.lambdaTv()))) {
      throw InputException.setting("lambdaTv", s.lambdaTv() + " is out of range; expected a "
          + "finite value >= 0");
    }
    if (s.lambdaTv() != null && s.lambdaTv() > 0 && s.gridWidth() == null) {
      throw InputException.setting("gridWidth", "the total-variation penalty (lambdaTv > 0) needs "
          + "the grid: state its width W");
    }
    finitePositive("learningRate", s.learningRate(), "step");
    finitePositive("temperature", s.temperature(), "temperature");
    if (s.samples() != null && s.samples() < 1) {
      throw InputException.setting("samples", s.samples() + " is out of range; expected n >= 1");
    }
    if (s.samples() != null) {
      SizePolicy.checkCount("samples", s.samples(), SizePolicy.MAX_EVALUATIONS, "samples");
    }
    if (s.steps() != null && s.steps() < 1) {
      throw InputException.setting("steps", s.steps() + " is out of range; expected m >= 1");
    }
    if (s.steps() != null) {
      SizePolicy.checkCount("steps", s.steps(), SizePolicy.MAX_EVALUATIONS, "Riemann steps");
    }
    if (s.sigma() != null && !(s.sigma() > 0 && Double.isFinite(s.sigma()))) {
      throw InputException.setting("sigma", s.sigma() + " is out of range; expected a finite "
          + "σ > 0");
    }
    finitePositive("kernelWidth", s.kernelWidth(), "width");
    if (s.lambda() != null && !(s.lambda() >= 0 && Double.isFinite(s.lambda()))) {
      throw InputException.setting("lambda", s.lambda() + " is out of range; expected a finite "
          + "λ >= 0");
    }
    String method = firstMethodSetting(s);
    if (relaxed && (s.lasso() || s.steps() != null || method != null)) {
      throw InputException.setting(s.lasso() ? "lasso" : s.steps() != null ? "steps" : method,
          "does not apply to " + m.id());
    }
    if (m.kind() == ExplainMethod.Kind.LIMIT && s.lasso()) {
      throw InputException.setting("lasso", "the exact limits are ridge (or unpenalised) fits; "
          + "the lasso applies to the sampled methods");
    }
  }

  /** The sampled methods whose noise scale is σ. */
  private static final List<String> SIGMA = List.of("c-lime", "smoothgrad", "glime-binomial",
      "glime-gauss", "glime-laplace", "glime-uniform");

  /** The sampled methods that fit a penalised regression (λ, the lasso, the intercept). */
  private static final List<String> REGRESSION = List.of("c-lime", "lime", "glime-binomial",
      "glime-gauss", "glime-laplace", "glime-uniform");

  /** Refuses the settings of other sampled methods: each one names what reads it. */
  private static void checkSampled(ExplainMethod m, ExplainSettings s) {
    String id = m.id();
    if (s.sigma() != null && !SIGMA.contains(id)) {
      throw InputException.setting("sigma", "does not apply to " + id + "; σ is the noise scale "
          + "of " + String.join(", ", SIGMA));
    }
    if (s.steps() != null && m != ExplainMethod.INTEGRATED_GRADIENTS) {
      throw InputException.setting("steps", "does not apply to " + id + "; the Riemann "
          + "midpoints are those of integrated-gradients");
    }
    String fit = s.lasso() ? "lasso" : !s.intercept() ? "noIntercept"
        : s.lambda() != null ? "lambda" : null;
    if (fit != null && !REGRESSION.contains(id)) {
      throw InputException.setting(fit, "does not apply to " + id + (m == ExplainMethod.KERNELSHAP
          ? ", which fits under the efficiency constraint without a penalty"
          : ", which fits no penalised regression") + "; the penalty and intercept are those of "
          + String.join(", ", REGRESSION));
    }
    String lime = s.kernelWidth() != null ? "kernelWidth" : s.distance() != null ? "distance"
        : null;
    if (lime != null && m != ExplainMethod.LIME) {
      throw InputException.setting(lime, "does not apply to " + id + "; the kernel width and "
          + "distance are those of lime's kernel");
    }
    if (s.reference() != null && !m.usesReference()) {
      throw InputException.setting("reference", "does not apply to " + id + ", which perturbs "
          + "x additively; the reference is that of the mask methods, integrated-gradients and "
          + "gradient-x-input");
    }
  }

  /** Permutation sampling takes n (even, ≥ 2), the seed, the reference and the backend only. */
  private static void checkPermutation(ExplainSettings s) {
    if (s.samples() != null && (s.samples() < 2 || s.samples() % 2 != 0)) {
      throw InputException.setting("samples", s.samples() + " is out of range; permutation "
          + "walks each drawn order forwards and in reverse, so n must be even and >= 2");
    }
    String other = s.sigma() != null ? "sigma" : s.kernelWidth() != null ? "kernelWidth"
        : s.distance() != null ? "distance" : s.lambda() != null ? "lambda"
        : s.lasso() ? "lasso" : s.steps() != null ? "steps" : !s.intercept() ? "noIntercept"
        : null;
    if (other != null) {
      throw InputException.setting(other, "does not apply to permutation (it averages marginal "
          + "contributions; it fits nothing)");
    }
  }

  /**
   * The attribution of {@code f} at {@code x} by method {@code m}.
   *
   * @param distribution the reference distribution V of the relaxations (null: uniform), or the
   *     background of the mask methods and their limits ({@link ExplainMethod#takesBackground}):
   *     the value of a mask z is then the game value v(z) = E_{r~V} f(x ⊙ z + r ⊙ (1 − z)) (seed
   *     004 Eq. 1), computed against every row of V ({@link Background}) by the sampled methods and
   *     from the exact table of f_S(x) by the limits; null: the reference point
   *     {@link ExplainSettings#reference} (default 0)
   * @throws InputException for settings that do not apply or are out of range, an x or reference
   *     the model cannot take, or a fit the samples cannot determine
   */
  public static Explanation explain(Model f, double[] x, ReferenceDistribution distribution,
      ExplainMethod m, ExplainSettings s) {
    check(m, s, distribution != null);
    int d = f.dimension();
    if (x.length != d) {
      throw InputException.setting("x", x.length + " numbers given, expected d=" + d);
    }
    binary(f, x, "x");
    if (distribution == null || !m.takesBackground()) {
      estimate(f, m, s, 1);
    }
    if (m.kind() == ExplainMethod.Kind.LIMIT) {
      Map<String, String> settings = new LinkedHashMap<>();
      if (!f.hasExactValues()) {
        // a probability after a Sigmoid/Softmax head: the limit of its float64 values, said so
        Attribution a = Limits.compute(m, new Float64Values(f), x, distribution, s, settings);
        Provenance p = a.provenance();
        Attribution b = new Attribution(a.values(), a.intercept(), a.method(), a.settings(),
            new Provenance(Provenance.Kind.ENUMERATED_FLOAT64, ExactQueries.float64Reason(f)
                + "; " + p.method(), p.samples(), p.seed(), p.tolerance()));
        return new Explanation(m, b, settings, "none (exact limit, computed on the CPU)");
      }
      Attribution a = Limits.compute(m, f, x, distribution, s, settings);
      return new Explanation(m, a, settings, "none (exact limit, computed on the CPU)");
    }
    Backend backend = Backends.select(s.backend());
    if (m == ExplainMethod.PERMUTATION || (distribution != null && m.takesBackground())) {
      return onBackground(f, x, distribution, m, s, backend);
    }
    ReferenceDistribution v = distribution;
    if (m.kind() == ExplainMethod.Kind.RELAXATION) {
      if (v == null) {
        v = DistributionSpec.parse("dist", "uniform", d, Path.of("."));
      }
      compatible(f, x, v);
    }
    Attribution a;
    try {
      Explainer e = m.kind() == ExplainMethod.Kind.RELAXATION ? Relaxations.create(m, s, v)
          : Methods.create(m.id(), methodSettings(s, d), d);
      a = e.explain(f, x, backend);
    } catch (InputException ex) {
      throw ex;
    } catch (IllegalArgumentException | IllegalStateException ex) {
      // a setting the method's own checks refuse, or a fit the samples cannot determine
      throw InputException.of(m.id(), ex.getMessage());
    }
    Map<String, String> settings = new LinkedHashMap<>(a.settings());
    if (m.kind() == ExplainMethod.Kind.RELAXATION) {
      settings.putIfAbsent("distribution", v.describe());
    } else if (m.usesReference()) {
      settings.putIfAbsent("reference", vector(reference(s, d)));
    }
    return new Explanation(m, a, settings, backend.name());
  }

  /**
   * A mask method or permutation sampling on the game of a background (V, or the point mass at
   * the reference r): the method runs on h(ξ) = Σ_j w_j f(x ⊙ ξ + r_j ⊙ (1 − ξ)) at x' = 1 with
   * reference 0 ({@link BackgroundGame}), which regresses on (or walks) the exact game values of
   * the coalitions; its settings say the background, never the 0 of the auxiliary run.
   */
  private static Explanation onBackground(Model f, double[] x, ReferenceDistribution distribution,
      ExplainMethod m, ExplainSettings s, Backend backend) {
    int d = f.dimension();
    Background bg;
    if (distribution != null) {
      compatible(f, x, distribution);
      bg = Background.of(distribution);
      estimate(f, m, s, bg.size());
    } else {
      double[] r = reference(s, d);
      binary(f, r, "reference");
      bg = Background.point(r);
    }
    BackgroundGame h = new BackgroundGame(f, x, bg);
    double[] ones = new double[d];
    java.util.Arrays.fill(ones, 1);
    Attribution a;
    try {
      if (m == ExplainMethod.PERMUTATION) {
        long n = s.samples() == null ? PermutationSampling.DEFAULT_PERMUTATIONS : s.samples();
        a = new PermutationSampling(n, s.seed(), new double[d]).explain(h, ones,
            new BackgroundBackend(backend));
      } else {
        ExplainSettings auxiliary = s.withReference(new double[d]);
        a = Methods.create(m.id(), methodSettings(auxiliary, d), d).explain(h, ones,
            new BackgroundBackend(backend));
      }
    } catch (InputException ex) {
      throw ex;
    } catch (IllegalArgumentException | IllegalStateException ex) {
      throw InputException.of(m.id(), ex.getMessage());
    }
    Map<String, String> settings = new LinkedHashMap<>();
    a.settings().forEach((k, v) -> {
      if (k.equals("combination")) {
        settings.put(k, bg.combination());
      } else if (!k.equals("backend")) {
        settings.put(k, v);
      }
    });
    if (distribution != null) {
      settings.put("distribution", bg.describe());
    } else {
      settings.put("reference", vector(bg.row(0)));
    }
    settings.put("background rows", Integer.toString(bg.size()));
    settings.put("backend", backend.name() + (distribution != null ? "; masks drawn and "
        + "background rows averaged on the host" : ""));
    Provenance p = a.provenance();
    Provenance q = new Provenance(p.kind(), p.method() + "; value of a coalition: "
        + (distribution != null ? "f averaged over the " + bg.size() + " rows of " + bg.describe()
        : "f with the features outside it at r"), p.samples(), p.seed(), p.tolerance());
    Attribution b = new Attribution(a.values(), a.intercept(), a.method(), settings, q,
        a.exactValues());
    return new Explanation(m, b, settings, backend.name());
  }

  /**
   * r = 1 − x, the reference of lime's LimeTabularExplainer on 0/1 features (a masked feature
   * flips to the other bin).
   *
   * @throws InputException (setting {@code reference}) when x is not in {0,1}^d
   */
  public static double[] complement(double[] x) {
    double[] r = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      if (x[i] != 0.0 && x[i] != 1.0) {
        throw InputException.setting("reference", "1-x needs a 0/1 input, but x_" + (i + 1)
            + " = " + x[i] + "; give r as d numbers");
      }
      r[i] = 1 - x[i];
    }
    return r;
  }

  /** The reference r of the settings for d features (all zeros when not stated). */
  static double[] reference(ExplainSettings s, int d) {
    double[] r = s.reference();
    if (r == null) {
      return new double[d];
    }
    if (r.length != d) {
      throw InputException.setting("reference", r.length + " numbers given, expected d=" + d);
    }
    return r;
  }

  /** A circuit takes only 0/1 inputs. */
  static void binary(Model f, double[] v, String setting) {
    if (f.requiresBinaryInputs()) {
      for (int i = 0; i < v.length; i++) {
        if (v[i] != 0.0 && v[i] != 1.0) {
          throw InputException.setting(setting, "a circuit takes 0/1 inputs; "
              + setting.charAt(0) + "_" + (i + 1) + " = " + v[i]);
        }
      }
    }
  }

  /** The distribution must give values the model takes, and match its dimension. */
  public static void compatible(Model f, double[] x, ReferenceDistribution v) {
    binary(f, x, "x");
    if (f.requiresBinaryInputs() && !v.isBinary()) {
      throw InputException.setting("dist", "a circuit takes 0/1 inputs, but " + v.describe()
          + " gives other values");
    }
    try {
      RestrictedPredictions.checkCompatible(f, x, v);
    } catch (IllegalArgumentException e) {
      throw InputException.setting("dist", e.getMessage());
    }
  }

  /** A vector as comma-separated numbers, integers without a decimal point. */
  public static String vector(double[] v) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.length; i++) {
      sb.append(i == 0 ? "" : ",").append(v[i] == Math.rint(v[i]) && Math.abs(v[i]) < 1e15
          ? Long.toString((long) v[i]) : Double.toString(v[i]));
    }
    return sb.toString();
  }

  private static MethodSettings methodSettings(ExplainSettings s, int d) {
    MethodSettings m = MethodSettings.defaults().withSeed(s.seed()).withLasso(s.lasso())
        .withIntercept(s.intercept());
    if (s.samples() != null) {
      m = m.withSamples(s.samples());
    }
    if (s.sigma() != null) {
      m = m.withSigma(s.sigma());
    }
    if (s.kernelWidth() != null) {
      m = m.withKernelWidth(s.kernelWidth());
    }
    if (s.distance() != null) {
      m = m.withDistance(s.distance().name().toLowerCase(java.util.Locale.ROOT));
    }
    if (s.lambda() != null) {
      m = m.withLambda(s.lambda());
    }
    if (s.reference() != null) {
      m = m.withReference(reference(s, d));
    }
    if (s.steps() != null) {
      m = m.withSteps(s.steps());
    }
    return m;
  }

  private static String firstMethodSetting(ExplainSettings s) {
    return s.reference() != null ? "reference" : s.sigma() != null ? "sigma"
        : s.kernelWidth() != null ? "kernelWidth" : s.distance() != null ? "distance"
        : !s.intercept() ? "noIntercept" : null;
  }

  private static String firstRelaxationSetting(ExplainSettings s, boolean distributionStated) {
    Object[] values = {distributionStated ? Boolean.TRUE : null, s.distortion(), s.rank(),
        s.iterations(), s.alpha(), s.maskSamples(), s.lambdaTv(), s.gridWidth(),
        s.learningRate(), s.temperature(), s.necessity(), s.baseline()};
    List<String> names = List.of("dist", "distortion", "rank", "iterations", "alpha",
        "maskSamples", "lambdaTv", "gridWidth", "learningRate", "temperature", "necessity",
        "baseline");
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        return names.get(i);
      }
    }
    return null;
  }

  private static void positive(String setting, Integer value) {
    if (value != null && value < 1) {
      throw InputException.setting(setting, value + " is out of range; expected an integer >= 1");
    }
  }

  /** At least 1 (the old wording) and at most the size policy's bound. */
  private static void bounded(String setting, Integer value, long max, String what) {
    positive(setting, value);
    if (value != null) {
      SizePolicy.checkCount(setting, value, max, what);
    }
  }

  /**
   * The estimated cost of the run ({@link Costs}), refused before any work when it cannot finish
   * on this machine (README, "Size and cost policy"); null for the exact limits, which check
   * their own tables.
   *
   * @param rows background rows each coalition is averaged over (1 for a reference point)
   * @throws xcert.solvers.errors.TooLargeException with the estimate, in one line
   */
  public static CostEstimate estimate(Model f, ExplainMethod m, ExplainSettings s, int rows) {
    if (m.kind() == ExplainMethod.Kind.LIMIT) {
      return null;
    }
    return Costs.estimate(m, f, s, rows).require();
  }

  private static void finitePositive(String setting, Double value, String what) {
    if (value != null && !(value > 0 && Double.isFinite(value))) {
      throw InputException.setting(setting, value + " is out of range; expected a finite " + what
          + " > 0");
    }
  }

  /**
   * A model without exact values seen through its float64 values, each read as the rational it
   * holds, so that an exact limit can sum them; the result is float64, not exact.
   */
  private static final class Float64Values implements Model {
    private final Model f;

    Float64Values(Model f) {
      this.f = f;
    }

    @Override
    public int dimension() {
      return f.dimension();
    }

    @Override
    public double evaluate(double[] x) {
      return f.evaluate(x);
    }

    @Override
    public BigFraction exactValue(double[] x) {
      return Rationals.fromDouble(f.evaluate(x));
    }

    @Override
    public boolean isBooleanValued() {
      return f.isBooleanValued();
    }

    @Override
    public boolean requiresBinaryInputs() {
      return f.requiresBinaryInputs();
    }
  }
}
