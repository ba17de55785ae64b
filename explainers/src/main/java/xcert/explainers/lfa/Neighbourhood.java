package xcert.explainers.lfa;

import java.util.SplittableRandom;

/**
 * The noise distribution Z of seed 000 Definition 1 (seed 001's sampling distribution P): how a
 * perturbation ξ is drawn. The i-th sample is drawn from {@code rnd} (a generator seeded once per
 * explanation and consumed in sample order) and may also depend on its index, so that
 * enumerating neighbourhoods (one-hot vectors in turn) and LIME's "first sample is the instance" fit
 * the same interface.
 */
public interface Neighbourhood {

  /** Writes the perturbation with the given index into xi (length d). */
  void sample(SplittableRandom rnd, long index, double[] xi);

  /** True when every ξ is in {0,1}^d, so a mask combination keeps Boolean inputs Boolean. */
  boolean isBinary();

  /**
   * True when n samples determine the result without randomness (a point mass, or an enumeration
   * that n covers), so the result is not an estimate.
   */
  default boolean isDeterministic(int d, long n) {
    return false;
  }

  /** The distribution in words with its parameters, e.g. "Normal(0, 0.5^2 I)". */
  String describe();
}
