package xcert.solvers.linalg;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Dense linear systems in floating point: the one floating solver of xcert. Square systems are solved
 * by Gaussian elimination with partial pivoting, in float64 ({@link #solve(double[], double[],
 * double)}: the normal equations of every sampled explainer's fit, seed 000 Definition 1 and seed 001
 * Eq. 2–3, and of the statistical checks) or in BigDecimal at a chosen precision ({@link
 * #solve(BigDecimal[][], BigDecimal[], MathContext)}: the exact limits of LIME and GLIME, whose
 * kernel weights are rounded values of exp). Symmetric positive (semi-)definite matrices are factored
 * by Cholesky ({@link #cholesky}, {@link #psdSquareRoot}: the Gaussian conditionals of seed 004
 * Section 6.1.1 and the covariance factors of seed 003's ADF), and least squares by Householder QR.
 *
 * <p>Where a check must not share code with what it checks, it keeps its own solver and says so;
 * everything else solves here.
 */
public final class FloatLinearSolver {

  private FloatLinearSolver() {}

  /**
   * A system whose pivot fell to zero, or below the stated tolerance, during elimination.
   */
  public static final class SingularSystemException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    private final int column;
    private final int size;

    SingularSystemException(int column, int size) {
      super("singular system (column " + column + " of " + size + ")");
      this.column = column;
      this.size = size;
    }

    /** The 1-based column whose pivot vanished. */
    public int column() {
      return column;
    }

    /** The number of unknowns. */
    public int size() {
      return size;
    }
  }

  /**
   * Solves the p×p system A x = b (A row-major, length p²) by Gaussian elimination with partial
   * pivoting. A pivot whose magnitude is not above {@code relativeTolerance} times the largest
   * |A_ii| of the input counts as zero.
   *
   * @throws SingularSystemException when a pivot counts as zero
   */
  public static double[] solve(double[] matrix, double[] rhs, double relativeTolerance) {
    int p = rhs.length;
    if (matrix.length != p * p) {
      throw new IllegalArgumentException("a " + p + "×" + p + " system needs " + p * p
          + " entries, got " + matrix.length);
    }
    double[] a = matrix.clone();
    double[] b = rhs.clone();
    double scale = 0;
    for (int i = 0; i < p; i++) {
      scale = Math.max(scale, Math.abs(a[i * p + i]));
    }
    for (int c = 0; c < p; c++) {
      int piv = c;
      for (int r = c + 1; r < p; r++) {
        if (Math.abs(a[r * p + c]) > Math.abs(a[piv * p + c])) {
          piv = r;
        }
      }
      if (!(Math.abs(a[piv * p + c]) > relativeTolerance * scale)) {
        throw new SingularSystemException(c + 1, p);
      }
      if (piv != c) {
        for (int k = 0; k < p; k++) {
          double tmp = a[c * p + k];
          a[c * p + k] = a[piv * p + k];
          a[piv * p + k] = tmp;
        }
        double tmp = b[c];
        b[c] = b[piv];
        b[piv] = tmp;
      }
      for (int r = c + 1; r < p; r++) {
        double m = a[r * p + c] / a[c * p + c];
        if (m == 0) {
          continue;
        }
        for (int k = c; k < p; k++) {
          a[r * p + k] -= m * a[c * p + k];
        }
        b[r] -= m * b[c];
      }
    }
    double[] x = new double[p];
    for (int r = p - 1; r >= 0; r--) {
      double v = b[r];
      for (int k = r + 1; k < p; k++) {
        v -= a[r * p + k] * x[k];
      }
      x[r] = v / a[r * p + r];
    }
    return x;
  }

  /**
   * Solves A x = b in BigDecimal arithmetic at the precision of {@code mc}, by the same elimination
   * with partial pivoting.
   *
   * @throws SingularSystemException when a pivot is exactly zero at this precision
   */
  public static BigDecimal[] solve(BigDecimal[][] a, BigDecimal[] b, MathContext mc) {
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
        throw new SingularSystemException(c + 1, n);
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

  /**
   * The lower-triangular L with L Lᵀ = a.
   *
   * @throws ArithmeticException when a is not (numerically) positive definite
   */
  public static double[][] cholesky(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(s > 0)) {
            throw new ArithmeticException("matrix is not positive definite (pivot " + (i + 1)
                + " = " + s + ")");
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    return l;
  }

  /** x with L Lᵀ x = b, for the factor of {@link #cholesky}. */
  public static double[] choleskySolve(double[][] l, double[] b) {
    int n = b.length;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * y[k];
      }
      y[i] = s / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k][i] * x[k];
      }
      x[i] = s / l[i][i];
    }
    return x;
  }

  /**
   * argmin_β ‖Xβ − y‖² for X with n ≥ p rows of full column rank, by Householder QR (better
   * conditioned than the normal equations when columns have large means).
   */
  public static double[] leastSquares(double[][] x, double[] y) {
    int n = x.length;
    int p = x[0].length;
    if (n < p) {
      throw new IllegalArgumentException("least squares needs n ≥ p, got n = " + n + ", p = " + p);
    }
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = x[i].clone();
    }
    double[] b = y.clone();
    for (int k = 0; k < p; k++) {
      double norm = 0;
      for (int i = k; i < n; i++) {
        norm += a[i][k] * a[i][k];
      }
      norm = Math.sqrt(norm);
      if (norm == 0) {
        throw new ArithmeticException("column " + (k + 1) + " is zero");
      }
      double alpha = a[k][k] > 0 ? -norm : norm;
      double[] v = new double[n];
      for (int i = k; i < n; i++) {
        v[i] = a[i][k];
      }
      v[k] -= alpha;
      double vv = 0;
      for (int i = k; i < n; i++) {
        vv += v[i] * v[i];
      }
      if (vv == 0) {
        continue;
      }
      for (int j = k; j < p; j++) {
        double dot = 0;
        for (int i = k; i < n; i++) {
          dot += v[i] * a[i][j];
        }
        double f = 2 * dot / vv;
        for (int i = k; i < n; i++) {
          a[i][j] -= f * v[i];
        }
      }
      double dot = 0;
      for (int i = k; i < n; i++) {
        dot += v[i] * b[i];
      }
      double f = 2 * dot / vv;
      for (int i = k; i < n; i++) {
        b[i] -= f * v[i];
      }
    }
    double[] beta = new double[p];
    for (int i = p - 1; i >= 0; i--) {
      double s = b[i];
      for (int j = i + 1; j < p; j++) {
        s -= a[i][j] * beta[j];
      }
      beta[i] = s / a[i][i];
    }
    return beta;
  }

  /**
   * A factor Q with QQᵀ = C for a positive semi-definite C: the Cholesky factor, where a pivot that
   * is not positive gives a zero column instead of an error.
   */
  public static double[][] psdSquareRoot(double[][] c) {
    int d = c.length;
    double[][] q = new double[d][d];
    for (int j = 0; j < d; j++) {
      double sum = c[j][j];
      for (int k = 0; k < j; k++) {
        sum -= q[j][k] * q[j][k];
      }
      double pivot = sum > 0 ? Math.sqrt(sum) : 0;
      q[j][j] = pivot;
      for (int i = j + 1; i < d; i++) {
        double t = c[i][j];
        for (int k = 0; k < j; k++) {
          t -= q[i][k] * q[j][k];
        }
        q[i][j] = pivot > 0 ? t / pivot : 0;
      }
    }
    return q;
  }
}
