package xcert.certificates.orbit;

import java.math.BigInteger;
import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.num.Rationals;

/**
 * A certificate on an {@link OrbitStructure}: one attribution value a_f per feature orbit and a dual
 * value z_o per class, given sparsely (classes not listed have z_o = 0).
 *
 * @param alpha a_f, f = 0..F−1
 * @param support class ids with z_o ≠ 0, increasing
 * @param z z_o for the classes of {@code support}, in the same order
 * @param method how it was obtained
 */
public record OrbitCertificate(BigFraction[] alpha, long[] support, BigFraction[] z,
    String method) {

  public OrbitCertificate {
    alpha = alpha.clone();
    support = support.clone();
    z = z.clone();
    if (support.length != z.length) {
      throw new IllegalArgumentException("support and z differ in length");
    }
    for (int k = 1; k < support.length; k++) {
      if (support[k] <= support[k - 1]) {
        throw new IllegalArgumentException("support must increase");
      }
    }
  }

  @Override
  public BigFraction[] alpha() {
    return alpha.clone();
  }

  @Override
  public long[] support() {
    return support.clone();
  }

  @Override
  public BigFraction[] z() {
    return z.clone();
  }

  /** z_o, 0 off the support. */
  public BigFraction zAt(long o) {
    int k = Arrays.binarySearch(support, o);
    return k >= 0 ? z[k] : BigFraction.ZERO;
  }

  /** The least common denominator of the z values. */
  public BigInteger zDenominator() {
    return Rationals.commonDenominator(Arrays.asList(z));
  }

  /** The least common denominator of the a values. */
  public BigInteger alphaDenominator() {
    return Rationals.commonDenominator(Arrays.asList(alpha));
  }
}
