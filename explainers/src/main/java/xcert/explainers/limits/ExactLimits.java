package xcert.explainers.limits;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.explainers.api.Attribution;
import xcert.explainers.lfa.Kernel;
import xcert.solvers.exact.RestrictedPredictionTable;
import xcert.solvers.model.Model;
import xcert.solvers.num.Rationals;
import xcert.solvers.setfunction.SetFunction;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.result.Provenance;

/**
 * The infinite-sample limits of the sampled explainers, computed without sampling: binary-noise
 * methods by summing over all of {0,1}^d with their kernel weights (d ≤ {@value #MAX_DIMENSION}),
 * Integrated Gradients on ReLU networks by integrating between the kinks of the path, and the
 * closed-form SmoothGrad of a one-hidden-layer ReLU network under Gaussian noise.
 *
 * <p>Every mask method combines as {@code lfa.Combination.mask}: z_x = x0 ⊙ z + r ⊙ (1 − z), and its
 * kernel depends on z only through k = |z|, so the model enters through the exact level sums
 * A_k = Σ_{|z|=k} f(z_x) and P_{i,k} = Σ_{|z|=k, z_i=1} f(z_x). What is exact and what is rounded:
 *
 * <ul>
 *   <li>{@link #kernelShap}, {@link #occlusion}, {@link #integratedGradients}: exact rationals
 *       (provenance EXACT, {@code exactValues} filled).
 *   <li>{@link #lime}, {@link #glimeBinomial}: the model values and level sums are exact; the kernel
 *       weights are values of exp, rounded in BigDecimal, and the normal equations are solved in
 *       BigDecimal at ≥ 120 significant digits (accepted when the solutions at P/2 and P digits agree
 *       to 40 digits); the result is rounded to float64 (provenance ENUMERATED_FLOAT64).
 *   <li>{@link #smoothGrad}: a float64 closed form (Φ by erfc series / continued fraction).
 * </ul>
 */
public final class ExactLimits {

  /** Largest d whose 2^d masks are enumerated. */
  public static final int MAX_DIMENSION = 20;

  private ExactLimits() {}

  /**
   * LIME's limit n → ∞ (seed 001 Eq. 1): argmin_{v,b} E_{z~Uni({0,1}^d)}[π(z)(f(z_x) − vᵀz − b)²]
   * + λ‖v‖², with lime_image's kernel π = √exp(−D²/w²), D the distance from z to the all-ones vector,
   * b unpenalised (present only when {@code intercept}). λ is on the expectation scale: sklearn's
   * Ridge(α) on n samples minimises the n-fold sum, i.e. λ = α/n, so λ = 0 is the limit of any
   * fixed α.
   *
   * @throws IllegalArgumentException for d &gt; {@value #MAX_DIMENSION}, wrong lengths, a width that
   *     is not positive, a negative λ, or non-0/1 x0 or r for a circuit
   */
  public static Attribution lime(Model f, double[] x0, double[] reference, double kernelWidth,
      Kernel.Distance distance, boolean intercept, double lambda) {
    Inputs.checkEnumerable("the LIME limit", f.dimension());
    Inputs.checkPointAndReference(f, x0, reference);
    Inputs.checkPositive("the kernel width", kernelWidth);
    Inputs.checkNonNegative("λ", lambda);
    if (distance == null) {
      throw new IllegalArgumentException("the LIME distance must be given (L2 or COSINE)");
    }
    LevelWeights weights = LevelWeights.lime(kernelWidth, distance);
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("kernel width", Double.toString(kernelWidth));
    settings.put("distance", distance.name().toLowerCase());
    return maskRegression("lime", f, x0, reference, weights, intercept, lambda, settings);
  }

