package xcert.explainers.oracle.bounds;

import java.util.Locale;

/**
 * The finite-sample bound of KernelSHAP as xcert's {@code kernelshap} samples it (Lundberg and Lee
 * 2017; seed 000 A.2.2; {@code lfa.Noises.shapleyCoalitions}, paired): n coalitions z, drawn in
 * pairs (z, 1 − z) with z from the Shapley-kernel distribution over sizes 1..d−1 (size k with
 * probability ∝ (d−1)/(k(d−k)), then uniform within the size), the pairs independent (n odd: one
 * unpaired draw more), each of weight 1, fit by least squares with b = v(∅) and Σw = v([d]) −
 * v(∅).
 *
 * <p>With the last variable eliminated, z̃_i = z_i − z_d (i &lt; d), ỹ = v(z) − c₀ − c₁z_d (c₀ =
 * v(∅), c₁ = v([d]) − v(∅)), the fit is β̂ = (Σ z̃z̃ᵀ)⁻¹ Σ z̃ỹ and w = (β, c₁ − Σβ). Its n → ∞
 * limit β is the Shapley value of v (Lundberg and Lee, Theorem 2), so r(z) = ỹ(z) − z̃ᵀβ has E[z̃r]
 * = 0 and β̂ − β = (Σ z̃z̃ᵀ)⁻¹ Σ z̃r. Since z̃(1 − z) = −z̃(z), a pair adds X = 2z̃z̃ᵀ to the Gram
 * matrix and U = z̃(z)(r(z) − r(1 − z)) to the moment, and U has mean 0 because 1 − z has the
 * same distribution as z. {@link RegressionDeviation} with p = d − 1, μ = n·λ_min(E[z̃z̃ᵀ]), R =
 * max 2‖z̃‖², c = max ‖z̃(z)‖·|r(z) − r(1 − z)| (all over every coalition of sizes 1..d−1, from the
 * exact game values) bounds ‖β̂ − β‖₂ by Δ; then |ŵ_i − w_i| ≤ Δ for i &lt; d and |ŵ_d − w_d| =
 * |Σ(β̂ − β)| ≤ √(d−1)·Δ. With the Bernstein forms of both inequalities the variances
 * ‖E X² − (E X)²‖ and E‖U‖² enter too, also computed exactly from the table. For n odd the
 * unpaired draw's moment is bounded by its worst case max ‖z̃‖·|r| (a 1/n term). The constrained fit does not depend on which variable is eliminated, so
 * the bound holds for any solver of the same fit.
 */
public final class KernelShapSamplingBound {

  private KernelShapSamplingBound() {}

  /**
   * The bound at n samples and confidence C.
   *
   * @param game v(S) for every S ⊆ [d], bit i of the index = feature i + 1 (as {@code
   *     SetFunction}), d ≥ 2
   * @param shapley the exact Shapley values of v, w_1 first
   */
  public static SamplingBound of(double[] game, double[] shapley, long n, double confidence) {
    Moments m = moments(game, shapley);
    int d = shapley.length;
    long pairs = n / 2;
    boolean single = n % 2 == 1;
    // n odd: the unpaired draw's moment is bounded by its worst case, its Gram term dropped (≥ 0)
    RegressionDeviation.Result r = RegressionDeviation.bound(m.pair(), pairs,
        single ? m.cSingle() : 0, 1 - confidence);
    double[] h = new double[d];
    for (int i = 0; i < d; i++) {
      h[i] = i < d - 1 ? r.bound() : Math.sqrt(d - 1.0) * r.bound();
    }
    CoordinateDeviation.Functional[] fs = m.functionals().clone();
    for (int i = 0; i < d && !single; i++) {
      CoordinateDeviation.Functional g = fs[i];
      fs[i] = new CoordinateDeviation.Functional(g.range(), g.variance(), g.norm(), g.gramRange(),
          g.gramVariance(), 0);
    }
    double[] per = CoordinateDeviation.bound(m.pair(), pairs, single ? m.cSingle() : 0, fs,
        1 - confidence);
    boolean coordinates = per != null && max(per) < max(h);
    if (coordinates) {
      h = per;
    }
    RegressionDeviation.Terms q = m.pair();
    String how = String.format(Locale.ROOT, "KernelSHAP, %d paired coalitions (%d independent"
        + " pairs%s), efficiency constraint: matrix Chernoff/Bernstein on λ_min of the Gram"
        + " (per pair λ_min = %.4g, L = %.4g) and Hoeffding/Bernstein in Hilbert space on the"
        + " moment (c = %.4g, E‖U‖² = %.4g), ", n, pairs,
        single ? " and one single" : "", q.lambdaMin(), q.l(), q.c(), q.s2());
    how += coordinates ? "per feature: scalar Bernstein on the first-order term (E X)⁻¹S, union"
        + " over the d features, plus the second-order remainder"
        : r.vacuous()
        ? "vacuous at this n: the failure probability of the Gram bound alone is at least 1 − C"
        : String.format(Locale.ROOT, "ε = %.3g, ‖β̂ − β‖₂ ≤ %.4g; feature d gets √(d−1) times",
            r.epsilon(), r.bound());
    return new SamplingBound(h, r.vacuous() && !coordinates, n, confidence, how);
  }

