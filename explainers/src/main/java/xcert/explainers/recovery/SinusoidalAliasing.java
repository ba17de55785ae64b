package xcert.explainers.recovery;

import java.util.ArrayList;
import java.util.List;

/**
 * Seed 000 Remark 2: f(x) = Σ_i sin(w_i x_i) explained at x0 with multiplicative binary noise
 * ξ ∈ {0,1}^d. Every perturbed point x0 ⊙ ξ has coordinates x0_i or 0, so the model is seen only
 * through f(x0 ⊙ ξ) = Σ_i ξ_i sin(w_i x0_i): two sinusoids f, g give the same values at every
 * binary perturbation iff sin(w_gi x0_i) = sin(w_fi x0_i) for every i (take ξ = e_i), and then the
 * modified loss (f(x0 ⊙ ξ) − g(x0 ⊙ ξ))² is zero for both, so it cannot tell them apart. (The
 * original loss (f(x0 ⊙ ξ) − g(ξ))², with g(ξ) = Σ ξ_i sin(w_gi), sees g only through sin(w_gi).)
 *
 * <p>The aliases of w at x0 (x0 ≠ 0), the w' with sin(w' x0) = sin(w x0), are w + 2πk/x0 and
 * (π − w x0 + 2πk)/x0, k ∈ ℤ.
 */
public final class SinusoidalAliasing {

  private SinusoidalAliasing() {}

  /** f(z) = Σ_i sin(w_i z_i). */
  public static double value(double[] w, double[] z) {
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      s += Math.sin(w[i] * z[i]);
    }
    return s;
  }

  /**
   * The modified binary-noise loss Σ_{ξ ∈ {0,1}^d} (f(x0 ⊙ ξ) − g(x0 ⊙ ξ))², enumerated (the
   * expectation under Bernoulli(1/2) noise times 2^d).
   */
  public static double modifiedLoss(double[] wf, double[] wg, double[] x0) {
    int d = wf.length;
    double[] z = new double[d];
    double sum = 0;
    for (int mask = 0; mask < 1 << d; mask++) {
      for (int i = 0; i < d; i++) {
        z[i] = (mask >> i & 1) == 1 ? x0[i] : 0;
      }
      double r = value(wf, z) - value(wg, z);
      sum += r * r;
    }
    return sum;
  }

  /**
   * The aliases w' ≠ w of w at x0 with |w'| ≤ bound (a symmetric box of the class), in increasing
   * order.
   */
  public static List<Double> aliases(double w, double x0, double bound) {
    List<Double> out = new ArrayList<>();
    double theta = w * x0;
    double period = 2 * Math.PI / Math.abs(x0);
    int kMax = (int) Math.ceil(2 * bound / period) + 2;
    for (int k = -kMax; k <= kMax; k++) {
      double[] cands = {w + k * period, (Math.PI - theta + 2 * Math.PI * k) / x0};
      for (double c : cands) {
        if (Math.abs(c) <= bound * (1 + 1e-12) && Math.abs(c - w) > 1e-9 * Math.max(1,
            Math.abs(w)) && out.stream().noneMatch(o -> Math.abs(o - c) < 1e-9 * Math.max(1,
                Math.abs(c)))) {
          out.add(c);
        }
      }
    }
    out.sort(Double::compare);
    return out;
  }
}