  /**
   * GLIME-Binomial's limit (seed 001 Eq. 3) with P(z_i = 1) = 1/(1 + e^{−1/σ²}), penalty λ:
   * argmin_{v,b} E_{z~P̃}[(f(z_x) − vᵀz − b)²] + λ‖v‖², P̃(z) = e^{|z|/σ²}/(1 + e^{1/σ²})^d. By
   * seed 001 B.1–B.2 this equals {@link #lime} with the L2 distance, kernel width w = σ/√2 and
   * penalty λ_LIME = Z·λ, Z = E_{Uni}[π] = {@link #limeKernelMass}; that is, LIME's λ maps to λ/Z
   * here.
   *
   * @throws IllegalArgumentException as {@link #lime}
   */
  public static Attribution glimeBinomial(Model f, double[] x0, double[] reference, double sigma,
      boolean intercept, double lambda) {
    Inputs.checkEnumerable("the GLIME-Binomial limit", f.dimension());
    Inputs.checkPointAndReference(f, x0, reference);
    Inputs.checkPositive("σ", sigma);
    Inputs.checkNonNegative("λ", lambda);
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("sigma", Double.toString(sigma));
    return maskRegression("glime-binomial", f, x0, reference, LevelWeights.glimeBinomial(sigma),
        intercept, lambda, settings);
  }

  /**
   * Z = E_{z~Uni({0,1}^d)}[π(z)] for LIME's kernel (seed 001 B.2; for the L2 distance
   * Z = e^{−d/σ²}(1 + e^{1/σ²})^d / 2^d with σ² = 2w²), rounded to float64 (it underflows to 0 for
   * very narrow kernels).
   */
  public static double limeKernelMass(int d, double kernelWidth, Kernel.Distance distance) {
    Inputs.checkPositive("the kernel width", kernelWidth);
    if (d < 1) {
      throw new IllegalArgumentException("d must be at least 1, got " + d);
    }
    BigDecimal[] w = LevelWeights.lime(kernelWidth, distance).at(d, 40);
    BigDecimal z = BigDecimal.ZERO;
    for (int k = 0; k <= d; k++) {
      z = z.add(w[k].multiply(new BigDecimal(LevelSums.binomial(d, k))), MathContext.DECIMAL128);
    }
    return z.doubleValue();
  }

  /**
   * KernelSHAP over all coalitions (Lundberg and Lee, Theorem 2; seed 000 A.2.2), λ = 0, with
   * b = f(r) and the efficiency constraint Σw = f(x0) − f(r), solved exactly in rationals. The value
   * of a coalition z is f(x0 ⊙ z + r ⊙ (1 − z)), so the result is the Shapley value of the game
   * v(S) = f(x_S, r_{S^c}).
   *
   * @throws IllegalArgumentException for d &gt; {@value #MAX_DIMENSION}, wrong lengths, or non-0/1
   *     x0 or r for a circuit
   */
  public static Attribution kernelShap(Model f, double[] x0, double[] reference) {
    Inputs.checkEnumerable("the KernelSHAP limit", f.dimension());
    Inputs.checkPointAndReference(f, x0, reference);
    LevelSums s = LevelSums.of(f, x0, reference);
    BigFraction[] w = KernelShapLimit.solve(s);
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("reference", java.util.Arrays.toString(reference));
    settings.put("coalitions", "all 2^" + f.dimension());
    Provenance p = Provenance.exact("KernelSHAP limit: Shapley-kernel weighted least squares over "
        + "all 2^" + f.dimension() + " coalitions with b = f(r) and Σw = f(x0) − f(r), solved in "
        + "rationals; " + s.how);
    return new Attribution(toDoubles(w), OptionalDouble.of(s.empty().doubleValue()), "kernelshap",
        settings, p, List.of(w));
  }

  /**
   * Occlusion (seed 000 A.2): w_i = f(x0) − f(x0 with feature i set to r_i), in exact rationals
   * ({@link Model#exactValue}: a circuit's output, a network's score or label).
   *
   * @throws IllegalArgumentException for wrong lengths, or non-0/1 x0 or r for a circuit
   */
  public static Attribution occlusion(Model f, double[] x0, double[] reference) {
    Inputs.checkPointAndReference(f, x0, reference);
    int d = f.dimension();
    BigFraction fx = f.exactValue(x0);
    List<BigFraction> w = new ArrayList<>();
    double[] z = x0.clone();
    for (int i = 0; i < d; i++) {
      z[i] = reference[i];
      w.add(fx.subtract(f.exactValue(z)));
      z[i] = x0[i];
    }
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("reference", java.util.Arrays.toString(reference));
    Provenance p = Provenance.exact("occlusion: f(x0) − f(x0 with x_i := r_i), " + d
        + " exact model values");
    return new Attribution(toDoubles(w.toArray(new BigFraction[0])), OptionalDouble.empty(),
        "occlusion", settings, p, w);
  }

