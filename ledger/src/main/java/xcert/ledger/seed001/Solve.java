package xcert.ledger.seed001;

/** Dense Gaussian elimination with partial pivoting (double), for the small sampled systems. */
final class Solve {

  private Solve() {}

  static double[] gauss(double[] a, double[] b, int d) {
    a = a.clone();
    b = b.clone();
    for (int col = 0; col < d; col++) {
      int piv = col;
      for (int r = col + 1; r < d; r++) {
        if (Math.abs(a[r * d + col]) > Math.abs(a[piv * d + col])) {
          piv = r;
        }
      }
      for (int j = 0; j < d; j++) {
        double t = a[col * d + j];
        a[col * d + j] = a[piv * d + j];
        a[piv * d + j] = t;
      }
      double t = b[col];
      b[col] = b[piv];
      b[piv] = t;
      for (int r = col + 1; r < d; r++) {
        double f = a[r * d + col] / a[col * d + col];
        for (int j = col; j < d; j++) {
          a[r * d + j] -= f * a[col * d + j];
        }
        b[r] -= f * b[col];
      }
    }
    double[] x = new double[d];
    for (int r = d - 1; r >= 0; r--) {
      double s = b[r];
      for (int j = r + 1; j < d; j++) {
        s -= a[r * d + j] * x[j];
      }
      x[r] = s / a[r * d + r];
    }
    return x;
  }
}
