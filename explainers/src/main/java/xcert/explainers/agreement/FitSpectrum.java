package xcert.explainers.agreement;

import org.ojalgo.matrix.decomposition.Eigenvalue;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;
import xcert.explainers.backend.LfaSums;
import xcert.explainers.lfa.ModelClass;

/**
 * The extreme eigenvalues of a squared-error fit's normal equations: S = Σ π a aᵀ from
 * {@link LfaSums#gram}, and A = S plus the ridge term on the features (never the intercept), A = S
 * for plain, lasso and efficiency-constrained fits. Eigenvalues by ojAlgo's symmetric
 * eigendecomposition in float64.
 *
 * @param lambdaMinA λ_min(A)
 * @param lambdaMaxA λ_max(A)
 * @param lambdaMaxS λ_max(S)
 * @param weightSum Σ π
 * @param columns p, the number of columns of the regression
 */
record FitSpectrum(double lambdaMinA, double lambdaMaxA, double lambdaMaxS, double weightSum,
    int columns) {

  /** κ(A) = λ_max(A)/λ_min(A). */
  double conditionA() {
    return lambdaMaxA / lambdaMinA;
  }

  /**
   * @throws IllegalArgumentException when the sums are those of gradient matching (no Gram matrix)
   */
  static FitSpectrum of(LfaSums sums, ModelClass g) {
    double[] s = sums.gram();
    int p = (int) Math.round(Math.sqrt(s.length));
    if (p == 0 || p * p != s.length) {
      throw new IllegalArgumentException("no p × p Gram matrix in the sums (" + s.length
          + " entries)");
    }
    double ridge = switch (g.penalty()) {
      case RIDGE -> g.scale() == ModelClass.Scale.MEAN ? g.lambda() * sums.weightSum() : g.lambda();
      case NONE, LASSO -> 0;
    };
    int features = p - (g.intercept() ? 1 : 0);
    double[] a = s.clone();
    for (int i = 0; i < features; i++) {
      a[i * p + i] += ridge;
    }
    double[] eigS = eigenvalues(s, p);
    double[] eigA = ridge == 0 ? eigS : eigenvalues(a, p);
    return new FitSpectrum(eigA[0], eigA[1], eigS[1], sums.weightSum(), p);
  }

  /** {smallest, largest} eigenvalue of the symmetric p × p row-major matrix m. */
  private static double[] eigenvalues(double[] m, int p) {
    double[][] rows = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        rows[i][j] = 0.5 * (m[i * p + j] + m[j * p + i]);
      }
    }
    Eigenvalue<Double> eig = Eigenvalue.R064.make(p, true);
    if (!eig.decompose(R064Store.FACTORY.rows(rows))) {
      throw new IllegalStateException("the eigendecomposition of the normal equations failed");
    }
    MatrixStore<Double> dd = eig.getD();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < p; k++) {
      double v = dd.doubleValue(k, k);
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return new double[] {min, max};
  }
}
