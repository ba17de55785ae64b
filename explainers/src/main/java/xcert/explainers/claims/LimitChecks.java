package xcert.explainers.claims;

import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.explainers.api.Attribution;
import xcert.explainers.backend.Backend;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.lfa.Kernel;
import xcert.explainers.limits.ExactLimits;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.solvers.claims.Verdict;
import xcert.solvers.exact.GameValues;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.num.Rationals;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.ExactSetFunction;

/**
 * One property of the exact limits ({@link ExactLimits}) checked on one given instance, each
 * returning a {@link Verdict} whose witness names the numbers compared:
 *
 * <ul>
 *   <li>KernelSHAP over all coalitions equals the Shapley values of v(S) = f(x_S, r_{S^c}) exactly
 *       (Lundberg and Lee, Theorem 2; seed 004 Eq. 11 computed by {@link GameValues});
 *   <li>LIME's limit with the L2 distance and width w equals GLIME-Binomial's with σ² = 2w² and
 *       λ_GLIME = λ_LIME/Z (seed 001 B.1–B.2);
 *   <li>Integrated Gradients is complete: Σ IG_i = f(x0) − f(r) exactly;
 *   <li>the midpoint Riemann sum of IG (the LFA instance) is within a bound derived from the number
 *       of kinks and a bound on |∇f|;
 *   <li>exact Occlusion equals its deterministic LFA instance;
 *   <li>closed-form SmoothGrad is within a Hoeffding tolerance of the sampled LFA instance.
 * </ul>
 */
public final class LimitChecks {

  /** Failure probability per coordinate for the SmoothGrad tolerance. */
  public static final double HOEFFDING_DELTA = 1e-6;

  private LimitChecks() {}

  /**
   * {@link ExactLimits#kernelShap} equals, as rationals, the Shapley values that
   * {@link GameValues#shapley} computes from v(S) = f(x_S, r_{S^c}) enumerated here with
   * {@link Model#exactValue}.
   */
  public static Verdict kernelShapEqualsShapley(Model f, double[] x0, double[] reference) {
    String claim = "KernelSHAP over all coalitions = Shapley values of v(S) = f(x_S, r_{S^c})";
    int d = f.dimension();
    BigFraction[] v = new BigFraction[1 << d];
    double[] z = new double[d];
    for (int s = 0; s < v.length; s++) {
      for (int i = 0; i < d; i++) {
        z[i] = (s >> i & 1) != 0 ? x0[i] : reference[i];
      }
      v[s] = f.exactValue(z);
    }
    Scalar[] phi = GameValues.shapley(ExactSetFunction.ofFractions(d, v));
    Attribution a = ExactLimits.kernelShap(f, x0, reference);
    for (int i = 0; i < d; i++) {
      BigFraction got = a.exactValues().get(i);
      if (!got.equals(phi[i].exact())) {
        return Verdict.fails(claim, "feature " + (i + 1) + ": KernelSHAP limit "
            + Rationals.format(got) + ", Shapley value " + Rationals.format(phi[i].exact()) + " ("
            + f + ", x0 = " + Arrays.toString(x0) + ", r = " + Arrays.toString(reference) + ")");
      }
    }
    return Verdict.holds(claim, d + " features equal as rationals");
  }

  /**
   * LIME's limit (L2 distance, width w, penalty λ) equals GLIME-Binomial's (σ = √2·w, penalty λ/Z,
   * Z = {@link ExactLimits#limeKernelMass}) within relTol times the larger sup-norm of the two
   * weight vectors (intercepts included).
   */
  public static Verdict limeEqualsGlimeBinomial(Model f, double[] x0, double[] reference,
      double kernelWidth, boolean intercept, double lambda, double relTol) {
    String claim = "LIME limit = GLIME-Binomial limit (seed 001 B.1–B.2)";
    int d = f.dimension();
    double z = ExactLimits.limeKernelMass(d, kernelWidth, Kernel.Distance.L2);
    if (lambda > 0 && !(z > 0)) {
      return Verdict.vacuous(claim, "Z = E[π] underflows float64 for w = " + kernelWidth + ", d = "
          + d);
    }
    Attribution lime = ExactLimits.lime(f, x0, reference, kernelWidth, Kernel.Distance.L2,
        intercept, lambda);
    double sigma = Math.sqrt(2) * kernelWidth;
    Attribution glime = ExactLimits.glimeBinomial(f, x0, reference, sigma, intercept,
        lambda == 0 ? 0 : lambda / z);
    double[] a = withIntercept(lime);
    double[] b = withIntercept(glime);
    double scale = Math.max(supNorm(a), supNorm(b));
    double tol = relTol * Math.max(scale, Double.MIN_NORMAL);
    for (int i = 0; i < a.length; i++) {
      if (!(Math.abs(a[i] - b[i]) <= tol)) {
        return Verdict.fails(claim, (i < d ? "feature " + (i + 1) : "intercept") + ": LIME " + a[i]
            + ", GLIME-Binomial " + b[i] + ", tolerance " + tol + " (w = " + kernelWidth + ", σ = "
            + sigma + ", λ = " + lambda + ", Z = " + z + ")");
      }
    }
    return Verdict.holds(claim, d + " weights" + (intercept ? " and the intercept" : "")
        + " within " + relTol + " relative (w = " + kernelWidth + ", σ² = 2w², λ_GLIME = λ/Z = "
        + (lambda == 0 ? 0 : lambda / z) + ")");
  }

