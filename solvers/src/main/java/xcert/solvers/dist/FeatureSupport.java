package xcert.solvers.dist;

import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * A finite distribution of one feature: distinct values with exact probabilities summing to 1. Values
 * of probability 0 may be listed; they contribute nothing.
 */
public final class FeatureSupport {

  private static final FeatureSupport FAIR_COIN =
      new FeatureSupport(new double[] {0, 1}, new BigFraction[] {BigFraction.of(1, 2),
          BigFraction.of(1, 2)});

  private final double[] values;
  private final BigFraction[] probabilities;

  /**
   * @throws IllegalArgumentException naming the problem when values repeat, a probability is outside
   *     [0,1], or the probabilities do not sum to exactly 1
   */
  public FeatureSupport(double[] values, BigFraction[] probabilities) {
    if (values.length == 0 || values.length != probabilities.length) {
      throw new IllegalArgumentException("a support needs as many probabilities as values (got "
          + values.length + " values, " + probabilities.length + " probabilities)");
    }
    BigFraction sum = BigFraction.ZERO;
    for (int a = 0; a < values.length; a++) {
      if (!Double.isFinite(values[a])) {
        throw new IllegalArgumentException("support value " + values[a] + " is not finite");
      }
      for (int b = 0; b < a; b++) {
        if (values[a] == values[b]) {
          throw new IllegalArgumentException("support value " + values[a] + " is listed twice");
        }
      }
      BigFraction p = probabilities[a];
      if (p.signum() < 0 || p.compareTo(BigFraction.ONE) > 0) {
        throw new IllegalArgumentException("probability " + p + " is outside [0,1]");
      }
      sum = sum.add(p);
    }
    if (!sum.equals(BigFraction.ONE)) {
      throw new IllegalArgumentException("probabilities sum to " + sum + ", expected exactly 1");
    }
    this.values = values.clone();
    this.probabilities = probabilities.clone();
  }

  /** The uniform distribution on {0,1}. */
  public static FeatureSupport fairCoin() {
    return FAIR_COIN;
  }

  /** Bernoulli(p) on {0,1}: P(1) = p. */
  public static FeatureSupport bernoulli(BigFraction p) {
    if (p.signum() < 0 || p.compareTo(BigFraction.ONE) > 0) {
      throw new IllegalArgumentException("probability " + p + " is outside [0,1]");
    }
    return new FeatureSupport(new double[] {0, 1}, new BigFraction[] {BigFraction.ONE.subtract(p), p});
  }

  public int size() {
    return values.length;
  }

  public double value(int a) {
    return values[a];
  }

  public BigFraction probability(int a) {
    return probabilities[a];
  }

  /** Probability of a value, 0 when it is not in the support. */
  public BigFraction probabilityOf(double v) {
    for (int a = 0; a < values.length; a++) {
      if (values[a] == v) {
        return probabilities[a];
      }
    }
    return BigFraction.ZERO;
  }

  public boolean isBinary() {
    for (double v : values) {
      if (v != 0.0 && v != 1.0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureSupport f && Arrays.equals(values, f.values)
        && Arrays.equals(probabilities, f.probabilities);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(values) + Arrays.hashCode(probabilities);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int a = 0; a < values.length; a++) {
      if (a > 0) {
        sb.append(", ");
      }
      sb.append(values[a]).append(':').append(xcert.solvers.num.Rationals.format(probabilities[a]));
    }
    return sb.append('}').toString();
  }
}
