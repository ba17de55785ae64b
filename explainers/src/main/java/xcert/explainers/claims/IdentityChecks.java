package xcert.explainers.claims;

import xcert.solvers.linalg.FloatLinearSolver;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.explainers.api.Attribution;
import xcert.explainers.backend.Backend;
import xcert.explainers.backend.CounterStream;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.lfa.Combination;
import xcert.explainers.lfa.Kernel;
import xcert.explainers.lfa.LfaExplainer;
import xcert.explainers.lfa.LfaInstance;
import xcert.explainers.lfa.Loss;
import xcert.explainers.lfa.ModelClass;
import xcert.explainers.lfa.Neighbourhood;
import xcert.explainers.lfa.Noises;
import xcert.explainers.lfa.Target;
import xcert.explainers.limits.ExactLimits;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.solvers.claims.Verdict;
import xcert.solvers.dist.FeatureSupport;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.exact.GameValues;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.result.Scalar;

/**
 * Checks of the identities and limits that seed 000 (Theorems 1–2, Remark 1, Appendix A.2) and seed
 * 001 (Sections 3–4, Appendix B) state about the sampled explainers, each on one instance
 * (model, x0, seed, n, …) and self-contained: it runs the method through {@link Methods} and the LFA
 * runner, computes the other side independently of the LFA code (own forward/backward pass over the
 * network's weights, own enumeration of {0,1}^d, own linear algebra, the exact Shapley values of the
 * solvers module), and returns a {@link Verdict} whose witness names n, the seed, the tolerance and
 * where the tolerance comes from.
 *
 * <p>Two kinds of tolerance appear. Identities that hold for the same samples (SmoothGrad = its LFA
 * instance, Occlusion, the σ = 0 and a = 1 limits, model recovery) are held to a rounding allowance,
 * stated as such. Sampled estimates against an exact limit are held to a tolerance derived from a
 * concentration inequality (Hoeffding with a union bound, or Chebyshev) with failure probability δ:
 * a FAILS verdict there means either a wrong estimator or an event of probability ≤ δ.
 */
public final class IdentityChecks {

  /** Relative rounding allowance for identities that hold on the same samples. */
  public static final double ROUNDING = 1e-12;

  /**
   * Relative rounding allowance for least-squares fits whose data are exactly linear (the residual
   * at the true coefficients is 0): the solution of the normal equations is exact up to
   * κ·p·u; this allows κ up to about 1e6 at p ≤ 13 and u = 1.1e-16.
   */
  public static final double FIT_ROUNDING = 1e-8;

  private static final Backend BACKEND = new CpuBackend(1);

  private IdentityChecks() {}

  // ---------------------------------------------------------------------------------------------
  // 1. SmoothGrad = its gradient-matching LFA instance on the same samples (seed 000 A.2.5)

  /**
   * SmoothGrad recomputed directly, (1/n) Σ_i ∇f(x0 + ξ_i) with ξ_i drawn by
   * {@code Noises.gaussian(σ).sample} from {@code new CounterStream(seed)} at index i and ∇f from
   * this class's own forward/backward pass, equals {@code Methods.create("smoothgrad")} to
   * {@link #ROUNDING} relative to (1/n) Σ_i |∂_j f(x0 + ξ_i)| (the size of the sum being rounded).
   */
  public static Verdict smoothGradSameSamples(ReluNetwork f, double[] x0, long seed, long n,
      double sigma) {
    String claim = "seed 000 A.2.5: SmoothGrad = LFA(gradient matching, Normal(0, σ²I)) on the same"
        + " samples";
    int d = f.dimension();
    Neighbourhood z = Noises.gaussian(sigma);
    CounterStream stream = new CounterStream(seed);
    double[] xi = new double[d];
    double[] x = new double[d];
    double[] sum = new double[d];
    double[] abs = new double[d];
    for (long i = 0; i < n; i++) {
      z.sample(stream, i, xi);
      for (int j = 0; j < d; j++) {
        x[j] = x0[j] + xi[j];
      }
      double[] g = gradient(f, x);
      for (int j = 0; j < d; j++) {
        sum[j] += g[j];
        abs[j] += Math.abs(g[j]);
      }
    }
    for (int j = 0; j < d; j++) {
      sum[j] /= n;
      abs[j] /= n;
    }
    double[] lfa = run("smoothgrad", MethodSettings.defaults().withSigma(sigma).withSamples(n)
        .withSeed(seed), f, x0).values();
    return compare(claim, lfa, sum, abs, ROUNDING, "rounding allowance 1e-12 relative to "
        + "(1/n)Σ|∂f| per coordinate", "n=" + n + ", seed=" + seed + ", σ=" + sigma);
  }

  // ---------------------------------------------------------------------------------------------
  // 2. Occlusion = its LFA instance (seed 000 A.2.3)

  /**
   * Occlusion computed directly, f(x0) − f(x0 with x_i := r_i), equals
   * {@code Methods.create("occlusion")} with n one-hot samples (n ≥ d) to {@link #ROUNDING}
   * relative to max(|f(x0)|, |f(x0 with x_i := r_i)|, 1).
   */
  public static Verdict occlusion(Model f, double[] x0, long seed, long n, double[] reference) {
    String claim = "seed 000 A.2.3: Occlusion = LFA(one-hot, drop target)";
    int d = f.dimension();
    String where = "n=" + n + ", seed=" + seed + ", r=" + Arrays.toString(reference);
    if (n < d) {
      return Verdict.vacuous(claim, where + ": n < d leaves a feature unsampled");
    }
    double fx = f.evaluate(x0.clone());
    double[] direct = new double[d];
    double[] scale = new double[d];
    for (int i = 0; i < d; i++) {
      double[] y = x0.clone();
      y[i] = reference[i];
      double fy = f.evaluate(y);
      direct[i] = fx - fy;
      scale[i] = Math.max(1, Math.max(Math.abs(fx), Math.abs(fy)));
    }
    double[] lfa = run("occlusion", MethodSettings.defaults().withSamples(n).withSeed(seed)
        .withReference(reference), f, x0).values();
    return compare(claim, lfa, direct, scale, ROUNDING,
        "rounding allowance 1e-12 relative to max(|f(x0)|, |f(x0 with x_i:=r_i)|, 1)", where);
  }

