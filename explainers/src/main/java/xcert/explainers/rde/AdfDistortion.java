package xcert.explainers.rde;

import xcert.explainers.adf.AdfPropagation;
import xcert.explainers.adf.Moments;
import xcert.solvers.model.ReluNetwork;

/**
 * What the three ADF distortions of seed 003 Section 4.3 share: the network's score, the point x,
 * Φ(x), the moments of V, and D(s) = ½(Φ(x) − μ)² + ½v of Eq. (3) from the output moments (μ, v).
 * Each subclass gives the moments of y = x ⊙ s + n ⊙ (1 − s) (Eq. (2)) in its covariance
 * representation and differentiates D(s) backwards through the propagated layers.
 */
abstract class AdfDistortion implements Distortion {

  final ReluNetwork net;
  final double[] x;
  final double fx;
  final ReferenceMoments ref;

  /** @param score a ReLU network's score (the threshold of a classifier is ignored) */
  AdfDistortion(ReluNetwork score, double[] x, ReferenceMoments ref) {
    this.net = score;
    this.x = x.clone();
    this.fx = score.score(x);
    this.ref = ref;
  }

  @Override
  public final int dimension() {
    return x.length;
  }

  @Override
  public final double evaluate(double[] s, double[] gradient) {
    AdfPropagation.Trace t = AdfPropagation.propagate(net, inputMoments(s));
    Moments out = t.output();
    double r = fx - out.mean(0);
    double value = 0.5 * r * r + 0.5 * out.variance(0);
    if (gradient != null) {
      backward(t, r, s, gradient);
    }
    return value;
  }

  /** The moments of y = x ⊙ s + n ⊙ (1 − s) in this distortion's covariance representation. */
  abstract Moments inputMoments(double[] s);

  /**
   * Writes ∂D/∂s into gradient, given the forward trace and the residual r = Φ(x) − μ (so that
   * ∂D/∂μ = −r and ∂D/∂v = ½ at the output).
   */
  abstract void backward(AdfPropagation.Trace t, double r, double[] s, double[] gradient);
}
