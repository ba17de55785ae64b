package xcert.explainers.oracle.bounds;

import org.ojalgo.matrix.decomposition.Eigenvalue;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;

/**
 * The least eigenvalue of a small symmetric matrix, by ojAlgo's symmetric eigendecomposition in
 * float64, lowered so that roundoff never makes it larger than the true value.
 */
final class SymmetricEigen {

  private SymmetricEigen() {}

  /**
   * λ_min of the symmetric matrix {@code a} (only read; symmetrised as (a + aᵀ)/2), lowered by
   * 10^-12 of its Frobenius norm, far above the backward error of a symmetric eigensolver at the
   * sizes used here (d ≤ 21).
   */
  static double lowerMinEigenvalue(double[][] a) {
    int n = a.length;
    double[][] m = new double[n][n];
    double frob = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[i][j] = 0.5 * (a[i][j] + a[j][i]);
        frob += a[i][j] * a[i][j];
      }
    }
    Eigenvalue<Double> eig = Eigenvalue.R064.make(n, true);
    if (!eig.decompose(R064Store.FACTORY.rows(m))) {
      throw new IllegalStateException("the symmetric eigendecomposition failed");
    }
    MatrixStore<Double> d = eig.getD();
    double min = Double.POSITIVE_INFINITY;
    for (int k = 0; k < n; k++) {
      min = Math.min(min, d.doubleValue(k, k));
    }
    return min - 1e-12 * Math.sqrt(frob);
  }
}