  /**
   * Integrated Gradients from the reference r to x0 (Sundararajan et al.; seed 000 A.2.7), exactly:
   * IG_i = (x0_i − r_i) ∫₀¹ ∂_i f(r + t(x0 − r)) dt with f the score (also for a classifier). The
   * pre-activations are piecewise linear in t; every kink (a hidden pre-activation crossing 0) is
   * found in rational arithmetic and the constant gradient integrated on each segment, so
   * completeness Σ IG_i = f(x0) − f(r) holds exactly. At a kink the convention does not matter (a
   * null set); on a segment where a pre-activation is identically 0 the unit counts as inactive, as
   * in the CPU backend.
   *
   * @throws IllegalArgumentException for wrong lengths or non-finite inputs
   */
  public static Attribution integratedGradients(ReluNetwork f, double[] x0, double[] reference) {
    Inputs.checkPointAndReference(f, x0, reference);
    PathKinks.Result res = PathKinks.integrate(f, x0, reference);
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("reference", java.util.Arrays.toString(reference));
    settings.put("kinks", Integer.toString(res.kinks().size()));
    Provenance p = Provenance.exact("Integrated Gradients of the score along r + t(x0 − r): "
        + res.kinks().size() + " kinks found in rationals, constant gradient integrated on "
        + res.segments() + " segments");
    return new Attribution(toDoubles(res.ig()), OptionalDouble.empty(), "integrated-gradients",
        settings, p, List.of(res.ig()));
  }

  /**
   * E_{ξ ~ N(0, σ²I)}[∇f(x0 + ξ)] in closed form for a network with one hidden layer (seed 000
   * A.2.5): Σ_j v_j w_j Φ((w_j·x0 + b_j)/(σ‖w_j‖)), the score's gradient. Float64, not exact.
   *
   * @throws IllegalArgumentException for more than one hidden layer, wrong length, σ ≤ 0
   */
  public static Attribution smoothGrad(ReluNetwork f, double[] x0, double sigma) {
    Inputs.checkPoint(f, x0);
    Inputs.checkPositive("σ", sigma);
    double[] g = SmoothGradClosedForm.expectedGradient(f, x0, sigma);
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("sigma", Double.toString(sigma));
    Provenance p = Provenance.float64("SmoothGrad limit in closed form Σ_j v_j w_j Φ((w_j·x0 + "
        + "b_j)/(σ‖w_j‖)), float64 (Φ via erfc series / continued fraction, relative error ~1e-14); "
        + "not exact");
    return new Attribution(g, OptionalDouble.empty(), "smoothgrad", settings, p);
  }

  private static Attribution maskRegression(String method, Model f, double[] x0, double[] r,
      LevelWeights weights, boolean intercept, double lambda, Map<String, String> settings) {
    settings.put("reference", java.util.Arrays.toString(r));
    return maskRegression(method, LevelSums.of(f, x0, r), weights, intercept, lambda, settings);
  }

  private static Attribution maskRegression(String method, LevelSums s, LevelWeights weights,
      boolean intercept, double lambda, Map<String, String> settings) {
    MaskRegression.Solution sol = MaskRegression.solve(s, weights, intercept, lambda);
    double[] v = new double[s.d];
    for (int i = 0; i < v.length; i++) {
      v[i] = sol.v()[i].doubleValue();
    }
    settings.put("intercept", Boolean.toString(intercept));
    settings.put("lambda", Double.toString(lambda));
    settings.put("masks", "all 2^" + s.d);
    Provenance p = Provenance.float64(method + " limit over all 2^" + s.d + " masks ("
        + weights.describe() + "): " + s.how + ", level sums exact; kernel weights (exp) and the "
        + "weighted least squares rounded in BigDecimal at " + sol.digits() + " significant digits "
        + "(agreeing with the solve at " + sol.digits() / 2 + " digits to "
        + MaskRegression.AGREE_DIGITS + "), result rounded to float64; not exact");
    return new Attribution(v, intercept ? OptionalDouble.of(sol.b().doubleValue())
        : OptionalDouble.empty(), method, settings, p);
  }

