package xcert.explainers.adf;

import java.util.Arrays;

/**
 * The first two moments of the activations of one layer, the Gaussian N(μ, Σ) that assumed density
 * filtering (seed 003 Section 4.3) assumes there: the mean μ and the covariance Σ in one of three
 * representations ({@link CovarianceKind}). Immutable; accessors return copies.
 */
public final class Moments {

  private final CovarianceKind kind;
  private final double[] mean;
  private final double[] variances;
  private final double[][] matrix;

  private Moments(CovarianceKind kind, double[] mean, double[] variances, double[][] matrix) {
    this.kind = kind;
    this.mean = mean;
    this.variances = variances;
    this.matrix = matrix;
  }

  /** Mean μ and variances diag Σ (each ≥ 0). */
  public static Moments diagonal(double[] mean, double[] variances) {
    check(mean.length == variances.length, mean.length + " means for " + variances.length
        + " variances");
    for (int i = 0; i < variances.length; i++) {
      check(variances[i] >= 0, "variance " + (i + 1) + " is " + variances[i] + ", must be ≥ 0");
    }
    return new Moments(CovarianceKind.DIAGONAL, mean.clone(), variances.clone(), null);
  }

  /** Mean μ and the full covariance Σ (d × d; symmetry is the caller's). */
  public static Moments full(double[] mean, double[][] covariance) {
    check(covariance.length == mean.length, "a " + covariance.length + "-row covariance for "
        + mean.length + " means");
    double[][] c = copy(covariance);
    double[] v = new double[mean.length];
    for (int i = 0; i < c.length; i++) {
      check(c[i].length == mean.length, "covariance row " + (i + 1) + " has " + c[i].length
          + " entries, expected " + mean.length);
      v[i] = c[i][i];
    }
    return new Moments(CovarianceKind.FULL, mean.clone(), v, c);
  }

  /** Mean μ and a factor Q (d × r) with Σ = QQᵀ. */
  public static Moments lowRank(double[] mean, double[][] factor) {
    check(factor.length == mean.length, "a " + factor.length + "-row factor for " + mean.length
        + " means");
    double[][] q = copy(factor);
    int r = q.length == 0 ? 0 : q[0].length;
    double[] v = new double[mean.length];
    for (int i = 0; i < q.length; i++) {
      check(q[i].length == r, "factor row " + (i + 1) + " has " + q[i].length + " entries, expected "
          + r);
      for (double x : q[i]) {
        v[i] += x * x;
      }
    }
    return new Moments(CovarianceKind.LOW_RANK, mean.clone(), v, q);
  }

  public CovarianceKind kind() {
    return kind;
  }

  public int dimension() {
    return mean.length;
  }

  public double[] mean() {
    return mean.clone();
  }

  public double mean(int i) {
    return mean[i];
  }

  /** The diagonal of Σ (for a factor, the squared row norms of Q). */
  public double[] variances() {
    return variances.clone();
  }

  public double variance(int i) {
    return variances[i];
  }

  /** Σ as a d × d matrix (off the diagonal zero for {@link CovarianceKind#DIAGONAL}). */
  public double[][] covariance() {
    int d = mean.length;
    return switch (kind) {
      case FULL -> copy(matrix);
      case DIAGONAL -> {
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
          c[i][i] = variances[i];
        }
        yield c;
      }
      case LOW_RANK -> {
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
          for (int j = 0; j < d; j++) {
            double s = 0;
            for (int k = 0; k < matrix[i].length; k++) {
              s += matrix[i][k] * matrix[j][k];
            }
            c[i][j] = s;
          }
        }
        yield c;
      }
    };
  }

  /** The factor Q of a {@link CovarianceKind#LOW_RANK} covariance. */
  public double[][] factor() {
    check(kind == CovarianceKind.LOW_RANK, "a " + kind + " covariance has no factor");
    return copy(matrix);
  }

  /** The number of columns r of the factor Q ({@link CovarianceKind#LOW_RANK} only). */
  public int rank() {
    check(kind == CovarianceKind.LOW_RANK, "a " + kind + " covariance has no factor");
    return matrix.length == 0 ? 0 : matrix[0].length;
  }

  static double[][] copy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  @Override
  public String toString() {
    return kind + " moments, mean " + Arrays.toString(mean) + ", variances "
        + Arrays.toString(variances);
  }
}
