package xcert.explainers.rde;

import org.ojalgo.matrix.decomposition.Eigenvalue;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;
import xcert.explainers.relax.ReferenceSampler;

/**
 * The first two moments of the reference distribution V of RDE (seed 003 Sections 4.2 and 5): the
 * mean E[n], the covariance Cov[n], and a low-rank factor Q (d × r) with QQᵀ ≈ Cov[n], "half of a
 * truncated singular value decomposition": Q = U_r Λ_r^{1/2} from the symmetric eigendecomposition
 * Cov[n] = U Λ Uᵀ (ojAlgo), keeping the r largest eigenvalues (negative ones, rounding, as 0). For
 * r = d, QQᵀ = Cov[n] up to rounding. Immutable.
 */
public final class ReferenceMoments {

  private final double[] mean;
  private final double[][] covariance;

  private ReferenceMoments(double[] mean, double[][] covariance) {
    this.mean = mean;
    this.covariance = covariance;
  }

  /** The exact moments of a sampler's distribution (product or empirical). */
  public static ReferenceMoments of(ReferenceSampler sampler) {
    return new ReferenceMoments(sampler.mean(), sampler.covariance());
  }

  /** The empirical mean and (population) covariance of data rows. */
  public static ReferenceMoments ofRows(double[][] rows) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("no rows");
    }
    int d = rows[0].length;
    double[] m = new double[d];
    for (double[] r : rows) {
      for (int i = 0; i < d; i++) {
        m[i] += r[i];
      }
    }
    for (int i = 0; i < d; i++) {
      m[i] /= rows.length;
    }
    double[][] c = new double[d][d];
    for (double[] r : rows) {
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          c[i][j] += (r[i] - m[i]) * (r[j] - m[j]);
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        c[i][j] /= rows.length;
      }
    }
    return new ReferenceMoments(m, c);
  }

  /** From given moments (copied). */
  public static ReferenceMoments of(double[] mean, double[][] covariance) {
    double[][] c = new double[covariance.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = covariance[i].clone();
    }
    return new ReferenceMoments(mean.clone(), c);
  }

  public int dimension() {
    return mean.length;
  }

  public double[] mean() {
    return mean.clone();
  }

  public double[][] covariance() {
    double[][] c = new double[covariance.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = covariance[i].clone();
    }
    return c;
  }

  /** The variances, diag Cov[n]. */
  public double[] variances() {
    double[] v = new double[mean.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = covariance[i][i];
    }
    return v;
  }

  /**
   * Q = U_r Λ_r^{1/2}, d × r, eigenvalues in decreasing order.
   *
   * @throws IllegalArgumentException unless 1 ≤ r ≤ d
   */
  public double[][] factor(int r) {
    int d = mean.length;
    if (r < 1 || r > d) {
      throw new IllegalArgumentException("rank is " + r + ", expected 1 ≤ r ≤ d = " + d);
    }
    Eigenvalue<Double> eig = Eigenvalue.R064.make(d, true);
    if (!eig.decompose(R064Store.FACTORY.rows(covariance))) {
      throw new IllegalStateException("the eigendecomposition of the covariance failed");
    }
    MatrixStore<Double> u = eig.getV();
    double[] lambda = new double[d];
    Integer[] order = new Integer[d];
    MatrixStore<Double> dd = eig.getD();
    for (int k = 0; k < d; k++) {
      lambda[k] = dd.doubleValue(k, k);
      order[k] = k;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(lambda[b], lambda[a]));
    double[][] q = new double[d][r];
    for (int c = 0; c < r; c++) {
      int k = order[c];
      double root = Math.sqrt(Math.max(0, lambda[k]));
      for (int i = 0; i < d; i++) {
        q[i][c] = u.doubleValue(i, k) * root;
      }
    }
    return q;
  }
}