  /**
   * {@link #lime} with the value of a mask z the game value v(z) = f_S(x), S = {i : z_i = 1}, of a
   * table of average restricted predictions (seed 004 Eq. 1): the interventional game over a
   * background V instead of one reference point (a point mass at r gives {@link #lime} at r).
   *
   * @throws IllegalArgumentException for d &gt; {@value #MAX_DIMENSION} or settings out of range
   */
  public static Attribution lime(RestrictedPredictionTable game, double kernelWidth,
      Kernel.Distance distance, boolean intercept, double lambda) {
    Inputs.checkEnumerable("the LIME limit", game.dimension());
    Inputs.checkPositive("the kernel width", kernelWidth);
    Inputs.checkNonNegative("λ", lambda);
    if (distance == null) {
      throw new IllegalArgumentException("the LIME distance must be given (L2 or COSINE)");
    }
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("kernel width", Double.toString(kernelWidth));
    settings.put("distance", distance.name().toLowerCase());
    settings.put("distribution", game.distribution().describe());
    return maskRegression("lime", levelSums(game), LevelWeights.lime(kernelWidth, distance),
        intercept, lambda, settings);
  }

  /** {@link #glimeBinomial} on the game values of a table, as {@link #lime(RestrictedPredictionTable, double, Kernel.Distance, boolean, double)}. */
  public static Attribution glimeBinomial(RestrictedPredictionTable game, double sigma,
      boolean intercept, double lambda) {
    Inputs.checkEnumerable("the GLIME-Binomial limit", game.dimension());
    Inputs.checkPositive("σ", sigma);
    Inputs.checkNonNegative("λ", lambda);
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("sigma", Double.toString(sigma));
    settings.put("distribution", game.distribution().describe());
    return maskRegression("glime-binomial", levelSums(game), LevelWeights.glimeBinomial(sigma),
        intercept, lambda, settings);
  }

  /**
   * {@link #kernelShap} on the game values v(S) = f_S(x) of a table: b = v(∅) = E_V f and
   * Σw = v([d]) − v(∅); the result is the Shapley value of that game (Lundberg and Lee, Theorem 2),
   * exact when the table is.
   */
  public static Attribution kernelShap(RestrictedPredictionTable game) {
    int d = game.dimension();
    Inputs.checkEnumerable("the KernelSHAP limit", d);
    LevelSums s = levelSums(game);
    BigFraction[] w = KernelShapLimit.solve(s);
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("distribution", game.distribution().describe());
    settings.put("coalitions", "all 2^" + d);
    String method = "KernelSHAP limit: Shapley-kernel weighted least squares over all 2^" + d
        + " coalitions with b = v(∅) and Σw = v([d]) − v(∅), v(S) = f_S(x) under "
        + game.distribution().describe() + ", solved in rationals; " + s.how;
    Provenance p = game.isExact() ? Provenance.exact(method) : Provenance.float64(method
        + " (float64 game values read exactly; not exact)");
    return new Attribution(toDoubles(w), OptionalDouble.of(s.empty().doubleValue()), "kernelshap",
        settings, p, game.isExact() ? List.of(w) : List.of());
  }

  /** Occlusion on the game values of a table: w_i = v([d]) − v([d] ∖ {i}). */
  public static Attribution occlusion(RestrictedPredictionTable game) {
    int d = game.dimension();
    SetFunction v = game.values();
    int full = (1 << d) - 1;
    BigFraction[] w = new BigFraction[d];
    for (int i = 0; i < d; i++) {
      w[i] = exactOf(v, full).subtract(exactOf(v, full & ~(1 << i)));
    }
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("distribution", game.distribution().describe());
    String method = "occlusion: v([d]) − v([d] ∖ {i}), v(S) = f_S(x) under "
        + game.distribution().describe() + "; " + game.provenance().method();
    Provenance p = game.isExact() ? Provenance.exact(method) : Provenance.float64(method
        + " (not exact)");
    return new Attribution(toDoubles(w), OptionalDouble.empty(), "occlusion", settings, p,
        game.isExact() ? List.of(w) : List.of());
  }

  private static BigFraction exactOf(SetFunction v, int s) {
    return v.isExact() ? v.exactAt(s) : Rationals.fromDouble(v.doubleAt(s));
  }

  private static LevelSums levelSums(RestrictedPredictionTable game) {
    return LevelSums.ofGame(game.values(), "game values f_S(x) of " + game.distribution()
        .describe() + " (" + game.provenance().method() + ")");
  }

  private static double[] toDoubles(BigFraction[] w) {
    double[] out = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      out[i] = w[i].doubleValue();
    }
    return out;
  }
}
