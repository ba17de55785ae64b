package xcert.solvers.model;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A feed-forward ReLU network with one or more outputs, as read from a file: affine layers with ReLU
 * between them (seed 003 Section 4.1) and an optional Sigmoid or Softmax head after the last one.
 * The models xcert explains have one output; {@link #logit} and {@link #probability} choose it.
 * Immutable.
 *
 * @param layers the affine layers, ReLU after every one but the last
 * @param head what follows the last layer
 */
public record FeedForwardNetwork(List<AffineLayer> layers, OutputHead head) {

  public FeedForwardNetwork {
    layers = List.copyOf(layers);
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("a network needs at least one layer");
    }
    for (int l = 1; l < layers.size(); l++) {
      if (layers.get(l).inputs() != layers.get(l - 1).outputs()) {
        throw new IllegalArgumentException("layer " + (l + 1) + " has " + layers.get(l).inputs()
            + " inputs but layer " + l + " has " + layers.get(l - 1).outputs() + " outputs");
      }
    }
  }

  /** Number of input features d. */
  public int inputs() {
    return layers.get(0).inputs();
  }

  /** Number of outputs (rows of the last layer). */
  public int outputs() {
    return layers.get(layers.size() - 1).outputs();
  }

  /**
   * Output k's pre-head score as a one-output network (exact), with an optional threshold.
   *
   * @param k 1-based output index
   * @param strict true for the label rule score &gt; t, false for ≥ t
   */
  public ReluNetwork logit(int k, OptionalDouble threshold, boolean strict) {
    checkOutput(k);
    List<AffineLayer> one = new java.util.ArrayList<>(layers);
    one.set(one.size() - 1, one.get(one.size() - 1).row(k - 1));
    return new ReluNetwork(one, threshold, strict);
  }

  /**
   * Output k's probability after the head, evaluated in float64 (not exact).
   *
   * @throws IllegalStateException when the network has no head
   */
  public HeadProbability probability(int k, OptionalDouble threshold, boolean strict) {
    checkOutput(k);
    if (head == OutputHead.NONE) {
      throw new IllegalStateException("the network has no Sigmoid or Softmax head");
    }
    return new HeadProbability(this, k, threshold, strict);
  }

  private void checkOutput(int k) {
    if (k < 1 || k > outputs()) {
      throw new IllegalArgumentException("output " + k + " does not exist; the network has "
          + outputs() + " output" + (outputs() == 1 ? "" : "s"));
    }
  }
}
