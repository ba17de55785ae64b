package xcert.certificates.orbit;

import org.apache.commons.numbers.fraction.BigFraction;

/** Exact Gaussian elimination over the rationals for the small systems of {@link Exactifier}. */
final class ExactLinear {

  private ExactLinear() {}

  /**
   * Solves A x = b (m equations, n unknowns, m ≥ n) exactly; null when A has rank below n or the
   * system is inconsistent.
   */
  static BigFraction[] solve(BigFraction[][] a, BigFraction[] b) {
    int m = a.length;
    int n = m == 0 ? 0 : a[0].length;
    BigFraction[][] t = new BigFraction[m][n + 1];
    for (int i = 0; i < m; i++) {
      System.arraycopy(a[i], 0, t[i], 0, n);
      t[i][n] = b[i];
    }
    int row = 0;
    int[] pivotRow = new int[n];
    for (int col = 0; col < n; col++) {
      int p = -1;
      for (int i = row; i < m; i++) {
        if (t[i][col].signum() != 0) {
          p = i;
          break;
        }
      }
      if (p < 0) {
        return null;
      }
      BigFraction[] tmp = t[p];
      t[p] = t[row];
      t[row] = tmp;
      BigFraction inv = BigFraction.ONE.divide(t[row][col]);
      for (int j = col; j <= n; j++) {
        t[row][j] = t[row][j].multiply(inv);
      }
      for (int i = 0; i < m; i++) {
        if (i != row && t[i][col].signum() != 0) {
          BigFraction factor = t[i][col];
          for (int j = col; j <= n; j++) {
            t[i][j] = t[i][j].subtract(factor.multiply(t[row][j]));
          }
        }
      }
      pivotRow[col] = row;
      row++;
    }
    for (int i = row; i < m; i++) {
      if (t[i][n].signum() != 0) {
        return null;
      }
    }
    BigFraction[] x = new BigFraction[n];
    for (int col = 0; col < n; col++) {
      x[col] = t[pivotRow[col]][n];
    }
    return x;
  }

  /** Rank of a set of integer vectors (exact). */
  static int rank(int[][] rows) {
    if (rows.length == 0) {
      return 0;
    }
    int n = rows[0].length;
    BigFraction[][] a = new BigFraction[rows.length][n];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] = BigFraction.of(rows[i][j]);
      }
    }
    int r = 0;
    for (int col = 0; col < n && r < a.length; col++) {
      int p = -1;
      for (int i = r; i < a.length; i++) {
        if (a[i][col].signum() != 0) {
          p = i;
          break;
        }
      }
      if (p < 0) {
        continue;
      }
      BigFraction[] tmp = a[p];
      a[p] = a[r];
      a[r] = tmp;
      for (int i = r + 1; i < a.length; i++) {
        if (a[i][col].signum() != 0) {
          BigFraction f = a[i][col].divide(a[r][col]);
          for (int j = col; j < n; j++) {
            a[i][j] = a[i][j].subtract(f.multiply(a[r][j]));
          }
        }
      }
      r++;
    }
    return r;
  }
}