  // ---------------------------------------------------------------------------------------------
  // 3. Vanilla Gradients and Gradient × Input as limits (seed 000 Theorem 1, A.2.6, A.2.8)

  /**
   * At the limits themselves: the LFA instance with σ = 0 ({@code vanilla-gradients}) equals ∇f(x0),
   * and the instance with Uniform(a, 1) at a = 1 ({@code gradient-x-input}, reference 0) equals
   * x0 ⊙ ∇f(x0), with ∇f from this class's own backward pass; {@link #ROUNDING} relative to
   * max(|∂_j f(x0)|·max(1, |x0_j|), 1e-300).
   */
  public static Verdict gradientLimitsExact(ReluNetwork f, double[] x0, long seed) {
    String claim = "seed 000 Theorem 1: VG = LFA(σ = 0), G×I = LFA(Uniform(a,1), a = 1)";
    int d = f.dimension();
    double[] g = gradient(f, x0);
    double[] gx = new double[d];
    double[] scale = new double[d];
    for (int j = 0; j < d; j++) {
      gx[j] = x0[j] * g[j];
      scale[j] = Math.max(Math.abs(g[j]) * Math.max(1, Math.abs(x0[j])), 1e-300);
    }
    MethodSettings s = MethodSettings.defaults().withSeed(seed);
    String where = "n=1, seed=" + seed;
    Verdict vg = compare(claim + " (VG)", run("vanilla-gradients", s, f, x0).values(), g, scale,
        ROUNDING, "rounding allowance 1e-12 relative", where);
    if (vg.failed()) {
      return vg;
    }
    Verdict gxi = compare(claim + " (G×I)", run("gradient-x-input", s, f, x0).values(), gx, scale,
        ROUNDING, "rounding allowance 1e-12 relative", where);
    if (gxi.failed()) {
      return gxi;
    }
    return Verdict.holds(claim, vg.witness() + "; " + gxi.witness());
  }

  /**
   * SmoothGrad → Vanilla Gradients as σ → 0, with a rate.
   *
   * <p>Derivation. Let ρ be a lower bound on the distance from x0 to the nearest kink: for hidden
   * unit j of layer l with pre-activation z_j^l, |z_j^l(x) − z_j^l(x0)| ≤ K_j^l ‖x − x0‖₂ with
   * K_j^1 = ‖W^1_j‖₂ and K_j^l = Σ_i |W^l_{ji}| K_i^{l−1} (the ReLU is 1-Lipschitz), so every
   * pre-activation keeps its sign on the ball ‖x − x0‖ &lt; ρ = min_{l,j} |z_j^l(x0)| / K_j^l and ∇f
   * is constant there. Everywhere |∂_i f| ≤ G_i = (|W^1|ᵀ ⋯ |W^L|ᵀ 1)_i. Hence, sample by sample,
   * |SG_n − ∇f(x0)|_i ≤ 2 G_i · N_out / n with N_out the number of samples with ‖ξ‖ ≥ ρ (a sure
   * bound, checked on the replayed samples), and by Gaussian concentration of the 1-Lipschitz norm
   * (E‖ξ‖ ≤ σ√d), P(‖ξ‖ ≥ ρ) ≤ p_σ = exp(−(ρ/σ − √d)²/2) for ρ ≥ σ√d (else 1); by Hoeffding
   * N_out/n ≤ p_σ + √(ln(1/δ)/(2n)) with probability ≥ 1 − δ. So
   * |SG_n − VG|_i ≤ 2 G_i (p_σ + √(ln(1/δ)/(2n))), and the expectation's gap 2 G_i p_σ vanishes like
   * exp(−ρ²/(2σ²)) as σ → 0. When every sample falls in the ball, SG_n = VG to rounding.
   */
  public static Verdict smoothGradToVanilla(ReluNetwork f, double[] x0, long seed, long n,
      double sigma, double delta) {
    String claim = "seed 000 Theorem 1 (1): SmoothGrad → Vanilla Gradients as σ → 0";
    int d = f.dimension();
    double rho = linearRegionRadius(f, x0);
    double[] g0 = gradient(f, x0);
    double[] bound = LimitChecks.gradientBound(f);
    String where = "n=" + n + ", seed=" + seed + ", σ=" + sigma + ", δ=" + delta + ", ρ="
        + fmt(rho);
    if (!(rho > 0)) {
      return Verdict.vacuous(claim, where + ": x0 lies on a kink (ρ = 0)");
    }
    CounterStream stream = new CounterStream(seed);
    Neighbourhood z = Noises.gaussian(sigma);
    double[] xi = new double[d];
    long out = 0;
    for (long i = 0; i < n; i++) {
      z.sample(stream, i, xi);
      if (norm(xi) >= rho) {
        out++;
      }
    }
    double p = rho >= sigma * Math.sqrt(d)
        ? Math.exp(-Math.pow(rho / sigma - Math.sqrt(d), 2) / 2) : 1;
    double hoeff = Math.sqrt(Math.log(1 / delta) / (2.0 * n));
    double[] sg = run("smoothgrad", MethodSettings.defaults().withSigma(sigma).withSamples(n)
        .withSeed(seed), f, x0).values();
    return limitBound(claim, sg, g0, bound, out, n, p, hoeff, where
        + ", p_σ=" + fmt(p));
  }