  /** Σ_i IG_i = f(x0) − f(r) in exact rationals, f the score. */
  public static Verdict igCompleteness(ReluNetwork f, double[] x0, double[] reference) {
    String claim = "Integrated Gradients completeness Σ IG = f(x0) − f(r)";
    Attribution ig = ExactLimits.integratedGradients(f, x0, reference);
    BigFraction sum = BigFraction.ZERO;
    for (BigFraction v : ig.exactValues()) {
      sum = sum.add(v);
    }
    BigFraction gap = Rationals.fromDecimal(f.exactScore(x0))
        .subtract(Rationals.fromDecimal(f.exactScore(reference)));
    if (!sum.equals(gap)) {
      return Verdict.fails(claim, "Σ IG = " + Rationals.format(sum) + ", f(x0) − f(r) = "
          + Rationals.format(gap) + " (" + f + ")");
    }
    return Verdict.holds(claim, "Σ IG = f(x0) − f(r) = " + Rationals.format(gap) + " exactly");
  }

  /**
   * The m-step midpoint Riemann sum of IG (LFA instance "integrated-gradients") is within
   * {@link #riemannBound} of the exact IG, coordinate by coordinate.
   */
  public static Verdict igMatchesRiemann(ReluNetwork f, double[] x0, double[] reference, int m) {
    String claim = "IG midpoint Riemann sum within the kink bound of exact IG";
    int d = f.dimension();
    double[] exact = ExactLimits.integratedGradients(f, x0, reference).values();
    Attribution riemann = Methods.create("integrated-gradients",
        MethodSettings.defaults().withReference(reference).withSteps(m), d)
        .explain(f, x0, cpu());
    double[] bound = riemannBound(f, x0, reference, m);
    for (int i = 0; i < d; i++) {
      double err = Math.abs(exact[i] - riemann.value(i + 1));
      if (!(err <= bound[i])) {
        return Verdict.fails(claim, "feature " + (i + 1) + ": exact " + exact[i] + ", Riemann ("
            + m + " steps) " + riemann.value(i + 1) + ", error " + err + " > bound " + bound[i]);
      }
    }
    return Verdict.holds(claim, d + " features within bound (m = " + m + ", max bound "
        + Arrays.stream(bound).max().orElse(0) + ")");
  }

  /**
   * A bound on |IG_i − Riemann_i| for the m-step midpoint rule. Along the path the gradient ∂_i f is
   * piecewise constant with at most K = Π_l (1 + H_l) − 1 kinks (H_l the width of hidden layer l:
   * each unit of layer l is affine on each of the Π_{l'&lt;l}(1 + H_l') pieces left by the earlier
   * layers, so it adds at most one kink per piece). A cell [(k−1)/m, k/m] without a kink inside has
   * a constant gradient, and its midpoint value is its exact mean. A cell with a kink contributes at
   * most (1/m)·|x0_i − r_i|·2L_i, L_i = (|W_L|···|W_1|)_i bounding |∂_i f| everywhere. At most
   * min(K, m) cells hold kinks, so the error is at most |x0_i − r_i|·2L_i·min(K, m)/m, plus 1e-9
   * relative for the float64 arithmetic of the sampled side.
   */
  public static double[] riemannBound(ReluNetwork f, double[] x0, double[] reference, int m) {
    int d = f.dimension();
    double pieces = 1;
    for (int l = 0; l < f.layerCount() - 1; l++) {
      pieces *= 1 + f.width(l);
    }
    double kinks = Math.min(pieces - 1, m);
    double[] lip = gradientBound(f);
    double[] bound = new double[d];
    for (int i = 0; i < d; i++) {
      double scale = Math.abs(x0[i] - reference[i]) * lip[i];
      bound[i] = scale * 2 * kinks / m + 1e-9 * (1 + scale);
    }
    return bound;
  }

