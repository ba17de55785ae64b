package xcert.explainers.rde;

import xcert.explainers.adf.AdfPropagation;
import xcert.explainers.adf.CovarianceKind;
import xcert.explainers.adf.GaussianRelu;
import xcert.explainers.adf.Moments;
import xcert.solvers.model.ReluNetwork;

/**
 * D(s) of seed 003 Eq. (3) with assumed density filtering on a factor of the covariance (Section
 * 4.3: input factor diag(1 − s)Q with QQᵀ ≈ V[n], affine Q ← WQ, ReLU Q ← NQ with N = diag F(η)
 * (Eq. (6)), the output variance ‖Q_L‖²), and its gradient by a hand-written backward pass. Through
 * a ReLU with pre-activation factor Q̃ (row norms² ṽ) and adjoint G of the post-activation factor:
 * a_j = Σ_k G_jk Q̃_jk = ∂D/∂F_j, then g_μ̃ = g_m ∂E/∂μ + a ∂F/∂μ, g_ṽ = g_m ∂E/∂v + a ∂F/∂v and
 * G̃ = N G + 2 diag(g_ṽ) Q̃; at the input ∂D/∂s_i = g_μ,i (x_i − E n_i) − Σ_k G_ik Q_ik.
 */
public final class LowRankAdfDistortion extends AdfDistortion {

  private final double[][] q;

  /**
   * @param score a ReLU network's score
   * @param rank r, 1 ≤ r ≤ d, of the factor of V[n]
   */
  public LowRankAdfDistortion(ReluNetwork score, double[] x, ReferenceMoments ref, int rank) {
    super(score, x, ref);
    this.q = ref.factor(rank);
  }

  @Override
  public String describe() {
    return DistortionMode.LOW_RANK.description() + " (r = " + q[0].length + ")";
  }

  @Override
  Moments inputMoments(double[] s) {
    return ObfuscationMoments.of(x, s, ref, q, CovarianceKind.LOW_RANK);
  }

  @Override
  void backward(AdfPropagation.Trace t, double r, double[] s, double[] gradient) {
    int rank = q[0].length;
    double[] gm = {-r};
    double[][] gq = t.output().factor();
    for (int l = net.layerCount() - 1; l >= 0; l--) {
      int in = l == 0 ? net.dimension() : net.width(l - 1);
      double[] gmIn = new double[in];
      double[][] gqIn = new double[in][rank];
      for (int j = 0; j < net.width(l); j++) {
        for (int i = 0; i < in; i++) {
          double w = net.weight(l, j, i);
          if (w == 0) {
            continue;
          }
          gmIn[i] += w * gm[j];
          for (int k = 0; k < rank; k++) {
            gqIn[i][k] += w * gq[j][k];
          }
        }
      }
      if (l == 0) {
        double[] m = ref.mean();
        for (int i = 0; i < in; i++) {
          double dq = 0;
          for (int k = 0; k < rank; k++) {
            dq += gqIn[i][k] * q[i][k];
          }
          gradient[i] = gmIn[i] * (x[i] - m[i]) - dq;
        }
        break;
      }
      Moments z = t.pre().get(l - 1);
      double[][] qz = z.factor();
      gm = new double[in];
      gq = new double[in][rank];
      for (int j = 0; j < in; j++) {
        GaussianRelu g = GaussianRelu.of(z.mean(j), z.variance(j));
        double a = 0;
        for (int k = 0; k < rank; k++) {
          a += gqIn[j][k] * qz[j][k];
        }
        gm[j] = gmIn[j] * g.meanByMu() + a * g.gainByMu();
        double gvj = gmIn[j] * g.meanByVar() + a * g.gainByVar();
        for (int k = 0; k < rank; k++) {
          gq[j][k] = g.gain() * gqIn[j][k] + 2 * gvj * qz[j][k];
        }
      }
    }
  }
}