  /**
   * Integrated Gradients with ξ = t·1, t ~ Uniform(a, 1), multiplicative (reference 0) → Gradient ×
   * Input as a → 1, with a rate. With ρ and G as in {@link #smoothGradToVanilla}: the path point
   * t·x0 is within ρ of x0 iff (1 − t)‖x0‖ &lt; ρ, so every sample with t &gt; 1 − ρ/‖x0‖ has gradient
   * ∇f(x0), and |IG_{a,n} − x0⊙∇f(x0)|_i ≤ 2|x0_i| G_i N_out/n (sure), where
   * P(out) = p_a = clamp((1 − ρ/‖x0‖ − a)/(1 − a), 0, 1); with Hoeffding, ≤ 2|x0_i| G_i (p_a +
   * √(ln(1/δ)/(2n))) with probability ≥ 1 − δ. For a ≥ 1 − ρ/‖x0‖, p_a = 0 and IG_a = G×I exactly
   * (to rounding): the rate is "equal from a = 1 − ρ/‖x0‖ on", and the gap is linear in
   * (1 − ρ/‖x0‖ − a)/(1 − a) below it.
   */
  public static Verdict integratedToGradientTimesInput(ReluNetwork f, double[] x0, long seed,
      long n, double a, double delta) {
    String claim = "seed 000 Theorem 1 (2): IG with Uniform(a,1) → Gradient × Input as a → 1";
    int d = f.dimension();
    double rho = linearRegionRadius(f, x0);
    double nx = norm(x0);
    String where = "n=" + n + ", seed=" + seed + ", a=" + a + ", δ=" + delta + ", ρ=" + fmt(rho)
        + ", ‖x0‖=" + fmt(nx);
    if (!(rho > 0)) {
      return Verdict.vacuous(claim, where + ": x0 lies on a kink (ρ = 0)");
    }
    double[] g0 = gradient(f, x0);
    double[] gxi = new double[d];
    double[] bound = LimitChecks.gradientBound(f);
    for (int j = 0; j < d; j++) {
      gxi[j] = x0[j] * g0[j];
      bound[j] *= Math.abs(x0[j]);
    }
    Neighbourhood z = Noises.uniformScale(a, 1);
    CounterStream stream = new CounterStream(seed);
    double[] xi = new double[d];
    long out = 0;
    for (long i = 0; i < n; i++) {
      z.sample(stream, i, xi);
      if ((1 - xi[0]) * nx >= rho) {
        out++;
      }
    }
    double p = a == 1 ? 0 : Math.min(1, Math.max(0, (1 - rho / nx - a) / (1 - a)));
    double hoeff = Math.sqrt(Math.log(1 / delta) / (2.0 * n));
    LfaInstance inst = new LfaInstance("integrated-gradients-uniform", z,
        Combination.mask(new double[d]), Kernel.NONE, Loss.GRADIENT_MATCHING, Target.VALUE,
        ModelClass.linear(), false);
    double[] ig = new LfaExplainer(inst, n, seed).explain(f, x0, BACKEND).values();
    return limitBound(claim, ig, gxi, bound, out, n, p, hoeff, where + ", p_a=" + fmt(p));
  }

  private static Verdict limitBound(String claim, double[] est, double[] limit, double[] bound,
      long out, long n, double p, double hoeff, String where) {
    double worst = 0;
    for (int j = 0; j < est.length; j++) {
      double diff = Math.abs(est[j] - limit[j]);
      double round = ROUNDING * Math.max(bound[j], 1e-300) * 4;
      double sure = 2 * bound[j] * out / (double) n + round;
      double rate = 2 * bound[j] * (p + hoeff) + round;
      worst = Math.max(worst, diff);
      if (diff > sure) {
        return Verdict.fails(claim, where + ": feature " + (j + 1) + " differs by " + fmt(diff)
            + " > 2·G·N_out/n = " + fmt(sure) + " (N_out=" + out + ", G=" + fmt(bound[j])
            + "; sure bound from the constant gradient inside the ball of radius ρ)");
      }
      if (diff > rate) {
        return Verdict.fails(claim, where + ": feature " + (j + 1) + " differs by " + fmt(diff)
            + " > 2·G·(p + √(ln(1/δ)/2n)) = " + fmt(rate) + " (derived rate, probability ≥ 1−δ)");
      }
    }
    return Verdict.holds(claim, where + ", N_out=" + out + ": max|est − limit| = " + fmt(worst)
        + " ≤ 2·G·N_out/n and ≤ 2·G·(p + √(ln(1/δ)/2n)) (tol derived from the linear region "
        + "radius ρ, gradient bound G, Gaussian/uniform tail and Hoeffding)");
  }

  // ---------------------------------------------------------------------------------------------
  // 4. Model recovery on linear f (seed 000 Remark 1)

