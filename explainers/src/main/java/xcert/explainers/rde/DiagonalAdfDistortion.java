package xcert.explainers.rde;

import xcert.explainers.adf.AdfPropagation;
import xcert.explainers.adf.CovarianceKind;
import xcert.explainers.adf.GaussianRelu;
import xcert.explainers.adf.Moments;
import xcert.solvers.model.ReluNetwork;

/**
 * D(s) of seed 003 Eq. (3) with the output moments from assumed density filtering with diagonal
 * covariances (Section 4.3: Vdiag[Wz + b] = (W ⊙ W)σ², the ReLU rule [8, Eq. 10]), and its gradient
 * by a hand-written backward pass through the same layers: at the output ∂D/∂μ = −(Φ(x) − μ),
 * ∂D/∂v = ½; through an affine layer g_μ ← Wᵀ g_μ, g_v ← (W ⊙ W)ᵀ g_v; through a ReLU the partials
 * of {@link GaussianRelu}; at the input ∂μ_i/∂s_i = x_i − E n_i, ∂v_i/∂s_i = −2(1 − s_i) V[n]_ii.
 */
public final class DiagonalAdfDistortion extends AdfDistortion {

  /** @param score a ReLU network's score (the threshold of a classifier is ignored) */
  public DiagonalAdfDistortion(ReluNetwork score, double[] x, ReferenceMoments ref) {
    super(score, x, ref);
  }

  @Override
  public String describe() {
    return DistortionMode.DIAGONAL.description();
  }

  @Override
  Moments inputMoments(double[] s) {
    return ObfuscationMoments.of(x, s, ref, null, CovarianceKind.DIAGONAL);
  }

  @Override
  void backward(AdfPropagation.Trace t, double r, double[] s, double[] gradient) {
    double[] gm = {-r};
    double[] gv = {0.5};
    for (int l = net.layerCount() - 1; l >= 0; l--) {
      int in = l == 0 ? net.dimension() : net.width(l - 1);
      double[] gmIn = new double[in];
      double[] gvIn = new double[in];
      for (int j = 0; j < net.width(l); j++) {
        for (int i = 0; i < in; i++) {
          double w = net.weight(l, j, i);
          gmIn[i] += w * gm[j];
          gvIn[i] += w * w * gv[j];
        }
      }
      if (l == 0) {
        double[] m = ref.mean();
        double[] c = ref.variances();
        for (int i = 0; i < in; i++) {
          gradient[i] = gmIn[i] * (x[i] - m[i]) - gvIn[i] * 2 * (1 - s[i]) * c[i];
        }
        break;
      }
      Moments z = t.pre().get(l - 1);
      gm = new double[in];
      gv = new double[in];
      for (int j = 0; j < in; j++) {
        GaussianRelu g = GaussianRelu.of(z.mean(j), z.variance(j));
        gm[j] = gmIn[j] * g.meanByMu() + gvIn[j] * g.varByMu();
        gv[j] = gmIn[j] * g.meanByVar() + gvIn[j] * g.varByVar();
      }
    }
  }
}
