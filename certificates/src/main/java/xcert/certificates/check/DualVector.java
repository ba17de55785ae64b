package xcert.certificates.check;

import java.math.BigInteger;
import java.util.function.LongUnaryOperator;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * The dual part y of a certificate: y_S = numerator(S) / denominator for every set S of the family,
 * computed on demand (a lifted orbit certificate needs no table of 2^d entries).
 *
 * @param numerator S ↦ integer numerator of y_S
 * @param denominator positive common denominator
 */
public record DualVector(LongUnaryOperator numerator, BigInteger denominator) {

  public DualVector {
    if (denominator.signum() <= 0) {
      throw new IllegalArgumentException("denominator must be positive");
    }
  }

  public BigFraction at(long s) {
    return BigFraction.of(BigInteger.valueOf(numerator.applyAsLong(s)), denominator);
  }

  /** A dense vector over masks 0..2^d−1 (for small d). */
  public static DualVector dense(long[] numerators, BigInteger denominator) {
    return new DualVector(s -> numerators[(int) s], denominator);
  }
}
