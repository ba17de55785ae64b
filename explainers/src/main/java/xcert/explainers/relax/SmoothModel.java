package xcert.explainers.relax;

/**
 * A model with a gradient at every real input, the object that the continuous relaxations of seed
 * 003 Section 4.2 (RDE) and seed 004 Eq. 13 (relaxed masks) differentiate. A ReLU network is its
 * own score (the threshold of a classifier is dropped: the relaxations work on the score); a Boolean
 * circuit is its multilinear extension ({@link MultilinearExtension}), which agrees with the circuit on
 * {0,1}^d. Batches are row-major n × d, as in {@link xcert.explainers.backend.Backend}.
 */
public interface SmoothModel {

  /** Number of inputs d. */
  int dimension();

  /** The value at each of the n rows. */
  double[] values(double[] rows, int n);

  /** The gradient at each of the n rows, row-major n × d. */
  double[] gradients(double[] rows, int n);

  /** What the model is, for settings and reports, e.g. "relu score" or "multilinear extension". */
  String describe();
}