  /** Exact Occlusion equals the LFA instance "occlusion" within tol·(1 + |w_i|). */
  public static Verdict occlusionEqualsLfa(Model f, double[] x0, double[] reference, double tol) {
    String claim = "exact Occlusion = LFA Occlusion";
    int d = f.dimension();
    double[] exact = ExactLimits.occlusion(f, x0, reference).values();
    Attribution lfa = Methods.create("occlusion", MethodSettings.defaults().withReference(reference),
        d).explain(f, x0, cpu());
    for (int i = 0; i < d; i++) {
      double err = Math.abs(exact[i] - lfa.value(i + 1));
      if (!(err <= tol * (1 + Math.abs(exact[i])))) {
        return Verdict.fails(claim, "feature " + (i + 1) + ": exact " + exact[i] + ", LFA "
            + lfa.value(i + 1) + " (" + f + ")");
      }
    }
    return Verdict.holds(claim, d + " features within " + tol);
  }

  /**
   * Closed-form SmoothGrad against the LFA instance "smoothgrad" on n samples with the given seed.
   * Each sampled gradient coordinate ∂_i f(x0 + ξ) = Σ_j v_j w_ji 1[unit j active] lies in
   * [−G_i, G_i], G_i = Σ_j |v_j w_ji|, so Hoeffding gives P(|mean − E| ≥ t) ≤ 2exp(−n t²/(2G_i²));
   * with failure probability δ = {@value #HOEFFDING_DELTA} per coordinate,
   * t_i = G_i √(2 ln(2/δ)/n) (a union bound makes it d·δ for the whole vector), plus 1e-12·(1 + G_i)
   * for float64 rounding.
   */
  public static Verdict smoothGradClosedFormMatchesSampled(ReluNetwork f, double[] x0,
      double sigma, long n, long seed) {
    String claim = "closed-form SmoothGrad = sampled SmoothGrad within Hoeffding tolerance";
    int d = f.dimension();
    double[] exact = ExactLimits.smoothGrad(f, x0, sigma).values();
    Attribution sampled = Methods.create("smoothgrad", MethodSettings.defaults().withSigma(sigma)
        .withSamples(n).withSeed(seed), d).explain(f, x0, cpu());
    double[] g = gradientBound(f);
    double root = Math.sqrt(2 * Math.log(2 / HOEFFDING_DELTA) / n);
    double worst = 0;
    for (int i = 0; i < d; i++) {
      double t = g[i] * root + 1e-12 * (1 + g[i]);
      double err = Math.abs(exact[i] - sampled.value(i + 1));
      worst = Math.max(worst, t);
      if (!(err <= t)) {
        return Verdict.fails(claim, "feature " + (i + 1) + ": closed form " + exact[i]
            + ", sampled " + sampled.value(i + 1) + " (n = " + n + ", seed = " + seed + "), error "
            + err + " > Hoeffding tolerance " + t + " (δ = " + HOEFFDING_DELTA + ", G = " + g[i]
            + ")");
      }
    }
    return Verdict.holds(claim, d + " coordinates within the Hoeffding tolerance t_i = G_i·√(2 ln(2/δ)/n)"
        + " (n = " + n + ", seed = " + seed + ", δ = " + HOEFFDING_DELTA + ", max t = " + worst
        + ")");
  }

  /** (|W_L| ··· |W_1|)_i: a bound on |∂_i f| anywhere (for one hidden layer, Σ_j |v_j w_ji|). */
  public static double[] gradientBound(ReluNetwork f) {
    int last = f.layerCount() - 1;
    double[] g = new double[last == 0 ? f.dimension() : f.width(last - 1)];
    for (int j = 0; j < g.length; j++) {
      g[j] = Math.abs(f.weight(last, 0, j));
    }
    for (int l = last - 1; l >= 0; l--) {
      int in = l == 0 ? f.dimension() : f.width(l - 1);
      double[] next = new double[in];
      for (int j = 0; j < f.width(l); j++) {
        for (int i = 0; i < in; i++) {
          next[i] += g[j] * Math.abs(f.weight(l, j, i));
        }
      }
      g = next;
    }
    return g;
  }

  private static double[] withIntercept(Attribution a) {
    double[] v = a.values();
    if (a.intercept().isEmpty()) {
      return v;
    }
    double[] out = Arrays.copyOf(v, v.length + 1);
    out[v.length] = a.intercept().getAsDouble();
    return out;
  }

  private static double supNorm(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }

  private static Backend cpu() {
    return new CpuBackend(1);
  }
}
