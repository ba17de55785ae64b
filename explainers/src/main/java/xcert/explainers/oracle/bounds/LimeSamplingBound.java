package xcert.explainers.oracle.bounds;

import java.util.Locale;
import xcert.explainers.lfa.Kernel;

/**
 * The finite-sample bound of LIME as xcert's {@code lime} samples it (Ribeiro et al. 2016; lime's
 * {@code LimeImageExplainer}; seed 001 Eq. 1): n masks, the first the all-ones mask, the other n − 1
 * independent and uniform on {0,1}^d; sample weight π(z) = √exp(−D(z)²/w²) with D the cosine or L2
 * distance from z to the all-ones mask; a ridge fit with intercept, Σ π(y − wᵀz − b)² + α‖w‖²
 * (sklearn's Ridge(alpha = α), LIME's α = 1). Its n → ∞ limit is the λ = 0 fit θ = (w, b) of
 * {@code lime-limit} with the same width and distance.
 *
 * <p>With x̃ = (z, 1), r(z) = v(z) − x̃ᵀθ (so E[π x̃ r] = 0 under the uniform distribution) and P
 * the projection onto w: (Σ π x̃x̃ᵀ + αP)(θ̂ − θ) = Σ_{k≥2} π x̃ r + π(1)x̃(1)r(1) − αPθ. The
 * Gram matrix is at least its n − 1 random terms; the first sample and the penalty make the
 * deterministic part, ‖·‖ ≤ √(d+1)·|r(1)| + α‖w‖₂. {@link RegressionDeviation} with p = d + 1, μ =
 * (n − 1)·λ_min(E[π x̃x̃ᵀ]), R = max π(z)(|z| + 1), c = max π(z)‖x̃(z)‖·|r(z)| (over all 2^d masks,
 * from the exact game values) bounds ‖θ̂ − θ‖₂, hence every |ŵ_i − w_i|, by Δ. The deterministic
 * part falls like 1/n, the random part like 1/√n. With the Bernstein forms the variances
 * ‖E X² − (E X)²‖ and E‖U‖² (X = πx̃x̃ᵀ, U = πx̃r) enter too, also computed exactly.
 */
public final class LimeSamplingBound {

  private LimeSamplingBound() {}

  /**
   * The bound at n samples and confidence C.
   *
   * @param game v(z) for every mask z, bit i of the index = feature i + 1 (as {@code SetFunction})
   * @param limit the λ = 0 limit's weights w, w_1 first
   * @param alpha the sampled fit's ridge α on sklearn's sum scale (LIME: 1)
   */
  public static SamplingBound of(double[] game, double[] limit, double kernelWidth,
      Kernel.Distance distance, double alpha, long n, double confidence) {
    Moments m = moments(game, limit, kernelWidth, distance);
    int d = limit.length;
    double det = m.firstTerm() + alpha * KernelShapSamplingBound.norm(limit);
    RegressionDeviation.Result r = RegressionDeviation.bound(m.terms(), n - 1, det,
        1 - confidence);
    double[] h = new double[d];
    java.util.Arrays.fill(h, r.bound());
    CoordinateDeviation.Functional[] fs = m.functionals().clone();
    for (int i = 0; i < d; i++) {
      // R₀ = x̃(1)x̃(1)ᵀ + αP (π(1) = 1): ‖R₀h‖ ≤ ‖x̃(1)x̃(1)ᵀh‖ + α‖h‖
      CoordinateDeviation.Functional g = fs[i];
      fs[i] = new CoordinateDeviation.Functional(g.range(), g.variance(), g.norm(), g.gramRange(),
          g.gramVariance(), g.rest() + alpha * g.norm());
    }
    double[] per = CoordinateDeviation.bound(m.terms(), n - 1, det, fs, 1 - confidence);
    boolean coordinates = per != null && KernelShapSamplingBound.max(per) < r.bound();
    if (coordinates) {
      h = per;
    }
    RegressionDeviation.Terms q = m.terms();
    String how = String.format(Locale.ROOT, "LIME, the all-ones mask and %d independent uniform"
        + " masks, ridge α = %s: matrix Chernoff/Bernstein on λ_min of the weighted Gram"
        + " (λ_min(E πx̃x̃ᵀ) = %.4g, L = %.4g), Hoeffding/Bernstein in Hilbert space on the moment"
        + " (c = %.4g, E‖U‖² = %.4g), first sample and ridge bias %.4g, ", n - 1, alpha,
        q.lambdaMin(), q.l(), q.c(), q.s2(), det);
    how += coordinates ? "per feature: scalar Bernstein on the first-order term (E X)⁻¹S, union"
        + " over the d features, plus the second-order remainder"
        : r.vacuous()
        ? "vacuous at this n: the failure probability of the Gram bound alone is at least 1 − C"
        : String.format(Locale.ROOT, "ε = %.3g, ‖θ̂ − θ‖₂ ≤ %.4g", r.epsilon(), r.bound());
    return new SamplingBound(h, r.vacuous() && !coordinates, n, confidence, how);
  }

