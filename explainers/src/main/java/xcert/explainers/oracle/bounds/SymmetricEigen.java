package xcert.explainers.oracle.bounds;

/**
 * The least eigenvalue of a small symmetric matrix by cyclic Jacobi rotations (Golub and Van Loan,
 * Matrix Computations, Section 8.5), accurate to a few units of roundoff times its Frobenius norm.
 */
final class SymmetricEigen {

  private SymmetricEigen() {}

  /**
   * λ_min of the symmetric matrix {@code a} (only read), lowered by 10^-12 of its Frobenius norm so
   * that roundoff never makes it larger than the true value.
   */
  static double lowerMinEigenvalue(double[][] a) {
    int n = a.length;
    double[][] m = new double[n][];
    double frob = 0;
    for (int i = 0; i < n; i++) {
      m[i] = a[i].clone();
      for (int j = 0; j < n; j++) {
        frob += a[i][j] * a[i][j];
      }
    }
    frob = Math.sqrt(frob);
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0;
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          off += m[p][q] * m[p][q];
        }
      }
      if (off <= 1e-32 * frob * frob) {
        break;
      }
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          if (m[p][q] == 0) {
            continue;
          }
          double theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double c = 1 / Math.sqrt(t * t + 1);
          double s = t * c;
          for (int k = 0; k < n; k++) {
            double kp = m[k][p];
            double kq = m[k][q];
            m[k][p] = c * kp - s * kq;
            m[k][q] = s * kp + c * kq;
          }
          for (int k = 0; k < n; k++) {
            double pk = m[p][k];
            double qk = m[q][k];
            m[p][k] = c * pk - s * qk;
            m[q][k] = s * pk + c * qk;
          }
        }
      }
    }
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      min = Math.min(min, m[i][i]);
    }
    return min - 1e-12 * frob;
  }
}
