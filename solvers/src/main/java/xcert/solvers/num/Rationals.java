package xcert.solvers.num;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.errors.Excerpt;

/**
 * Exact rationals as users write them and as xcert prints them. A decimal such as {@code 0.3} is read
 * as the exact fraction 3/10, not as the nearest double; {@code 1/3} is read as one third.
 */
public final class Rationals {

  private Rationals() {}

  /** Largest |exponent| a decimal may have: 10^1000 is already far beyond any meaningful input. */
  public static final int MAX_DECIMAL_EXPONENT = 1000;

  /**
   * Parses "3/8", "-2", "0.375", "1e-3" exactly.
   *
   * @throws NumberFormatException with a message naming the text when it is not a rational
   * @throws RationalSizeException (a NumberFormatException) when its numerator or denominator
   *     exceeds {@link RationalSize#MAX_BITS}, before the digits are parsed
   */
  public static BigFraction parse(String text) {
    String s = text.trim();
    if (s.isEmpty()) {
      throw new NumberFormatException("empty number");
    }
    if (Excerpt.firstNonAscii(s) >= 0) { // BigInteger and BigDecimal read any Unicode digits
      throw new NumberFormatException(Excerpt.quote(text) + " is not a number (expected ASCII digits"
          + " such as 3/8 or 0.375)");
    }
    int slash = s.indexOf('/');
    // the size policy's bound, before the digits are parsed (RationalSize.MAX_BITS, part of the size policy)
    String size = slash >= 0 ? RationalSize.digitsProblem("numerator", s.substring(0, slash))
        : RationalSize.digitsProblem("number", mantissa(s));
    if (size == null && slash >= 0) {
      size = RationalSize.digitsProblem("denominator", s.substring(slash + 1));
    }
    if (size != null) {
      throw new RationalSizeException(size);
    }
    try {
      if (slash >= 0) {
        BigInteger num = new BigInteger(s.substring(0, slash).trim());
        BigInteger den = new BigInteger(s.substring(slash + 1).trim());
        if (den.signum() == 0) {
          throw new NumberFormatException("zero denominator in " + Excerpt.quote(text));
        }
        String bits = RationalSize.problem(num, den);
        if (bits != null) {
          throw new RationalSizeException(bits);
        }
        return BigFraction.of(num, den);
      }
      BigDecimal dec = new BigDecimal(s);
      if (Math.abs((long) dec.scale()) > MAX_DECIMAL_EXPONENT) {
        throw new NumberFormatException(Excerpt.quote(text) + " has a decimal exponent beyond "
            + MAX_DECIMAL_EXPONENT + "; write it as a fraction");
      }
      BigFraction v = fromDecimal(dec);
      String bits = RationalSize.problem(v.getNumerator(), v.getDenominator());
      if (bits != null) {
        throw new RationalSizeException(bits);
      }
      return v;
    } catch (NumberFormatException e) {
      if (e instanceof RationalSizeException || (e.getMessage() != null
          && (e.getMessage().startsWith("zero denominator")
          || e.getMessage().contains("decimal exponent")))) {
        throw e;
      }
      throw new NumberFormatException(Excerpt.quote(text) + " is not a number (expected e.g. 3/8 or"
          + " 0.375)");
    }
  }

  /** The digits of a decimal before its exponent. */
  private static String mantissa(String s) {
    int e = Math.max(s.indexOf('e'), s.indexOf('E'));
    return e >= 0 ? s.substring(0, e) : s;
  }

  /** The exact value of a decimal. */
  public static BigFraction fromDecimal(BigDecimal v) {
    BigInteger unscaled = v.unscaledValue();
    int scale = v.scale();
    if (scale <= 0) {
      return BigFraction.of(unscaled.multiply(BigInteger.TEN.pow(-scale)));
    }
    return BigFraction.of(unscaled, BigInteger.TEN.pow(scale));
  }

  /** The exact value of a finite double. */
  public static BigFraction fromDouble(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("not finite: " + v);
    }
    return fromDecimal(new BigDecimal(v));
  }

  /** True when the denominator (in lowest terms) is a power of two. */
  public static boolean isDyadic(BigFraction f) {
    BigInteger den = f.getDenominator().abs();
    return den.bitCount() == 1;
  }

  /** "3/8", or "2" for integers, in lowest terms. */
  public static String format(BigFraction f) {
    BigInteger num = f.getNumerator();
    BigInteger den = f.getDenominator();
    if (den.signum() < 0) {
      num = num.negate();
      den = den.negate();
    }
    BigInteger g = num.gcd(den);
    if (g.signum() != 0 && !g.equals(BigInteger.ONE)) {
      num = num.divide(g);
      den = den.divide(g);
    }
    return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
  }

  /** The least common multiple of the denominators of some rationals (1 for none). */
  public static BigInteger commonDenominator(Iterable<BigFraction> values) {
    BigInteger l = BigInteger.ONE;
    for (BigFraction v : values) {
      BigInteger den = v.getDenominator().abs();
      l = l.divide(l.gcd(den)).multiply(den);
    }
    return l;
  }

  /** The integer n with v = n / den; den must be a multiple of v's denominator. */
  public static BigInteger numeratorOver(BigFraction v, BigInteger den) {
    BigInteger num = v.getDenominator().signum() < 0 ? v.getNumerator().negate() : v.getNumerator();
    return num.multiply(den.divide(v.getDenominator().abs()));
  }

  /** The double nearest to num/den, correctly rounded. */
  public static double toDouble(BigInteger num, BigInteger den) {
    return BigFraction.of(num, den).doubleValue();
  }
}