  /**
   * The population quantities of the bound, computed from every mask: those of one uniform mask
   * (X = πx̃x̃ᵀ, U = πx̃r), the first sample's ‖x̃(1)‖·|r(1)|, ‖E[πx̃r]‖ (0 up to roundoff when
   * the limit solves the population normal equations) and the limit's intercept.
   */
  record Moments(RegressionDeviation.Terms terms, double firstTerm, double meanMoment,
      double intercept, CoordinateDeviation.Functional[] functionals) {}

  static Moments moments(double[] game, double[] limit, double kernelWidth,
      Kernel.Distance distance) {
    int d = limit.length;
    int n = 1 << d;
    if (game.length != n) {
      throw new IllegalArgumentException("the game has " + game.length + " values, expected 2^"
          + d);
    }
    double[] pi = new double[d + 1];
    for (int k = 0; k <= d; k++) {
      double dist = distance.of(k, d);
      pi[k] = Math.sqrt(Math.exp(-dist * dist / (kernelWidth * kernelWidth)));
    }
    double scale = 0;
    double[] lin = new double[n];
    double num = 0;
    double den = 0;
    for (int s = 0; s < n; s++) {
      scale = Math.max(scale, Math.abs(game[s]));
      double f = 0;
      for (int i = 0; i < d; i++) {
        if (((s >> i) & 1) != 0) {
          f += limit[i];
        }
      }
      lin[s] = f;
      double w = pi[Integer.bitCount(s)];
      num += w * (game[s] - f);
      den += w;
    }
    double b = num / den; // the limit's intercept: E[π(v − wᵀz − b)] = 0
    // roundoff of the residuals (game values, the limit's weights rounded to float64)
    double slack = 1e-12 * (scale + KernelShapSamplingBound.norm(limit)) * (d + 1);
    int p = d + 1;
    double[][] a = new double[p][p];
    double[][] x2 = new double[p][p];
    double[] mean = new double[p];
    double l = 0;
    double c = 0;
    double s2 = 0;
    for (int s = 0; s < n; s++) {
      int k = Integer.bitCount(s);
      double w = pi[k];
      double res = game[s] - lin[s] - b;
      double q = w / n;
      for (int i = 0; i < p; i++) {
        if (i != d && ((s >> i) & 1) == 0) {
          continue;
        }
        mean[i] += q * res;
        for (int j = 0; j < p; j++) {
          if (j == d || ((s >> j) & 1) != 0) {
            a[i][j] += q;
            x2[i][j] += q * w * (k + 1);
          }
        }
      }
      double absRes = Math.abs(res) + slack;
      l = Math.max(l, w * (k + 1));
      c = Math.max(c, w * Math.sqrt(k + 1.0) * absRes);
      s2 += w * w * (k + 1) * absRes * absRes / n;
    }
    double first = Math.sqrt(d + 1.0) * (Math.abs(game[n - 1] - lin[n - 1] - b) + slack);
    // the functionals of the features: w_i = e_iᵀθ; h = (E X)⁻¹e_i
    double[][] inv = CoordinateDeviation.inverse(a);
    double[] fa = new double[d];
    double[] fv = new double[d];
    double[] ga = new double[d];
    double[] gv = new double[d];
    double[] fh = new double[d];
    double[] ones = new double[d];
    for (int f = 0; f < d; f++) {
      double[] col = new double[p];
      for (int i = 0; i < p; i++) {
        col[i] = inv[i][f];
        ones[f] += inv[i][f];
      }
      fh[f] = KernelShapSamplingBound.norm(col);
    }
    for (int s = 0; s < n; s++) {
      int k = Integer.bitCount(s);
      double w = pi[k];
      double absRes = Math.abs(game[s] - lin[s] - b) + slack;
      for (int f = 0; f < d; f++) {
        double dot = inv[d][f];
        for (int i = 0; i < d; i++) {
          if (((s >> i) & 1) != 0) {
            dot += inv[i][f];
          }
        }
        double u = w * Math.abs(dot) * absRes;
        fa[f] = Math.max(fa[f], u);
        fv[f] += u * u / n;
        double xh = w * Math.abs(dot) * Math.sqrt(k + 1.0); // ‖Xh‖, X = πx̃x̃ᵀ
        ga[f] = Math.max(ga[f], xh);
        gv[f] += xh * xh / n;
      }
    }
    CoordinateDeviation.Functional[] fs = new CoordinateDeviation.Functional[d];
    for (int f = 0; f < d; f++) {
      // x̃(1) is the all-ones vector of length d + 1: ‖x̃(1)x̃(1)ᵀh‖ = √(d+1)·|Σh|
      fs[f] = new CoordinateDeviation.Functional(fa[f] * (1 + 1e-9), fv[f] * (1 + 1e-9),
          fh[f] * (1 + 1e-9), (ga[f] + 1) * (1 + 1e-9),
          Math.max(0, gv[f] - 1) * (1 + 1e-9) + 1e-12 * gv[f],
          Math.sqrt(d + 1.0) * Math.abs(ones[f]) * (1 + 1e-9));
    }
    return new Moments(KernelShapSamplingBound.terms(a, x2, l, c, s2), first,
        KernelShapSamplingBound.norm(mean), b, fs);
  }
}
