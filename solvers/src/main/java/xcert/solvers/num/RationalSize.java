package xcert.solvers.num;

import java.math.BigInteger;

/**
 * The bound on the size of an exact rational read from input (the command line or a file), part of
 * xcert's size policy ({@link xcert.solvers.limits.SizePolicy}): at most {@value #MAX_BITS} bits
 * for the numerator and for the denominator, checked on the digits before the text is parsed and on
 * the value after. It lives with {@link Rationals}, which enforces it on every rational it parses.
 */
public final class RationalSize {

  /**
   * Most bits of the numerator and of the denominator of an exact rational read from input: 4096
   * bits is about 1233 decimal digits, beyond 10^1000 (the largest decimal exponent accepted).
   */
  public static final int MAX_BITS = 4096;

  /** Most decimal digits of such a numerator or denominator, checked before the text is parsed. */
  public static final int MAX_DIGITS = (int) (MAX_BITS * Math.log10(2));

  private RationalSize() {}

  /**
   * What is wrong with the size of a rational, or null when it is within {@link #MAX_BITS}.
   */
  public static String problem(BigInteger numerator, BigInteger denominator) {
    String n = integerProblem("numerator", numerator);
    return n != null ? n : integerProblem("denominator", denominator);
  }

  /** What is wrong with the size of one integer (the {@code part} of a rational), or null. */
  public static String integerProblem(String part, BigInteger v) {
    int bits = v == null ? 0 : v.abs().bitLength();
    if (bits <= MAX_BITS) {
      return null;
    }
    return "the " + part + " has " + bits + " bits; exact rationals are read up to "
        + MAX_BITS + " bits (about " + MAX_DIGITS + " decimal digits) each";
  }

  /**
   * What is wrong with the digits of a numerator or denominator written in decimal, before it is
   * parsed, or null; {@code part} is "numerator", "denominator" or "number".
   */
  public static String digitsProblem(String part, CharSequence digits) {
    int count = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c >= '0' && c <= '9') {
        count++;
      }
    }
    if (count <= MAX_DIGITS) {
      return null;
    }
    return "the " + part + " has " + count + " digits; exact rationals are read up to "
        + MAX_BITS + " bits (about " + MAX_DIGITS + " decimal digits) each";
  }
}