  /**
   * On a linear f(x) = wᵀx + b (a ReLU network with no hidden layer): SmoothGrad, Vanilla Gradients
   * and C-LIME (λ = 0) return w; LIME (λ = 0), KernelSHAP, Occlusion, Integrated Gradients and
   * Gradient × Input (reference 0) return w ⊙ x0. Every target is exactly linear in the features,
   * so the fits are exact up to rounding: gradient methods to {@link #ROUNDING}, fits to
   * {@link #FIT_ROUNDING}, relative to ‖w‖∞·max(1, ‖x0‖∞) + |b|.
   */
  public static Verdict linearRecovery(ReluNetwork f, double[] x0, long seed, long n) {
    String claim = "seed 000 Remark 1: model recovery on linear f";
    if (f.layerCount() != 1) {
      return Verdict.vacuous(claim, "f has hidden layers; the remark is about linear f");
    }
    int d = f.dimension();
    double[] w = new double[d];
    double[] wx = new double[d];
    double wmax = 0;
    double xmax = 1;
    for (int j = 0; j < d; j++) {
      w[j] = f.weight(0, 0, j);
      wx[j] = w[j] * x0[j];
      wmax = Math.max(wmax, Math.abs(w[j]));
      xmax = Math.max(xmax, Math.abs(x0[j]));
    }
    double scaleValue = wmax * xmax + Math.abs(f.bias(0, 0));
    double[] scale = new double[d];
    Arrays.fill(scale, Math.max(scaleValue, 1e-300));
    long even = n + (n & 1);
    MethodSettings s = MethodSettings.defaults().withSeed(seed).withSamples(n);
    String[][] plan = {
        {"smoothgrad", "w"}, {"vanilla-gradients", "w"}, {"c-lime", "w"}, {"lime", "wx"},
        {"kernelshap", "wx"}, {"occlusion", "wx"}, {"integrated-gradients", "wx"},
        {"gradient-x-input", "wx"}};
    StringBuilder sb = new StringBuilder();
    for (String[] m : plan) {
      MethodSettings ms = switch (m[0]) {
        case "vanilla-gradients", "gradient-x-input" -> s.withSamples(1);
        case "occlusion" -> s.withSamples(Math.max(n, d));
        case "integrated-gradients" -> s.withSamples(64);
        case "kernelshap" -> s.withSamples(even);
        case "c-lime", "lime" -> s.withLambda(0);
        default -> s;
      };
      if (m[0].equals("kernelshap") && d < 2) {
        continue;
      }
      boolean fit = m[0].equals("c-lime") || m[0].equals("lime") || m[0].equals("kernelshap")
          || m[0].equals("occlusion");
      double tol = fit ? FIT_ROUNDING : ROUNDING;
      double[] got;
      try {
        got = run(m[0], ms, f, x0).values();
      } catch (IllegalStateException e) {
        return Verdict.vacuous(claim, m[0] + ": " + e.getMessage());
      }
      Verdict v = compare(claim + " (" + m[0] + " → " + (m[1].equals("w") ? "w" : "w⊙x") + ")",
          got, m[1].equals("w") ? w : wx, scale, tol, (fit ? "fit" : "gradient")
              + " rounding allowance " + tol + " relative to ‖w‖∞·max(1,‖x‖∞)+|b|",
          "n=" + ms.samples().orElse(1L) + ", seed=" + seed);
      if (v.failed()) {
        return v;
      }
      sb.append(m[0]).append(' ');
    }
    return Verdict.holds(claim, "n=" + n + ", seed=" + seed + ", tol=" + ROUNDING + " (gradients)"
        + " / " + FIT_ROUNDING + " (fits), rounding allowances: " + sb.toString().trim());
  }

  /**
   * LIME with its defaults (ridge α = 1 on sklearn's scale, kernel width 0.25, cosine distance) on a
   * linear f: the least-squares shrink factor s = ⟨ŵ, w⊙x⟩ / ‖w⊙x‖² of its answer towards w ⊙ x
   * (1 = no shrinkage, 0 = answer 0). A measurement, not a claim (seed 001 B.3).
   */
  public static double limeDefaultShrinkage(ReluNetwork f, double[] x0, long seed, long n) {
    int d = f.dimension();
    double[] got = run("lime", MethodSettings.defaults().withSeed(seed).withSamples(n), f, x0)
        .values();
    double num = 0;
    double den = 0;
    for (int j = 0; j < d; j++) {
      double t = f.weight(0, 0, j) * x0[j];
      num += got[j] * t;
      den += t * t;
    }
    return den == 0 ? Double.NaN : num / den;
  }

  // ---------------------------------------------------------------------------------------------
  // 5. Sampled KernelSHAP against the exact Shapley values

  /**
   * Sampled KernelSHAP (paired, n even) is within a Hoeffding tolerance of the exact Shapley values
   * of the game v(S) = f(x_S, r_{S^c}) ({@link GameValues#shapley} over
   * {@link RestrictedPredictions#table} with a point mass at r).
   *
   * <p>Derivation. The LFA runner eliminates the efficiency constraint: with u_i = z_i − z_d
   * (i &lt; d) and target y = f(x_z) − c0 − c1 z_d (c0 = f(r), c1 = f(x0) − f(r)) it solves
   * A_n β̂ = b_n, A_n = (1/n) Σ u uᵀ, b_n = (1/n) Σ u y, and sets ŵ_d = c1 − Σ β̂_i. The population
   * system A β = b (z drawn as the sampler draws it, sizes ∝ (d−1)/(k(d−k))) has β = φ_{1..d−1}.
   * Paired sampling makes the pairs (z, 1 − z), not the samples, i.i.d.; for a pair u(1−z) = −u(z),
   * so the pair average of u uᵀ is u(z)u(z)ᵀ ∈ [−1, 1] (range R_A = 2) and the pair average of u y is
   * u(z)(y(z) − y(1−z))/2, bounded by R_b/2 with R_b = (max f − min f) + |c1| over the 2^d masked
   * inputs (enumerated). Hoeffding on the m = n/2 pair averages for each of the K = (d−1)d/2 + (d−1)
   * distinct entries at level δ/K gives, with probability ≥ 1 − δ, every entry error ≤
   * R √(ln(2K/δ)/(2m)), hence ‖A_n − A‖_F ≤ ε_A = (d−1) R_A √(ln(2K/δ)/(2m)) and
   * ‖b_n − b‖₂ ≤ ε_b = √(d−1) R_b √(ln(2K/δ)/(2m)). Then A_n(β̂ − β) = (b_n − b) − (A_n − A)β
   * gives ‖β̂ − β‖₂ ≤ ‖A_n^{−1}‖₂ (ε_b + ε_A ‖β‖₂), and by Weyl ‖A_n^{−1}‖₂ ≤ 1/(λ_min(A) − ε_A)
   * when ε_A &lt; λ_min(A). A is known exactly: with q1 = E[k]/d and q2 = E[k(k−1)]/(d(d−1)),
   * A = (q1 − q2)(I + 11ᵀ), so λ_min(A) = q1 − q2 = 1/(2 H_{d−1}) (H the harmonic number). Finally
   * |ŵ_d − φ_d| ≤ √(d−1)‖β̂ − β‖₂, so ‖ŵ − φ‖₂ ≤ √d ‖β̂ − β‖₂ =: tol. With ε_A ≥ λ_min(A) the bound
   * says nothing and the verdict is vacuous.
   */
  public static Verdict kernelShap(Model f, double[] x0, long seed, long n, double[] reference,
      double delta) {
    String claim = "KernelSHAP (sampled, paired) → Shapley values of v(S) = f(x_S, r_{S^c})";
    int d = f.dimension();
    if (d < 2) {
      return Verdict.vacuous(claim, "d < 2");
    }
    if ((n & 1) == 1) {
      throw new IllegalArgumentException("paired sampling needs an even n, got " + n);
    }
    double[] phi = shapley(f, x0, reference);
    double fmin = Double.POSITIVE_INFINITY;
    double fmax = Double.NEGATIVE_INFINITY;
    double[] y = new double[d];
    for (int mask = 0; mask < (1 << d); mask++) {
      for (int i = 0; i < d; i++) {
        y[i] = ((mask >> i) & 1) == 1 ? x0[i] : reference[i];
      }
      double v = f.evaluate(y.clone());
      fmin = Math.min(fmin, v);
      fmax = Math.max(fmax, v);
    }
    double c1 = f.evaluate(x0.clone()) - f.evaluate(reference.clone());
    double rb = (fmax - fmin) + Math.abs(c1);
    double harmonic = 0;
    for (int k = 1; k < d; k++) {
      harmonic += 1.0 / k;
    }
    double lambdaMin = 1 / (2 * harmonic);
    long m = n / 2;
    int k = (d - 1) * d / 2 + (d - 1);
    double t = Math.sqrt(Math.log(2 * k / delta) / (2.0 * m));
    double epsA = (d - 1) * 2 * t;
    double epsB = Math.sqrt(d - 1) * rb * t;
    double betaNorm = 0;
    for (int i = 0; i < d - 1; i++) {
      betaNorm += phi[i] * phi[i];
    }
    betaNorm = Math.sqrt(betaNorm);
    String where = String.format(Locale.ROOT, "n=%d, seed=%d, δ=%s, λ_min(A)=%.4g, ε_A=%.4g, "
        + "ε_b=%.4g", n, seed, delta, lambdaMin, epsA, epsB);
    if (epsA >= lambdaMin) {
      return Verdict.vacuous(claim, where + ": ε_A ≥ λ_min(A), n too small for the Hoeffding "
          + "bound to say anything");
    }
    double tol = Math.sqrt(d) * (epsB + epsA * betaNorm) / (lambdaMin - epsA)
        + FIT_ROUNDING * (1 + Math.abs(fmax) + Math.abs(fmin));
    double[] est = run("kernelshap", MethodSettings.defaults().withSeed(seed).withSamples(n)
        .withReference(reference), f, x0).values();
    double err = distance(est, phi);
    String text = where + String.format(Locale.ROOT, ", ‖ŵ − φ‖₂=%.4g, tol=%.4g (Hoeffding on the"
        + " n/2 pair averages + union bound, Weyl on λ_min(A) = 1/(2H_{d−1}))", err, tol);
    return err <= tol ? Verdict.holds(claim, text)
        : Verdict.fails(claim, text + "; ŵ=" + Arrays.toString(est) + ", φ="
            + Arrays.toString(phi));
  }

