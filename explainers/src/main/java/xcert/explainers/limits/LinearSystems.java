package xcert.explainers.limits;

import java.math.BigDecimal;
import java.math.MathContext;
import org.apache.commons.numbers.fraction.BigFraction;

/** Gaussian elimination for the small (≤ 21 unknowns) normal equations of the limits. */
final class LinearSystems {

  private LinearSystems() {}

  /** The exact solution of A x = b (A square, non-singular), in rationals. */
  static BigFraction[] solve(BigFraction[][] a, BigFraction[] b) {
    int n = b.length;
    BigFraction[][] m = new BigFraction[n][];
    for (int i = 0; i < n; i++) {
      m[i] = java.util.Arrays.copyOf(a[i], n + 1);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int p = c;
      while (p < n && m[p][c].signum() == 0) {
        p++;
      }
      if (p == n) {
        throw new ArithmeticException("singular system (column " + (c + 1) + " of " + n + ")");
      }
      BigFraction[] t = m[p];
      m[p] = m[c];
      m[c] = t;
      for (int r = c + 1; r < n; r++) {
        if (m[r][c].signum() == 0) {
          continue;
        }
        BigFraction factor = m[r][c].divide(m[c][c]);
        for (int k = c; k <= n; k++) {
          m[r][k] = m[r][k].subtract(factor.multiply(m[c][k]));
        }
      }
    }
    BigFraction[] x = new BigFraction[n];
    for (int r = n - 1; r >= 0; r--) {
      BigFraction s = m[r][n];
      for (int k = r + 1; k < n; k++) {
        s = s.subtract(m[r][k].multiply(x[k]));
      }
      x[r] = s.divide(m[r][r]);
    }
    return x;
  }

  /** A x = b in BigDecimal at the given precision, with partial pivoting. */
  static BigDecimal[] solve(BigDecimal[][] a, BigDecimal[] b, MathContext mc) {
    int n = b.length;
    BigDecimal[][] m = new BigDecimal[n][];
    for (int i = 0; i < n; i++) {
      m[i] = java.util.Arrays.copyOf(a[i], n + 1);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int r = c + 1; r < n; r++) {
        if (m[r][c].abs().compareTo(m[p][c].abs()) > 0) {
          p = r;
        }
      }
      if (m[p][c].signum() == 0) {
        throw new ArithmeticException("singular system (column " + (c + 1) + " of " + n + ")");
      }
      BigDecimal[] t = m[p];
      m[p] = m[c];
      m[c] = t;
      for (int r = c + 1; r < n; r++) {
        if (m[r][c].signum() == 0) {
          continue;
        }
        BigDecimal factor = m[r][c].divide(m[c][c], mc);
        for (int k = c; k <= n; k++) {
          m[r][k] = m[r][k].subtract(factor.multiply(m[c][k], mc), mc);
        }
      }
    }
    BigDecimal[] x = new BigDecimal[n];
    for (int r = n - 1; r >= 0; r--) {
      BigDecimal s = m[r][n];
      for (int k = r + 1; k < n; k++) {
        s = s.subtract(m[r][k].multiply(x[k], mc), mc);
      }
      x[r] = s.divide(m[r][r], mc);
    }
    return x;
  }
}
