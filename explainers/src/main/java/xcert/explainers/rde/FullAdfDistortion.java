package xcert.explainers.rde;

import xcert.explainers.adf.AdfPropagation;
import xcert.explainers.adf.CovarianceKind;
import xcert.explainers.adf.GaussianRelu;
import xcert.explainers.adf.Moments;
import xcert.solvers.model.ReluNetwork;

/**
 * D(s) of seed 003 Eq. (3) with assumed density filtering on full covariance matrices (Section 4.3:
 * Eq. (5) Σ ← WΣWᵀ, Eq. (6) Σ ← NΣN), and its gradient by a hand-written backward pass on the
 * (symmetric) adjoint G of Σ: output G = ½; affine G ← WᵀGW; ReLU with pre-activation Σ̃ and
 * b_j = ∂D/∂F_j = 2 Σ_k G_jk Σ̃_jk F_k, g_μ̃ = g_m ∂E/∂μ + b ∂F/∂μ, g_ṽ = g_m ∂E/∂v + b ∂F/∂v,
 * G̃ = (FFᵀ) ⊙ G + diag(g_ṽ); input ∂D/∂s_i = g_μ,i (x_i − E n_i) − 2 Σ_j G_ij V[n]_ij (1 − s_j).
 */
public final class FullAdfDistortion extends AdfDistortion {

  /** @param score a ReLU network's score */
  public FullAdfDistortion(ReluNetwork score, double[] x, ReferenceMoments ref) {
    super(score, x, ref);
  }

  @Override
  public String describe() {
    return DistortionMode.FULL.description();
  }

  @Override
  Moments inputMoments(double[] s) {
    return ObfuscationMoments.of(x, s, ref, null, CovarianceKind.FULL);
  }

  @Override
  void backward(AdfPropagation.Trace t, double r, double[] s, double[] gradient) {
    double[] gm = {-r};
    double[][] gs = {{0.5}};
    for (int l = net.layerCount() - 1; l >= 0; l--) {
      int n = net.width(l);
      int in = l == 0 ? net.dimension() : net.width(l - 1);
      double[][] w = new double[n][in];
      for (int j = 0; j < n; j++) {
        for (int i = 0; i < in; i++) {
          w[j][i] = net.weight(l, j, i);
        }
      }
      double[] gmIn = new double[in];
      for (int j = 0; j < n; j++) {
        for (int i = 0; i < in; i++) {
          gmIn[i] += w[j][i] * gm[j];
        }
      }
      double[][] gsIn = sandwich(w, gs);
      if (l == 0) {
        double[] m = ref.mean();
        double[][] c = ref.covariance();
        for (int i = 0; i < in; i++) {
          double dc = 0;
          for (int j = 0; j < in; j++) {
            dc += gsIn[i][j] * c[i][j] * (1 - s[j]);
          }
          gradient[i] = gmIn[i] * (x[i] - m[i]) - 2 * dc;
        }
        break;
      }
      Moments z = t.pre().get(l - 1);
      double[][] sz = z.covariance();
      GaussianRelu[] g = new GaussianRelu[in];
      for (int j = 0; j < in; j++) {
        g[j] = GaussianRelu.of(z.mean(j), z.variance(j));
      }
      gm = new double[in];
      gs = new double[in][in];
      for (int j = 0; j < in; j++) {
        double b = 0;
        for (int k = 0; k < in; k++) {
          b += gsIn[j][k] * sz[j][k] * g[k].gain();
          gs[j][k] = g[j].gain() * g[k].gain() * gsIn[j][k];
        }
        b *= 2;
        gm[j] = gmIn[j] * g[j].meanByMu() + b * g[j].gainByMu();
        gs[j][j] += gmIn[j] * g[j].meanByVar() + b * g[j].gainByVar();
      }
    }
  }

  /** WᵀGW for W n × m, G n × n. */
  private static double[][] sandwich(double[][] w, double[][] g) {
    int n = w.length;
    int m = w[0].length;
    double[][] gw = new double[n][m];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        double gab = g[a][b];
        if (gab == 0) {
          continue;
        }
        for (int j = 0; j < m; j++) {
          gw[a][j] += gab * w[b][j];
        }
      }
    }
    double[][] out = new double[m][m];
    for (int a = 0; a < n; a++) {
      for (int i = 0; i < m; i++) {
        double wai = w[a][i];
        if (wai == 0) {
          continue;
        }
        for (int j = 0; j < m; j++) {
          out[i][j] += wai * gw[a][j];
        }
      }
    }
    return out;
  }
}
