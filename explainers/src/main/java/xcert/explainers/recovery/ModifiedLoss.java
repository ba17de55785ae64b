package xcert.explainers.recovery;

import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.explainers.claims.IdentityChecks;
import xcert.solvers.model.ReluNetwork;

/**
 * The modified losses of seed 000 after Remark 1: replacing ∇_ξ g(ξ) by ∇_ξ g(x ⊙ ξ) in the
 * gradient-matching loss of the multiplicative methods, and g(ξ) by g(x ⊙ ξ) in the squared error
 * of the binary methods.
 *
 * <p>Gradient matching with g(z) = wᵀz: ∇_ξ f(x ⊙ ξ) = x ⊙ ∇f(x ⊙ ξ) and ∇_ξ g(x ⊙ ξ) = x ⊙ w, so
 * the loss is Σ_i x_i²(∂_i f(x ⊙ ξ) − w_i)², minimised (for x_i ≠ 0) by w = E_ξ[∇f(x ⊙ ξ)]. With
 * ξ = t·1, t ~ Uniform(a, 1) this is (1/(1−a))∫_a^1 ∇f(tx) dt: at a = 0 Integrated Gradients without
 * the input factor, ∫_0^1 ∇f(tx)dt, and as a → 1 the Vanilla Gradient ∇f(x).
 *
 * <p>Squared error with binary ξ: the fit regresses f(x ⊙ ξ) on the features x ⊙ ξ (modified) or ξ
 * (original) over ξ ∈ {0,1}^d; with every mask weighted equally (any positive weights give the same
 * answer on exactly affine data) the normal equations are solved here in exact rationals.
 */
public final class ModifiedLoss {

  private ModifiedLoss() {}

  /**
   * The minimiser of the modified gradient-matching loss on n samples t_k ~ Uniform(a, 1) drawn
   * from {@code new SplittableRandom(seed)}: (1/n) Σ_k ∇f(t_k x), gradients from
   * {@link IdentityChecks#gradient} (coordinates with x_i = 0 are left at that mean too, the loss
   * being flat there).
   */
  public static double[] gradientMatchingFit(ReluNetwork f, double[] x, double a, long n,
      long seed) {
    int d = f.dimension();
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] sum = new double[d];
    double[] z = new double[d];
    for (long k = 0; k < n; k++) {
      double t = a + (1 - a) * rnd.nextDouble();
      for (int i = 0; i < d; i++) {
        z[i] = t * x[i];
      }
      double[] g = IdentityChecks.gradient(f, z);
      for (int i = 0; i < d; i++) {
        sum[i] += g[i];
      }
    }
    for (int i = 0; i < d; i++) {
      sum[i] /= n;
    }
    return sum;
  }

  /**
   * The exact least-squares fit (w, b) of the affine f(z) = wᵀz + b over all ξ ∈ {0,1}^d with the
   * features x ⊙ ξ ({@code modified}) or ξ (the original binary-noise loss); d + 1 values, the
   * intercept last.
   *
   * @throws ArithmeticException when the normal equations are singular (some x_i = 0 in the
   *     modified fit)
   */
  public static BigFraction[] binaryAffineFit(BigFraction[] w, BigFraction b, BigFraction[] x,
      boolean modified) {
    int d = w.length;
    int p = d + 1;
    BigFraction[][] a = new BigFraction[p][p + 1];
    for (BigFraction[] row : a) {
      java.util.Arrays.fill(row, BigFraction.ZERO);
    }
    BigFraction[] z = new BigFraction[p];
    for (int mask = 0; mask < 1 << d; mask++) {
      BigFraction y = b;
      for (int i = 0; i < d; i++) {
        boolean on = (mask >> i & 1) == 1;
        BigFraction input = on ? x[i] : BigFraction.ZERO;
        y = y.add(w[i].multiply(input));
        z[i] = modified ? input : (on ? BigFraction.ONE : BigFraction.ZERO);
      }
      z[d] = BigFraction.ONE;
      for (int r = 0; r < p; r++) {
        for (int c = 0; c < p; c++) {
          a[r][c] = a[r][c].add(z[r].multiply(z[c]));
        }
        a[r][p] = a[r][p].add(z[r].multiply(y));
      }
    }
    return solve(a, p);
  }

  /** Gauss–Jordan elimination on an augmented p × (p+1) matrix of rationals (consumed). */
  static BigFraction[] solve(BigFraction[][] a, int p) {
    for (int col = 0; col < p; col++) {
      int piv = col;
      while (piv < p && a[piv][col].signum() == 0) {
        piv++;
      }
      if (piv == p) {
        throw new ArithmeticException("singular normal equations at column " + col);
      }
      BigFraction[] tmp = a[piv];
      a[piv] = a[col];
      a[col] = tmp;
      for (int r = 0; r < p; r++) {
        if (r != col && a[r][col].signum() != 0) {
          BigFraction factor = a[r][col].divide(a[col][col]);
          for (int c = col; c <= p; c++) {
            a[r][c] = a[r][c].subtract(factor.multiply(a[col][c]));
          }
        }
      }
    }
    BigFraction[] out = new BigFraction[p];
    for (int r = 0; r < p; r++) {
      out[r] = a[r][p].divide(a[r][r]);
    }
    return out;
  }
}
