package xcert.certificates.problem;

import java.util.Random;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * Random multilinear polynomials and inputs for property tests, built from a seed so that a failure
 * names everything needed to rebuild it.
 */
public final class RandomPolynomials {

  private RandomPolynomials() {}

  /** A random rational n/m with |n| ≤ 20, 1 ≤ m ≤ 12 (zero allowed). */
  public static BigFraction rational(Random r) {
    return BigFraction.of(r.nextInt(41) - 20, 1 + r.nextInt(12));
  }

  /**
   * Up to {@code terms} random terms over d variables (repeats merge), each monomial a random subset
   * (the constant included), rational coefficients.
   */
  public static MultilinearPolynomial polynomial(long seed, int d, int terms) {
    Random r = new Random(seed);
    MultilinearPolynomial.Builder b = new MultilinearPolynomial.Builder();
    for (int k = 0; k < terms; k++) {
      long mask = r.nextLong() & ((1L << d) - 1);
      if (r.nextInt(3) == 0) { // favour low degrees too
        mask &= r.nextLong();
      }
      b.add(mask, rational(r));
    }
    return b.build(d);
  }

  /** x ∈ {0,1}^d. */
  public static BigFraction[] booleanInput(long seed, int d) {
    Random r = new Random(seed ^ 0x5DEECE66DL);
    BigFraction[] x = new BigFraction[d];
    for (int i = 0; i < d; i++) {
      x[i] = r.nextBoolean() ? BigFraction.ONE : BigFraction.ZERO;
    }
    return x;
  }

  /** x with rational entries, some of them 0 or 1. */
  public static BigFraction[] rationalInput(long seed, int d) {
    Random r = new Random(seed ^ 0x9E3779B97F4A7C15L);
    BigFraction[] x = new BigFraction[d];
    for (int i = 0; i < d; i++) {
      int pick = r.nextInt(6);
      x[i] = pick == 0 ? BigFraction.ZERO : pick == 1 ? BigFraction.ONE : rational(r);
    }
    return x;
  }

  /** x with x_S kept and the rest zeroed (direct construction for the tests' reference values). */
  public static BigFraction[] keepOnly(BigFraction[] x, long s) {
    BigFraction[] y = new BigFraction[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = (s >>> i & 1) == 1 ? x[i] : BigFraction.ZERO;
    }
    return y;
  }
}
