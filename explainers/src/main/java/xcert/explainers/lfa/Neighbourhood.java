package xcert.explainers.lfa;

import java.util.Optional;
import xcert.explainers.backend.CounterStream;

/**
 * The noise distribution Z of seed 000 Definition 1 (seed 001's sampling distribution P): how a
 * perturbation ξ is drawn. The i-th sample is a pure function of the stream (keyed by the seed of the
 * explanation) and its index i: it takes its random numbers from {@link CounterStream} at index i,
 * so samples can be drawn in any order, in chunks or on a device, and enumerating neighbourhoods
 * (one-hot vectors in turn) and LIME's "first sample is the instance" fit the same interface.
 */
public interface Neighbourhood {

  /** Writes the perturbation with the given index into xi (length d). */
  void sample(CounterStream s, long index, double[] xi);

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

  /**
   * The neighbourhood as a device code ({@link xcert.explainers.backend.LfaPlan.Noise}) whose
   * definition {@link #sample} follows exactly; empty for a neighbourhood without one, which only
   * the host can draw.
   */
  default Optional<NoiseForm> deviceForm() {
    return Optional.empty();
  }
}
