package xcert.explainers.adf;

import xcert.solvers.model.ReluNetwork;

/**
 * The affine rule of assumed density filtering, seed 003 Eq. (5): for z ~ N(μ, Σ), E[Wz + b] = Wμ + b
 * and V[Wz + b] = WΣWᵀ, exact for any distribution with these moments. Per representation: full,
 * WΣWᵀ; low rank, the factor WQ (so that (WQ)(WQ)ᵀ = WΣWᵀ); diagonal, the paper's simplification
 * Vdiag[Wz + b] = (W ⊙ W) diag Σ, which is exact only when Σ is diagonal (uncorrelated inputs).
 */
public final class AffineRule {

  private AffineRule() {}

  /** The moments after layer l's affine map (before its ReLU). */
  public static Moments apply(ReluNetwork net, int l, Moments in) {
    int n = net.width(l);
    int m = in.dimension();
    double[][] w = new double[n][m];
    double[] mean = new double[n];
    double[] mu = in.mean();
    for (int j = 0; j < n; j++) {
      double s = net.bias(l, j);
      for (int i = 0; i < m; i++) {
        w[j][i] = net.weight(l, j, i);
        s += w[j][i] * mu[i];
      }
      mean[j] = s;
    }
    return switch (in.kind()) {
      case DIAGONAL -> {
        double[] v = in.variances();
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
          for (int i = 0; i < m; i++) {
            out[j] += w[j][i] * w[j][i] * v[i];
          }
        }
        yield Moments.diagonal(mean, out);
      }
      case LOW_RANK -> Moments.lowRank(mean, multiply(w, in.factor()));
      case FULL -> {
        double[][] ws = multiply(w, in.covariance());
        double[][] out = new double[n][n];
        for (int j = 0; j < n; j++) {
          for (int k = 0; k <= j; k++) {
            double s = 0;
            for (int i = 0; i < m; i++) {
              s += ws[j][i] * w[k][i];
            }
            out[j][k] = s;
            out[k][j] = s;
          }
        }
        yield Moments.full(mean, out);
      }
    };
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    int cols = b.length == 0 ? 0 : b[0].length;
    double[][] c = new double[a.length][cols];
    for (int j = 0; j < a.length; j++) {
      for (int i = 0; i < b.length; i++) {
        double aji = a[j][i];
        if (aji == 0) {
          continue;
        }
        for (int k = 0; k < cols; k++) {
          c[j][k] += aji * b[i][k];
        }
      }
    }
    return c;
  }
}