  /**
   * The smallest even n at which {@link #kernelShap}'s bound is informative with room to spare:
   * ε_A ≤ λ_min(A)/2, i.e. m = n/2 ≥ ln(2K/δ)/2 · (4(d−1)/λ_min(A))².
   */
  public static long kernelShapSamples(int d, double delta) {
    double harmonic = 0;
    for (int k = 1; k < d; k++) {
      harmonic += 1.0 / k;
    }
    double lambdaMin = 1 / (2 * harmonic);
    int k = (d - 1) * d / 2 + (d - 1);
    double m = Math.log(2 * k / delta) / 2 * Math.pow(4 * (d - 1) / lambdaMin, 2);
    return 2 * (long) Math.ceil(m);
  }

  /** The exact Shapley values of v(S) = f(x_S, r_{S^c}), as doubles. */
  public static double[] shapley(Model f, double[] x0, double[] reference) {
    int d = f.dimension();
    java.util.List<FeatureSupport> point = new java.util.ArrayList<>();
    for (int i = 0; i < d; i++) {
      point.add(new FeatureSupport(new double[] {reference[i]},
          new BigFraction[] {BigFraction.ONE}));
    }
    Scalar[] s = GameValues.shapley(RestrictedPredictions.table(f, x0,
        ProductDistribution.of(point)).values());
    double[] phi = new double[d];
    for (int i = 0; i < d; i++) {
      phi[i] = s[i].value();
    }
    return phi;
  }

  // ---------------------------------------------------------------------------------------------
  // 6. LIME (λ = 0, L2) and GLIME-Binomial (λ = 0) converge to the same limit (seed 001 B.2)

  /** The sampled estimate, its exact limit and the derived tolerance of one run. */
  public record Estimate(String method, double[] estimate, double[] limit, double error,
      double tolerance, boolean informative, String note) {}

  /**
   * The common exact limit of LIME (uniform masks, kernel π(z) = exp(−‖1 − z‖²/σ²), i.e. LIME's
   * kernel width w = σ/√2 with the L2 distance) and GLIME-Binomial (Bernoulli(p) masks,
   * p = 1/(1 + e^{−1/σ²}), π = 1), both λ = 0 with intercept, by enumerating {0,1}^d in double: the
   * weighted least-squares solution with weights ∝ p^k(1 − p)^{d−k} = 2^{−d} π(z)·const. Returns
   * (w_1..w_d, b). Independent of the LFA code (own enumeration and solver).
   */
  public static double[] limeGlimeLimit(Model f, double[] x0, double[] reference, double sigma) {
    double[][] sys = limitSystem(f, x0, reference, sigma, true);
    return FloatLinearSolver.solve(sys[0], sys[1], 0);
  }

