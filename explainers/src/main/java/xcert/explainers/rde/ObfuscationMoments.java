package xcert.explainers.rde;

import xcert.explainers.adf.CovarianceKind;
import xcert.explainers.adf.Moments;

/**
 * The input moments of RDE, seed 003 Section 4.2: for y = x ⊙ s + n ⊙ (1 − s), n ~ V,
 * E[y] = x ⊙ s + E[n] ⊙ (1 − s) and V[y] = diag(1 − s) V[n] diag(1 − s), in the representation that
 * the ADF mode propagates: the variances (1 − s)² ⊙ diag V[n], the full matrix, or the factor
 * diag(1 − s) Q of V[n] ≈ QQᵀ.
 */
public final class ObfuscationMoments {

  private ObfuscationMoments() {}

  /**
   * @param factor Q (d × r) for {@link CovarianceKind#LOW_RANK}, else ignored
   */
  public static Moments of(double[] x, double[] s, ReferenceMoments ref, double[][] factor,
      CovarianceKind kind) {
    int d = x.length;
    double[] m = ref.mean();
    double[] mean = new double[d];
    for (int i = 0; i < d; i++) {
      mean[i] = x[i] * s[i] + m[i] * (1 - s[i]);
    }
    return switch (kind) {
      case DIAGONAL -> {
        double[] v = ref.variances();
        for (int i = 0; i < d; i++) {
          v[i] *= (1 - s[i]) * (1 - s[i]);
        }
        yield Moments.diagonal(mean, v);
      }
      case FULL -> {
        double[][] c = ref.covariance();
        for (int i = 0; i < d; i++) {
          for (int j = 0; j < d; j++) {
            c[i][j] *= (1 - s[i]) * (1 - s[j]);
          }
        }
        yield Moments.full(mean, c);
      }
      case LOW_RANK -> {
        double[][] q = new double[d][];
        for (int i = 0; i < d; i++) {
          q[i] = factor[i].clone();
          for (int k = 0; k < q[i].length; k++) {
            q[i][k] *= 1 - s[i];
          }
        }
        yield Moments.lowRank(mean, q);
      }
    };
  }
}
