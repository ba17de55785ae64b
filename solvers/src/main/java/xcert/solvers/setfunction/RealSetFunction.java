package xcert.solvers.setfunction;

import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * A set function with float64 values, for real-valued models (ReLU network scores) where exact
 * rational arithmetic does not apply. Results built on it carry the float64 provenance.
 */
public final class RealSetFunction extends SetFunction {

  private final double[] values;

  private RealSetFunction(int d, double[] values) {
    super(d);
    if (values.length != 1 << d) {
      throw new IllegalArgumentException("a set function on d=" + d + " needs " + (1 << d)
          + " values");
    }
    this.values = values;
  }

  /** Takes ownership of {@code values}. */
  public static RealSetFunction of(int d, double[] values) {
    for (int s = 0; s < values.length; s++) {
      values[s] += 0.0; // -0.0 becomes 0.0, so that ties compare equal
    }
    return new RealSetFunction(d, values);
  }

  public static RealSetFunction tabulate(int d, IntToDoubleFunction f) {
    Subsets.checkTableDimension(d);
    MemoryBudget.require(8L << d, "a set function over d=" + d + " features");
    double[] out = new double[1 << d];
    IntStream.range(0, out.length).parallel().forEach(s -> out[s] = f.applyAsDouble(s) + 0.0);
    return new RealSetFunction(d, out);
  }

  /** The values themselves, for loops that only read them. */
  public double[] valuesView() {
    return values;
  }

  @Override
  public boolean isExact() {
    return false;
  }

  @Override
  public double doubleAt(int s) {
    return values[s];
  }

  @Override
  public BigFraction exactAt(int s) {
    throw new UnsupportedOperationException("a float64 set function has no exact values");
  }

  @Override
  public int compare(int s, int t) {
    return Double.compare(values[s], values[t]);
  }

  @Override
  public int compareTo(int s, BigFraction v) {
    return Double.compare(values[s], v.doubleValue());
  }

  @Override
  public IntPredicate atMost(BigFraction eps) {
    double e = eps.doubleValue();
    return s -> values[s] <= e;
  }

  @Override
  public IntPredicate atLeast(BigFraction delta) {
    double e = delta.doubleValue();
    return s -> values[s] >= e;
  }
}