  /**
   * Sampled LIME (λ = 0, L2 distance, kernel width σ/√2) with n samples against the exact limit.
   * Tolerance as in {@link #kernelShap}, for the weighted system with p = d + 1 unknowns: per-sample
   * entries π z̃ z̃ᵀ ∈ [0, max π] = [0, 1] (R_A = 1) and π z̃ y within [min(0, y_min), max(0, y_max)]
   * (R_b = max(0, y_max) − min(0, y_min), y over the 2^d masked inputs); Hoeffding with a union
   * bound over K = p(p+1)/2 + p entries on the n − 1 i.i.d. samples (lime_image's first sample is
   * the instance itself), plus the first sample's share ‖M_1 − A‖_F/n, ‖m_1 − b‖/n; then
   * ‖θ̂ − θ‖₂ ≤ (ε_b + ε_A‖θ‖)/(λ_min(A) − ε_A) with A = E_uniform[π z̃ z̃ᵀ] computed exactly
   * (by enumeration) and λ_min by Jacobi rotations.
   */
  public static Estimate lime(Model f, double[] x0, long seed, long n, double[] reference,
      double sigma, double delta) {
    double width = sigma / Math.sqrt(2);
    MethodSettings s = MethodSettings.defaults().withSeed(seed).withSamples(n).withLambda(0)
        .withKernelWidth(width).withDistance("l2").withReference(reference);
    return estimate("lime", s, f, x0, reference, sigma, delta, false, n);
  }

  /** Sampled GLIME-Binomial (λ = 0) against the exact limit; tolerance as for {@link #lime}. */
  public static Estimate glimeBinomial(Model f, double[] x0, long seed, long n,
      double[] reference, double sigma, double delta) {
    MethodSettings s = MethodSettings.defaults().withSeed(seed).withSamples(n).withLambda(0)
        .withSigma(sigma).withReference(reference);
    return estimate("glime-binomial", s, f, x0, reference, sigma, delta, true, n);
  }

  /**
   * Both sampled estimates within their derived tolerances of the common limit (vacuous where
   * neither tolerance says anything, e.g. at small σ where λ_min(A) is tiny).
   */
  public static Verdict limeAndGlimeConverge(Model f, double[] x0, long seed, long n,
      double[] reference, double sigma, double delta) {
    String claim = "seed 001 B.2: LIME (λ=0, L2) and GLIME-Binomial (λ=0) → the same limit";
    Estimate a = lime(f, x0, seed, n, reference, sigma, delta);
    Estimate b = glimeBinomial(f, x0, seed, n, reference, sigma, delta);
    String text = "n=" + n + ", seed=" + seed + ", σ=" + sigma + ", δ=" + delta + "; " + a.note()
        + "; " + b.note();
    for (Estimate e : new Estimate[] {a, b}) {
      if (e.informative() && !(e.error() <= e.tolerance())) {
        return Verdict.fails(claim, text);
      }
    }
    if (!a.informative() && !b.informative()) {
      return Verdict.vacuous(claim, text);
    }
    return Verdict.holds(claim, text);
  }

