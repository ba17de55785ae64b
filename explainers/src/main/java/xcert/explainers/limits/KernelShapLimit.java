package xcert.explainers.limits;

import xcert.solvers.linalg.ExactLinearSolver;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * KernelSHAP over all coalitions (Lundberg and Lee, Theorem 2; seed 000 A.2.2) in exact rationals:
 * minimise Σ_{0<|z|<d} π(z) (y(z) − b − wᵀz)² with b = y(∅) = f(r) and Σ w = y([d]) − y(∅), π the
 * Shapley kernel (d−1)/(C(d,k) k (d−k)). The constraint is eliminated as in the LFA runner:
 * w = Tβ + c₁e_d with T = [I; −1ᵀ], so the normal equations are TᵀGTβ = Tᵀ(h − c₁Ge_d) with
 * G_ii = Σ_k π_k C(d−1,k−1), G_ij = Σ_k π_k C(d−2,k−2), h_i = Σ_k π_k (P_{i,k} − b C(d−1,k−1)).
 */
final class KernelShapLimit {

  private KernelShapLimit() {}

  /** The d weights; d ≥ 1. */
  static BigFraction[] solve(LevelSums s) {
    int d = s.d;
    BigFraction c0 = s.empty();
    BigFraction c1 = s.full().subtract(c0);
    if (d == 1) {
      return new BigFraction[] {c1};
    }
    BigFraction diag = BigFraction.ZERO;
    BigFraction off = BigFraction.ZERO;
    BigFraction[] h = new BigFraction[d];
    java.util.Arrays.fill(h, BigFraction.ZERO);
    for (int k = 1; k < d; k++) {
      BigFraction pi = BigFraction.of(java.math.BigInteger.valueOf(d - 1),
          LevelSums.binomial(d, k).multiply(java.math.BigInteger.valueOf((long) k * (d - k))));
      BigFraction single = BigFraction.of(LevelSums.binomial(d - 1, k - 1));
      diag = diag.add(pi.multiply(single));
      off = off.add(pi.multiply(BigFraction.of(LevelSums.binomial(d - 2, k - 2))));
      for (int i = 0; i < d; i++) {
        h[i] = h[i].add(pi.multiply(s.withFeature[i][k].subtract(c0.multiply(single))));
      }
    }
    // u = h − c1·G e_d
    BigFraction[] u = new BigFraction[d];
    for (int i = 0; i < d; i++) {
      u[i] = h[i].subtract(c1.multiply(i == d - 1 ? diag : off));
    }
    int m = d - 1;
    BigFraction[][] a = new BigFraction[m][m];
    BigFraction[] rhs = new BigFraction[m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        // G_ij − G_id − G_dj + G_dd
        BigFraction gij = i == j ? diag : off;
        a[i][j] = gij.subtract(off).subtract(off).add(diag);
      }
      rhs[i] = u[i].subtract(u[d - 1]);
    }
    BigFraction[] beta = ExactLinearSolver.solve(a, rhs).orElseThrow(
        () -> new ArithmeticException("singular system (" + m + " unknowns)"));
    BigFraction[] w = new BigFraction[d];
    BigFraction rest = c1;
    for (int i = 0; i < m; i++) {
      w[i] = beta[i];
      rest = rest.subtract(beta[i]);
    }
    w[d - 1] = rest;
    return w;
  }
}
