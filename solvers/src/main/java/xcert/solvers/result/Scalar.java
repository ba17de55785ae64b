package xcert.solvers.result;

import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.num.Rationals;

/**
 * One number of a result: always its double value, and its exact rational value when the computation
 * that produced it was exact. Printing shows the rational where there is one.
 */
public record Scalar(double value, BigFraction exact) {

  public static Scalar exact(BigFraction v) {
    return new Scalar(v.doubleValue(), v);
  }

  public static Scalar approximate(double v) {
    return new Scalar(v, null);
  }

  public boolean isExact() {
    return exact != null;
  }

  public Optional<BigFraction> rational() {
    return Optional.ofNullable(exact);
  }

  /** The rational as "3/8" where exact, else null. */
  public String rationalText() {
    return exact == null ? null : Rationals.format(exact);
  }

  @Override
  public String toString() {
    return exact == null ? Double.toString(value) : Rationals.format(exact);
  }
}
