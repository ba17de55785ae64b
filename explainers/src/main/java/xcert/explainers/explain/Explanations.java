package xcert.explainers.explain;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.explainers.api.Attribution;
import xcert.explainers.api.Explainer;
import xcert.explainers.backend.Backend;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.exact.RestrictedPredictions;
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
    String relaxation = firstRelaxationSetting(s, distributionStated);
    if (!relaxed && relaxation != null) {
      throw InputException.setting(relaxation, "applies to the relaxations "
          + String.join(", ", ExplainMethod.ids(ExplainMethod.Kind.RELAXATION)) + ", not to "
          + m.id());
    }
    positive("rank", s.rank());
    positive("iterations", s.iterations());
    positive("maskSamples", s.maskSamples());
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
    if (s.steps() != null && s.steps() < 1) {
      throw InputException.setting("steps", s.steps() + " is out of range; expected m >= 1");
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

  /**
   * The attribution of {@code f} at {@code x} by method {@code m}.
   *
   * @param distribution the reference distribution V of the relaxations (null: uniform); the
   *     other methods take none (their reference point is {@link ExplainSettings#reference})
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
    if (m.kind() == ExplainMethod.Kind.LIMIT) {
      Map<String, String> settings = new LinkedHashMap<>();
      if (!f.hasExactValues()) {
        // a probability after a Sigmoid/Softmax head: the limit of its float64 values, said so
        Attribution a = Limits.compute(m, new Float64Values(f), x, s, settings);
        Provenance p = a.provenance();
        Attribution b = new Attribution(a.values(), a.intercept(), a.method(), a.settings(),
            new Provenance(Provenance.Kind.ENUMERATED_FLOAT64, ExactQueries.float64Reason(f)
                + "; " + p.method(), p.samples(), p.seed(), p.tolerance()));
        return new Explanation(m, b, settings, "none (exact limit, computed on the CPU)");
      }
      Attribution a = Limits.compute(m, f, x, s, settings);
      return new Explanation(m, a, settings, "none (exact limit, computed on the CPU)");
    }
    Backend backend = Backends.select(s.backend());
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