  private static Estimate estimate(String method, MethodSettings s, Model f, double[] x0,
      double[] reference, double sigma, double delta, boolean binomial, long n) {
    int d = f.dimension();
    int p = d + 1;
    double[][] sys = limitSystem(f, x0, reference, sigma, binomial);
    double[] a = sys[0];
    double[] b = sys[1];
    double[] theta = FloatLinearSolver.solve(a, b, 0);
    double lambdaMin = minEigenvalue(a.clone(), p);
    double ymin = sys[2][0];
    double ymax = sys[2][1];
    double rb = Math.max(0, ymax) - Math.min(0, ymin);
    int k = p * (p + 1) / 2 + p;
    long iid = binomial ? n : n - 1;
    double t = iid > 0 ? Math.sqrt(Math.log(2 * k / delta) / (2.0 * iid)) : Double.POSITIVE_INFINITY;
    double epsA = p * t;
    double epsB = Math.sqrt(p) * rb * t;
    if (!binomial) {
      // The first sample is the instance itself (z = 1, π = 1): A_n = ((n−1)/n)Ā + M_1/n.
      double ma = 0;
      double mb = 0;
      double y1 = f.evaluate(x0.clone());
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          ma += Math.pow(1 - a[i * p + j], 2);
        }
        mb += Math.pow(y1 - b[i], 2);
      }
      epsA = epsA * (n - 1) / n + Math.sqrt(ma) / n;
      epsB = epsB * (n - 1) / n + Math.sqrt(mb) / n;
    }
    double thetaNorm = norm(theta);
    double[] est = null;
    String failure = null;
    try {
      Attribution at = run(method, s, f, x0);
      est = Arrays.copyOf(at.values(), p);
      est[d] = at.intercept().orElse(Double.NaN);
    } catch (IllegalStateException e) {
      failure = e.getMessage();
    }
    boolean informative = epsA < lambdaMin;
    double tol = informative
        ? (epsB + epsA * thetaNorm) / (lambdaMin - epsA) + FIT_ROUNDING * (1 + thetaNorm)
        : Double.POSITIVE_INFINITY;
    double err = est == null ? Double.POSITIVE_INFINITY : distance(est, theta);
    String note = String.format(Locale.ROOT, "%s: ‖θ̂ − θ‖₂=%.4g, tol=%s (λ_min(A)=%.3g, ε_A=%.3g, "
        + "ε_b=%.3g; Hoeffding + union bound, entries bounded by max π)%s", method, err,
        informative ? String.format(Locale.ROOT, "%.4g", tol) : "none (ε_A ≥ λ_min(A))",
        lambdaMin, epsA, epsB, failure == null ? "" : " [no estimate: " + failure + "]");
    if (est == null && informative) {
      // A singular sampled system where the bound promised an invertible A_n would be a failure.
      return new Estimate(method, null, theta, err, tol, true, note);
    }
    return new Estimate(method, est, theta, err, tol, informative, note);
  }

  /** {A (p×p), b (p), {y_min, y_max}} of the limit, normalised as an expectation. */
  private static double[][] limitSystem(Model f, double[] x0, double[] reference, double sigma,
      boolean binomial) {
    int d = f.dimension();
    int p = d + 1;
    double q = 1 / (1 + Math.exp(-1 / (sigma * sigma)));
    double[] a = new double[p * p];
    double[] b = new double[p];
    double[] zt = new double[p];
    double[] x = new double[d];
    double ymin = Double.POSITIVE_INFINITY;
    double ymax = Double.NEGATIVE_INFINITY;
    for (int mask = 0; mask < (1 << d); mask++) {
      int ones = Integer.bitCount(mask);
      for (int i = 0; i < d; i++) {
        zt[i] = (mask >> i) & 1;
        x[i] = zt[i] == 1 ? x0[i] : reference[i];
      }
      zt[d] = 1;
      double y = f.evaluate(x.clone());
      ymin = Math.min(ymin, y);
      ymax = Math.max(ymax, y);
      // LIME: uniform z, weight exp(−(d − k)/σ²); GLIME-Binomial: weight p^k (1 − p)^{d−k}.
      double w = binomial ? Math.pow(q, ones) * Math.pow(1 - q, d - ones)
          : Math.exp(-(d - ones) / (sigma * sigma)) / Math.pow(2, d);
      for (int i = 0; i < p; i++) {
        if (zt[i] == 0) {
          continue;
        }
        for (int j = 0; j < p; j++) {
          a[i * p + j] += w * zt[i] * zt[j];
        }
        b[i] += w * zt[i] * y;
      }
    }
    return new double[][] {a, b, {ymin, ymax}};
  }

  // ---------------------------------------------------------------------------------------------
  // 7. C-LIME → SmoothGrad (seed 000 A.2.5, Stein's lemma)

  /**
   * C-LIME (λ = 0, with intercept, n samples) is within a Chebyshev tolerance of the SmoothGrad
   * expectation E[∇f(x0 + ξ)], computed in closed form for a network with one hidden layer:
   * E[∇f] = Σ_j v_j w_j Φ((w_j·x0 + b_j)/(σ‖w_j‖)).
   *
   * <p>Derivation. C-LIME solves A_n θ̂ = b_n with per-sample M = ξ̃ξ̃ᵀ, ξ̃ = (ξ, 1), and m = ξ̃ f(x0 + ξ).
   * The population A = diag(σ² I, 1) and, by Stein's lemma, b = (σ² E∇f, E f), so θ = (E∇f, E f).
   * Entry variances: Var(ξ_iξ_j) = σ⁴ (i ≠ j), 2σ⁴ (i = j), Var(ξ_i) = σ² (two positions), so
   * E‖A_n − A‖_F² = V_A/n with V_A = σ⁴d(d+1) + 2dσ². With |f(x0 + ξ)| ≤ F0 + L‖ξ‖ (F0 = |f(x0)|, L a
   * Lipschitz bound: min(Π_l ‖W_l‖_F, ‖G‖₂)), E f² ≤ (F0 + Lσ√d)² and E[ξ_i² f²] ≤
   * σ²(F0 + Lσ√(d+2))² (Cauchy–Schwarz and E[ξ_i²‖ξ‖²] = σ⁴(d+2)), so E‖b_n − b‖² ≤ V_b/n with
   * V_b = (F0 + Lσ√d)² + dσ²(F0 + Lσ√(d+2))². Markov on the squared norms at δ/2 each:
   * ε_A = √(2V_A/(nδ)), ε_b = √(2V_b/(nδ)); then ‖θ̂ − θ‖₂ ≤ (ε_b + ε_A‖θ‖)/(min(σ², 1) − ε_A), with
   * ‖θ‖ ≤ √(‖E∇f‖² + (F0 + Lσ√d)²). E∇f is {@link ExactLimits#smoothGrad}'s closed form in float64;
   * an allowance of Σ_j |v_j|‖w_j‖·1.2e−7 for its evaluation of Φ is added (its erfc is accurate to
   * about 1e−14, well inside it).
   */
  public static Verdict cLimeToSmoothGrad(ReluNetwork f, double[] x0, long seed, long n,
      double sigma, double delta) {
    String claim = "seed 000 A.2.5: C-LIME → SmoothGrad (Stein's lemma)";
    if (f.layerCount() != 2) {
      return Verdict.vacuous(claim, "the closed form needs exactly one hidden layer");
    }
    int d = f.dimension();
    double[] sg = ExactLimits.smoothGrad(f, x0, sigma).values();
    double erfErr = 0;
    for (int j = 0; j < f.width(0); j++) {
      double wn = 0;
      for (int i = 0; i < d; i++) {
        wn += f.weight(0, j, i) * f.weight(0, j, i);
      }
      erfErr += Math.abs(f.weight(1, 0, j)) * Math.sqrt(wn) * 1.2e-7;
    }
    double f0 = Math.abs(f.score(x0));
    double lip = lipschitz(f);
    double s2 = sigma * sigma;
    double va = s2 * s2 * d * (d + 1) + 2 * d * s2;
    double vb = Math.pow(f0 + lip * sigma * Math.sqrt(d), 2)
        + d * s2 * Math.pow(f0 + lip * sigma * Math.sqrt(d + 2), 2);
    double epsA = Math.sqrt(2 * va / (n * delta));
    double epsB = Math.sqrt(2 * vb / (n * delta));
    double lmin = Math.min(s2, 1);
    double thetaNorm = Math.sqrt(Math.pow(norm(sg), 2) + Math.pow(f0 + lip * sigma * Math.sqrt(d),
        2));
    String where = String.format(Locale.ROOT, "n=%d, seed=%d, σ=%s, δ=%s, L=%.4g, ε_A=%.4g, "
        + "ε_b=%.4g", n, seed, sigma, delta, lip, epsA, epsB);
    if (epsA >= lmin) {
      return Verdict.vacuous(claim, where + ": ε_A ≥ min(σ², 1), n too small for the bound");
    }
    double tol = (epsB + epsA * thetaNorm) / (lmin - epsA) + erfErr;
    double[] est = run("c-lime", MethodSettings.defaults().withSigma(sigma).withLambda(0)
        .withSamples(n).withSeed(seed), f, x0).values();
    double err = distance(est, sg);
    String text = where + String.format(Locale.ROOT, ", ‖ŵ − E∇f‖₂=%.4g, tol=%.4g (Chebyshev "
        + "from second moments, |f(x0+ξ)| ≤ |f(x0)| + L‖ξ‖)", err, tol);
    return err <= tol ? Verdict.holds(claim, text) : Verdict.fails(claim, text + "; ŵ="
        + Arrays.toString(est) + ", E∇f=" + Arrays.toString(sg));
  }

  // ---------------------------------------------------------------------------------------------
  // Network helpers, independent of the backend

  /**
   * ∇f(x) of the score by a plain forward and backward pass over {@link ReluNetwork#weight} and
   * {@link ReluNetwork#bias}; a hidden unit counts as active iff its pre-activation is &gt; 0.
   */
  public static double[] gradient(ReluNetwork f, double[] x) {
    int layers = f.layerCount();
    double[][] pre = new double[layers][];
    double[] a = x;
    for (int l = 0; l < layers; l++) {
      int out = f.width(l);
      pre[l] = new double[out];
      double[] next = new double[out];
      for (int j = 0; j < out; j++) {
        double s = f.bias(l, j);
        for (int i = 0; i < a.length; i++) {
          s += f.weight(l, j, i) * a[i];
        }
        pre[l][j] = s;
        next[j] = l < layers - 1 && s < 0 ? 0 : s;
      }
      a = next;
    }
    double[] delta = {1.0};
    for (int l = layers - 1; l >= 0; l--) {
      int in = l == 0 ? f.dimension() : f.width(l - 1);
      double[] back = new double[in];
      for (int j = 0; j < delta.length; j++) {
        if (delta[j] == 0) {
          continue;
        }
        for (int i = 0; i < in; i++) {
          back[i] += f.weight(l, j, i) * delta[j];
        }
      }
      if (l > 0) {
        for (int i = 0; i < in; i++) {
          if (!(pre[l - 1][i] > 0)) {
            back[i] = 0;
          }
        }
      }
      delta = back;
    }
    return delta;
  }

  /** A Lipschitz bound of the score in ‖·‖₂: min(Π_l ‖W_l‖_F, ‖G‖₂). */
  public static double lipschitz(ReluNetwork f) {
    double prod = 1;
    for (int l = 0; l < f.layerCount(); l++) {
      int in = l == 0 ? f.dimension() : f.width(l - 1);
      double fro = 0;
      for (int j = 0; j < f.width(l); j++) {
        for (int i = 0; i < in; i++) {
          fro += f.weight(l, j, i) * f.weight(l, j, i);
        }
      }
      prod *= Math.sqrt(fro);
    }
    return Math.min(prod, norm(LimitChecks.gradientBound(f)));
  }

  /**
   * A lower bound ρ on the distance from x0 to the nearest kink: min over hidden units of
   * |z_j^l(x0)| / K_j^l (see {@link #smoothGradToVanilla}); +∞ without hidden units.
   */
  public static double linearRegionRadius(ReluNetwork f, double[] x0) {
    int layers = f.layerCount();
    double rho = Double.POSITIVE_INFINITY;
    double[] a = x0;
    double[] k = null;
    for (int l = 0; l < layers - 1; l++) {
      int out = f.width(l);
      double[] next = new double[out];
      double[] kn = new double[out];
      for (int j = 0; j < out; j++) {
        double s = f.bias(l, j);
        double lip = 0;
        for (int i = 0; i < a.length; i++) {
          s += f.weight(l, j, i) * a[i];
          if (l == 0) {
            lip += f.weight(l, j, i) * f.weight(l, j, i);
          } else {
            lip += Math.abs(f.weight(l, j, i)) * k[i];
          }
        }
        kn[j] = l == 0 ? Math.sqrt(lip) : lip;
        if (kn[j] > 0) {
          rho = Math.min(rho, Math.abs(s) / kn[j]);
        }
        next[j] = s < 0 ? 0 : s;
      }
      a = next;
      k = kn;
    }
    return rho;
  }

  // ---------------------------------------------------------------------------------------------
  // Small numerics

  /** The smallest eigenvalue of a symmetric p×p matrix by cyclic Jacobi rotations (a consumed). */
  static double minEigenvalue(double[] a, int p) {
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0;
      for (int i = 0; i < p; i++) {
        for (int j = i + 1; j < p; j++) {
          off += a[i * p + j] * a[i * p + j];
        }
      }
      if (off < 1e-300) {
        break;
      }
      for (int i = 0; i < p; i++) {
        for (int j = i + 1; j < p; j++) {
          double aij = a[i * p + j];
          if (aij == 0) {
            continue;
          }
          double theta = (a[j * p + j] - a[i * p + i]) / (2 * aij);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double c = 1 / Math.sqrt(t * t + 1);
          double s = t * c;
          for (int k = 0; k < p; k++) {
            double aki = a[k * p + i];
            double akj = a[k * p + j];
            a[k * p + i] = c * aki - s * akj;
            a[k * p + j] = s * aki + c * akj;
          }
          for (int k = 0; k < p; k++) {
            double aik = a[i * p + k];
            double ajk = a[j * p + k];
            a[i * p + k] = c * aik - s * ajk;
            a[j * p + k] = s * aik + c * ajk;
          }
        }
      }
    }
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < p; i++) {
      min = Math.min(min, a[i * p + i]);
    }
    return min;
  }

  static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  static double distance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }

  private static Attribution run(String method, MethodSettings s, Model f, double[] x0) {
    return Methods.create(method, s, f.dimension()).explain(f, x0, BACKEND);
  }

  private static Verdict compare(String claim, double[] got, double[] want, double[] scale,
      double rel, String source, String where) {
    double worst = 0;
    for (int j = 0; j < want.length; j++) {
      double diff = Math.abs(got[j] - want[j]);
      double tol = rel * scale[j];
      worst = Math.max(worst, diff / scale[j]);
      if (!(diff <= tol)) {
        return Verdict.fails(claim, where + ", tol=" + rel + " (" + source + "): feature " + (j + 1)
            + " is " + got[j] + ", expected " + want[j] + " (|diff| = " + fmt(diff) + " > "
            + fmt(tol) + ")");
      }
    }
    return Verdict.holds(claim, where + ", tol=" + rel + " (" + source + "), max relative diff "
        + fmt(worst));
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
