package xcert.explainers.oracle.bounds;

/**
 * The deviation of a least-squares fit on m independent, identically distributed terms from its
 * population solution, bounded with probability at least 1 − δ.
 *
 * <p>The sampled fit θ̂ and the population fit θ satisfy G(θ̂ − θ) = S + b, with G ⪰ Σ_j X_j
 * (X_j ⪰ 0 independent p×p copies of X, E X = A, λ_max(X) ≤ L), S = Σ_j U_j (independent copies
 * of a mean-zero vector U, ‖U‖ ≤ c, E‖U‖² = s²) and ‖b‖ ≤ β deterministic. For ε in (0, 1), the
 * event λ_min(Σ X_j) ≥ (1 − ε)·m·λ_min(A) fails with probability at most the smaller of
 *
 * <ul>
 *   <li>matrix Chernoff (Tropp 2012, "User-friendly tail bounds for sums of random matrices",
 *       Theorem 1.1): p·[e^{−ε}/(1 − ε)^{1−ε}]^{mλ_min(A)/L};
 *   <li>matrix Bernstein (ibid., Theorem 1.4, applied to Y = A − X, λ_max(Y) ≤ λ_max(A), σ² =
 *       m‖E X² − A²‖): p·exp(−(s²/2)/(σ² + λ_max(A)s/3)) with s = ε·m·λ_min(A);
 * </ul>
 *
 * and ‖S‖ ≥ t fails with probability at most the smaller t of Hoeffding in Hilbert space (Pinelis
 * 1994, "Optimum bounds for the distributions of martingales in Banach spaces", Theorem 3.5, D =
 * 1: 2exp(−t²/(2mc²))) and its Bernstein form (ibid., Theorem 3.4: 2exp(−t²/(2(ms² + ct/3)))).
 * Outside both events ‖θ̂ − θ‖₂ ≤ (t + β)/((1 − ε)·m·λ_min(A)). The failure probability δ is split
 * as δ₁(ε) + δ₂, and ε is chosen on a fixed grid of 2000 points in (0, 1) (log-spaced from 10^-6,
 * then linear). Every choice (grid point, which inequality) depends only on population quantities,
 * never on the sample, so the least of the bounds is itself a bound at level δ. When δ₁(ε) ≥ δ for
 * every ε, no finite bound follows: the result is +∞ (vacuous).
 */
public final class RegressionDeviation {

  private RegressionDeviation() {}

  /**
   * The population quantities of one term.
   *
   * @param p the dimension of the regression
   * @param lambdaMin λ_min(E X)
   * @param lambdaMax λ_max(E X) (an upper bound)
   * @param l an upper bound on λ_max(X) over every outcome
   * @param variance an upper bound on ‖E X² − (E X)²‖
   * @param c an upper bound on ‖U‖ over every outcome
   * @param s2 an upper bound on E‖U‖²
   */
  public record Terms(int p, double lambdaMin, double lambdaMax, double l, double variance,
      double c, double s2) {}

  /** The bound and the split it used. */
  public record Result(double bound, double epsilon, double gramFailure, double t) {
    public boolean vacuous() {
      return Double.isInfinite(bound);
    }
  }

  /**
   * The least bound on ‖θ̂ − θ‖₂ over the grid of ε.
   *
   * @param m the number of independent terms
   * @param deterministic β, the bound on the deterministic part of the moment
   * @param delta the failure probability 1 − C, in (0, 1)
   */
  public static Result bound(Terms q, long m, double deterministic, double delta) {
    Result best = new Result(Double.POSITIVE_INFINITY, Double.NaN, Double.NaN, Double.NaN);
    if (!(q.lambdaMin() > 0) || !(q.l() > 0) || m < 1) {
      return best;
    }
    double mu = m * q.lambdaMin();
    for (int k = 0; k < 2000; k++) {
      double eps = k < 1000 ? Math.pow(10, -6 + 6.0 * k / 1000) : (k - 999) / 1001.0;
      double rate = eps + (1 - eps) * Math.log1p(-eps); // −log of e^{−ε}/(1−ε)^{1−ε}
      double chernoff = Math.log(q.p()) - mu / q.l() * rate;
      double s = eps * mu;
      double bernstein = Math.log(q.p()) - s * s / 2 / (m * q.variance() + q.lambdaMax() * s / 3);
      double fail = Math.exp(Math.min(chernoff, bernstein));
      if (!(fail < delta)) {
        continue;
      }
      double log2 = Math.log(2 / (delta - fail));
      double hoeffding = q.c() * Math.sqrt(2 * m * log2);
      double a = q.c() * log2 / 3;
      double bennett = a + Math.sqrt(a * a + 2 * m * q.s2() * log2);
      double t = Math.min(hoeffding, bennett);
      double b = (t + deterministic) / ((1 - eps) * mu);
      if (b < best.bound()) {
        best = new Result(b, eps, fail, t);
      }
    }
    return best;
  }

  /** An upper bound on λ_max of a symmetric matrix. */
  static double upperMaxEigenvalue(double[][] a) {
    double[][] neg = new double[a.length][a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a.length; j++) {
        neg[i][j] = -a[i][j];
      }
    }
    return -SymmetricEigen.lowerMinEigenvalue(neg);
  }
}
