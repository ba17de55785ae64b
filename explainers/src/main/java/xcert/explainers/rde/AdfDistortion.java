package xcert.explainers.rde;

import xcert.solvers.model.ReluNetwork;

/**
 * What the three ADF distortions of seed 003 Section 4.3 share: the network's score, the point x,
 * Φ(x), and the moments of V. Each subclass propagates the moments of y = x ⊙ s + n ⊙ (1 − s)
 * (Eq. (2)) with its covariance representation and differentiates D(s) of Eq. (3) backwards.
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
}
