package xcert.explainers.gaussian;

/**
 * Small dense linear algebra in float64 for the Gaussian experiments: Cholesky factorisation and
 * solves for symmetric positive definite systems, and least squares by Householder QR.
 */
public final class DenseAlgebra {

  private DenseAlgebra() {}

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
}