  /**
   * The population quantities of the bound, computed from every coalition: those of one pair
   * (X = 2z̃z̃ᵀ, U = z̃(r(z) − r(1 − z))), the worst ‖z̃‖·|r| of a single draw, and ‖E[z̃r]‖ (0 up
   * to roundoff when the Shapley values solve the population normal equations).
   */
  record Moments(RegressionDeviation.Terms pair, double cSingle, double meanMoment,
      CoordinateDeviation.Functional[] functionals) {}

  static double max(double[] v) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }

  static Moments moments(double[] game, double[] shapley) {
    int d = shapley.length;
    if (d < 2) {
      throw new IllegalArgumentException("KernelSHAP needs d >= 2, got " + d);
    }
    int n = 1 << d;
    if (game.length != n) {
      throw new IllegalArgumentException("the game has " + game.length + " values, expected 2^"
          + d);
    }
    double c0 = game[0];
    double c1 = game[n - 1] - game[0];
    double scale = 0;
    for (double v : game) {
      scale = Math.max(scale, Math.abs(v));
    }
    double[] sizeProb = new double[d];
    double total = 0;
    for (int k = 1; k < d; k++) {
      sizeProb[k] = (d - 1.0) / (k * (double) (d - k));
      total += sizeProb[k];
    }
    double[] maskProb = new double[d];
    for (int k = 1; k < d; k++) {
      maskProb[k] = sizeProb[k] / total / binomial(d, k);
    }
    int p = d - 1;
    int last = 1 << (d - 1);
    double[] res = new double[n];
    for (int s = 1; s < n - 1; s++) {
      int zd = (s & last) != 0 ? 1 : 0;
      double fit = c0 + c1 * zd;
      for (int i = 0; i < p; i++) {
        fit += (((s >> i) & 1) - zd) * shapley[i];
      }
      res[s] = game[s] - fit;
    }
    // roundoff of the residuals (values and Shapley values as doubles): 10^-12 of max |v|
    double slack = 1e-12 * scale * d;
    double[][] a = new double[p][p];
    double[][] x2 = new double[p][p];
    double[] mean = new double[p];
    double[] zt = new double[p];
    double l = 0;
    double cPair = 0;
    double cSingle = 0;
    double s2 = 0;
    for (int s = 1; s < n - 1; s++) {
      int zd = (s & last) != 0 ? 1 : 0;
      double norm2 = 0;
      for (int i = 0; i < p; i++) {
        zt[i] = ((s >> i) & 1) - zd;
        norm2 += zt[i] * zt[i];
      }
      double q = maskProb[Integer.bitCount(s)];
      double diff = Math.abs(res[s] - res[(n - 1) ^ s]) + 2 * slack;
      for (int i = 0; i < p; i++) {
        if (zt[i] == 0) {
          continue;
        }
        mean[i] += q * zt[i] * res[s];
        for (int j = 0; j < p; j++) {
          a[i][j] += 2 * q * zt[i] * zt[j];
          x2[i][j] += 4 * q * norm2 * zt[i] * zt[j];
        }
      }
      l = Math.max(l, 2 * norm2);
      double norm = Math.sqrt(norm2);
      cPair = Math.max(cPair, norm * diff);
      cSingle = Math.max(cSingle, norm * (Math.abs(res[s]) + slack));
      s2 += q * norm2 * diff * diff;
    }
    // the functionals of the features: w_i = β_i (i < d), w_d = c₁ − Σβ; h = (E X)⁻¹f
    double[][] inv = CoordinateDeviation.inverse(a);
    double[][] hs = new double[d][p];
    for (int f = 0; f < d; f++) {
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          hs[f][i] += inv[i][j] * (f == d - 1 || f == j ? 1 : 0);
        }
      }
    }
    double[] fa = new double[d];
    double[] fv = new double[d];
    double[] ga = new double[d];
    double[] gv = new double[d];
    for (int s = 1; s < n - 1; s++) {
      int zd = (s & last) != 0 ? 1 : 0;
      double q = maskProb[Integer.bitCount(s)];
      double diff = Math.abs(res[s] - res[(n - 1) ^ s]) + 2 * slack;
      double norm2 = 0;
      for (int i = 0; i < p; i++) {
        double z = ((s >> i) & 1) - zd;
        norm2 += z * z;
      }
      for (int f = 0; f < d; f++) {
        double dot = 0;
        for (int i = 0; i < p; i++) {
          dot += hs[f][i] * (((s >> i) & 1) - zd);
        }
        double u = Math.abs(dot) * diff;
        fa[f] = Math.max(fa[f], u);
        fv[f] += q * u * u;
        double xh = 2 * Math.abs(dot) * Math.sqrt(norm2); // ‖Xh‖, X = 2z̃z̃ᵀ
        ga[f] = Math.max(ga[f], xh);
        gv[f] += q * xh * xh;
      }
    }
    CoordinateDeviation.Functional[] fs = new CoordinateDeviation.Functional[d];
    for (int f = 0; f < d; f++) {
      double fNorm2 = f == d - 1 ? p : 1; // ‖f‖²: e_i, or the all-ones vector for w_d
      fs[f] = new CoordinateDeviation.Functional(fa[f] * (1 + 1e-9), fv[f] * (1 + 1e-9),
          norm(hs[f]) * (1 + 1e-9), (ga[f] + Math.sqrt(fNorm2)) * (1 + 1e-9),
          Math.max(0, gv[f] - fNorm2) * (1 + 1e-9) + 1e-12 * gv[f], ga[f] / 2 * (1 + 1e-9));
    }
    return new Moments(terms(a, x2, l, cPair, s2), cSingle, norm(mean), fs);
  }

  /** The {@link RegressionDeviation.Terms} of E X = a, E X² = x2 (both read), L, c, E‖U‖². */
  static RegressionDeviation.Terms terms(double[][] a, double[][] x2, double l, double c,
      double s2) {
    int p = a.length;
    double[][] v = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        double aa = 0;
        for (int k = 0; k < p; k++) {
          aa += a[i][k] * a[k][j];
        }
        v[i][j] = x2[i][j] - aa;
      }
    }
    return new RegressionDeviation.Terms(p, SymmetricEigen.lowerMinEigenvalue(a),
        RegressionDeviation.upperMaxEigenvalue(a), l * (1 + 1e-12),
        Math.max(0, RegressionDeviation.upperMaxEigenvalue(v)), c * (1 + 1e-12), s2 * (1 + 1e-9));
  }

  static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  static double binomial(int n, int k) {
    double b = 1;
    for (int i = 1; i <= k; i++) {
      b = b * (n - k + i) / i;
    }
    return b;
  }
}
