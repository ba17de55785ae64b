package xcert.explainers.limits;

import xcert.solvers.linalg.FloatLinearSolver;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * The minimiser of Σ_z ω_{|z|} (y(z) − vᵀz − b)² + λ‖v‖² over all z ∈ {0,1}^d (b = 0 without an
 * intercept; b unpenalised), from the level sums alone. Its normal equations have
 *
 * <pre>
 *   G_ii = Σ_k ω_k C(d−1,k−1) + λ,  G_ij = Σ_k ω_k C(d−2,k−2),  G_ib = Σ_k ω_k C(d−1,k−1),
 *   G_bb = Σ_k ω_k C(d,k),          rhs_i = Σ_k ω_k P_{i,k},     rhs_b = Σ_k ω_k A_k,
 * </pre>
 *
 * since Σ_{|z|=k} z_i z_j counts the masks of size k containing both i and j. The weights (values of
 * exp) are rounded, so the solve is in BigDecimal: first at {@value #START_DIGITS} significant digits,
 * then at twice that, doubling until two successive solutions agree to {@value #AGREE_DIGITS} digits
 * relative to the largest coefficient or mean level value.
 */
final class MaskRegression {

  static final int START_DIGITS = 60;
  static final int AGREE_DIGITS = 40;
  static final int MAX_DIGITS = 16_000;

  /** v (length d), b (or null), and the digits the accepted solve used. */
  record Solution(BigDecimal[] v, BigDecimal b, int digits) {}

  private MaskRegression() {}

  static Solution solve(LevelSums s, LevelWeights weights, boolean intercept, double lambda) {
    int d = s.d;
    BigDecimal scale = levelScale(s);
    int digits = START_DIGITS;
    BigDecimal[] previous = solveAt(s, weights, intercept, lambda, digits);
    while (true) {
      int next = 2 * digits;
      BigDecimal[] x = solveAt(s, weights, intercept, lambda, next);
      if (x != null && previous != null && agree(previous, x, scale)) {
        BigDecimal[] v = java.util.Arrays.copyOf(x, d);
        return new Solution(v, intercept ? x[d] : null, next);
      }
      if (next >= MAX_DIGITS) {
        throw new IllegalArgumentException("the kernel weights span too many orders of magnitude: "
            + "the weighted least squares over 2^" + d + " masks did not settle at " + next
            + " significant digits (widen the kernel)");
      }
      previous = x;
      digits = next;
    }
  }

  private static boolean agree(BigDecimal[] a, BigDecimal[] b, BigDecimal scale) {
    BigDecimal size = scale;
    for (BigDecimal v : b) {
      size = size.max(v.abs());
    }
    BigDecimal tol = size.movePointLeft(AGREE_DIGITS);
    for (int i = 0; i < b.length; i++) {
      if (b[i].subtract(a[i]).abs().compareTo(tol) > 0) {
        return false;
      }
    }
    return true;
  }

  /** The solution at the given precision, or null where the rounded system is singular there. */
  private static BigDecimal[] solveAt(LevelSums s, LevelWeights weights, boolean intercept,
      double lambda, int digits) {
    int d = s.d;
    MathContext mc = new MathContext(digits, RoundingMode.HALF_EVEN);
    BigDecimal[] w = weights.at(d, digits);
    BigDecimal diag = BigDecimal.ZERO;
    BigDecimal off = BigDecimal.ZERO;
    BigDecimal mass = BigDecimal.ZERO;
    BigDecimal rhsB = BigDecimal.ZERO;
    BigDecimal[] rhs = new BigDecimal[d];
    java.util.Arrays.fill(rhs, BigDecimal.ZERO);
    for (int k = 0; k <= d; k++) {
      diag = diag.add(w[k].multiply(big(LevelSums.binomial(d - 1, k - 1)), mc), mc);
      off = off.add(w[k].multiply(big(LevelSums.binomial(d - 2, k - 2)), mc), mc);
      mass = mass.add(w[k].multiply(big(LevelSums.binomial(d, k)), mc), mc);
      rhsB = rhsB.add(w[k].multiply(decimal(s.total[k], mc), mc), mc);
      for (int i = 0; i < d; i++) {
        rhs[i] = rhs[i].add(w[k].multiply(decimal(s.withFeature[i][k], mc), mc), mc);
      }
    }
    int n = intercept ? d + 1 : d;
    BigDecimal[][] g = new BigDecimal[n][n];
    BigDecimal[] b = new BigDecimal[n];
    BigDecimal lam = new BigDecimal(lambda);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        g[i][j] = i == j ? diag.add(lam, mc) : off;
      }
      if (intercept) {
        g[i][d] = diag;
        g[d][i] = diag;
      }
      b[i] = rhs[i];
    }
    if (intercept) {
      g[d][d] = mass;
      b[d] = rhsB;
    }
    try {
      return FloatLinearSolver.solve(g, b, mc);
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** max_k |A_k| / C(d,k): the size of the mean model value on a level. */
  private static BigDecimal levelScale(LevelSums s) {
    MathContext mc = MathContext.DECIMAL64;
    BigDecimal m = BigDecimal.ZERO;
    for (int k = 0; k <= s.d; k++) {
      BigDecimal a = decimal(s.total[k], mc).abs().divide(big(LevelSums.binomial(s.d, k)), mc);
      m = m.max(a);
    }
    return m;
  }

  static BigDecimal decimal(BigFraction f, MathContext mc) {
    return new BigDecimal(f.getNumerator()).divide(new BigDecimal(f.getDenominator()), mc);
  }

  private static BigDecimal big(BigInteger v) {
    return new BigDecimal(v);
  }
}
