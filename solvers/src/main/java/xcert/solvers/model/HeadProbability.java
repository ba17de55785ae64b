package xcert.solvers.model;

import java.util.OptionalDouble;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * One output's probability after a network's Sigmoid or Softmax head, p_k = σ(z_k) or
 * exp(z_k)/Σ_j exp(z_j), evaluated in float64. The head is transcendental, so this model has no
 * exact values: exact enumerators refuse it and its answers are labelled float64. With a threshold t
 * it is a classifier (p_k ≥ t, or &gt; t when strict).
 */
public final class HeadProbability implements Model {

  private final FeedForwardNetwork network;
  private final int output;
  private final OptionalDouble threshold;
  private final boolean strict;
  private final double[][][] w;
  private final double[][] b;

  HeadProbability(FeedForwardNetwork network, int output, OptionalDouble threshold,
      boolean strict) {
    this.network = network;
    this.output = output;
    this.threshold = threshold;
    this.strict = strict;
    int layers = network.layers().size();
    this.w = new double[layers][][];
    this.b = new double[layers][];
    for (int l = 0; l < layers; l++) {
      w[l] = network.layers().get(l).weightDoubles();
      b[l] = network.layers().get(l).biasDoubles();
    }
  }

  public FeedForwardNetwork network() {
    return network;
  }

  /** The 1-based output explained. */
  public int output() {
    return output;
  }

  public OptionalDouble threshold() {
    return threshold;
  }

  @Override
  public int dimension() {
    return network.inputs();
  }

  /** The probability p_k(x) in float64. */
  public double probability(double[] x) {
    if (x.length != dimension()) {
      throw new IllegalArgumentException("input has length " + x.length + ", expected "
          + dimension());
    }
    double[] a = ReluNetwork.forward(w, b, x);
    if (network.head() == OutputHead.SIGMOID) {
      return 1.0 / (1.0 + Math.exp(-a[output - 1]));
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double v : a) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (double v : a) {
      sum += Math.exp(v - max);
    }
    return Math.exp(a[output - 1] - max) / sum;
  }

  @Override
  public double evaluate(double[] x) {
    double p = probability(x);
    if (threshold.isEmpty()) {
      return p;
    }
    double t = threshold.getAsDouble();
    return p > t || (p == t && !strict) ? 1 : 0;
  }

  /** Always refused: the head is transcendental. */
  @Override
  public BigFraction exactValue(double[] x) {
    throw new UnsupportedOperationException("the " + network.head().id() + " head's probability"
        + " is not a rational function of the input; it has no exact value");
  }

  @Override
  public boolean hasExactValues() {
    return false;
  }

  @Override
  public boolean isBooleanValued() {
    return threshold.isPresent();
  }

  @Override
  public boolean requiresBinaryInputs() {
    return false;
  }

  @Override
  public String toString() {
    return "HeadProbability[" + network.head().id() + ", output " + output + "]";
  }
}
