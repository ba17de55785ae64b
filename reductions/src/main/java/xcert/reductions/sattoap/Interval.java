package xcert.reductions.sattoap;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * A real number known to lie in the closed interval [lo, hi] with exact rational endpoints; exact when
 * lo = hi. Used to decide inequalities between irrational quantities such as k'^{1−α} rigorously: a
 * comparison is decided only when the intervals separate (or both sides are exact), otherwise the
 * caller refines with more bits. Nothing is ever rounded.
 */
public record Interval(BigFraction lo, BigFraction hi) {

  public Interval {
    if (lo.compareTo(hi) > 0) {
      throw new IllegalArgumentException("empty interval [" + lo + ", " + hi + "]");
    }
  }

  public static Interval exact(BigFraction v) {
    return new Interval(v, v);
  }

  public static Interval exact(long v) {
    return exact(BigFraction.of(v));
  }

  public static Interval exact(BigInteger v) {
    return exact(BigFraction.of(v));
  }

  public boolean isExact() {
    return lo.equals(hi);
  }

  public Interval add(Interval o) {
    return new Interval(lo.add(o.lo), hi.add(o.hi));
  }

  public Interval subtract(Interval o) {
    return new Interval(lo.subtract(o.hi), hi.subtract(o.lo));
  }

  /** Product of two intervals of non-negative numbers. */
  public Interval multiplyNonNegative(Interval o) {
    if (lo.signum() < 0 || o.lo.signum() < 0) {
      throw new IllegalArgumentException("multiplyNonNegative needs non-negative intervals");
    }
    return new Interval(lo.multiply(o.lo), hi.multiply(o.hi));
  }

  public Interval scale(BigFraction c) {
    return c.signum() >= 0 ? new Interval(lo.multiply(c), hi.multiply(c))
        : new Interval(hi.multiply(c), lo.multiply(c));
  }

  /** Sign of this − o when decided, else null (the intervals overlap and are not both exact). */
  public Integer compare(Interval o) {
    if (hi.compareTo(o.lo) < 0) {
      return -1;
    }
    if (lo.compareTo(o.hi) > 0) {
      return 1;
    }
    if (isExact() && o.isExact()) {
      return 0;
    }
    return null;
  }

  /** ⌈x⌉ when decided by the interval (or exact), else null. */
  public BigInteger ceilingIfDecided() {
    BigInteger a = ceil(lo);
    BigInteger b = ceil(hi);
    if (a.equals(b)) {
      return a;
    }
    // x could be the integer a = ⌈lo⌉ itself only if lo is that integer and exact
    return null;
  }

  static BigInteger ceil(BigFraction f) {
    BigInteger num = f.getNumerator();
    BigInteger den = f.getDenominator();
    if (den.signum() < 0) {
      num = num.negate();
      den = den.negate();
    }
    BigInteger[] qr = num.divideAndRemainder(den);
    return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
  }

  @Override
  public String toString() {
    return isExact() ? lo.toString() : "[" + lo.doubleValue() + ", " + hi.doubleValue() + "]";
  }
}
