package xcert.reductions.sattoap;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * z^e for rational z > 0 and rational e, enclosed in an {@link Interval} with exact rational
 * endpoints: with e = c/b in lowest terms (b > 0), y = z^c is rational and y^{1/b} is bracketed by
 * r/M ≤ y^{1/b} < (r+1)/M with M = 2^bits and r = ⌊(⌊y·M^b⌋)^{1/b}⌋ (an integer b-th root): r^b ≤ ⌊y M^b⌋ ≤
 * y M^b < (r+1)^b. When y is a perfect b-th power of a rational the result is exact.
 */
public final class RealPowers {

  private RealPowers() {}

  public static Interval pow(BigFraction z, BigFraction e, int bits) {
    if (z.signum() <= 0) {
      throw new IllegalArgumentException("base must be positive, is " + z);
    }
    BigInteger c = e.getNumerator();
    BigInteger b = e.getDenominator();
    if (b.signum() < 0) {
      c = c.negate();
      b = b.negate();
    }
    BigFraction y = pow(z, c.intValueExact());
    int bb = b.intValueExact();
    if (bb == 1) {
      return Interval.exact(y);
    }
    BigInteger yNum = y.getNumerator().abs();
    BigInteger yDen = y.getDenominator().abs();
    BigInteger rn = rootFloor(yNum, bb);
    BigInteger rd = rootFloor(yDen, bb);
    if (rn.pow(bb).equals(yNum) && rd.pow(bb).equals(yDen)) {
      return Interval.exact(BigFraction.of(rn, rd));
    }
    BigInteger m = BigInteger.ONE.shiftLeft(bits);
    BigInteger scaled = yNum.multiply(m.pow(bb)).divide(yDen); // ⌊y·M^b⌋
    BigInteger r = rootFloor(scaled, bb);
    return new Interval(BigFraction.of(r, m), BigFraction.of(r.add(BigInteger.ONE), m));
  }

  /** z^n exactly, n any integer. */
  public static BigFraction pow(BigFraction z, int n) {
    BigFraction base = n < 0 ? BigFraction.ONE.divide(z) : z;
    int k = Math.abs(n);
    return BigFraction.of(base.getNumerator().pow(k), base.getDenominator().pow(k));
  }

  /** ⌊x^{1/n}⌋ for x ≥ 0, n ≥ 1, by Newton's method on integers. */
  public static BigInteger rootFloor(BigInteger x, int n) {
    if (x.signum() < 0) {
      throw new IllegalArgumentException("negative radicand");
    }
    if (x.signum() == 0 || n == 1) {
      return x;
    }
    // start above the root: 2^⌈bitLength/n⌉
    BigInteger r = BigInteger.ONE.shiftLeft((x.bitLength() + n - 1) / n);
    BigInteger nn = BigInteger.valueOf(n);
    BigInteger nm1 = BigInteger.valueOf(n - 1L);
    while (true) {
      BigInteger next = nm1.multiply(r).add(x.divide(r.pow(n - 1))).divide(nn);
      if (next.compareTo(r) >= 0) {
        break;
      }
      r = next;
    }
    while (r.pow(n).compareTo(x) > 0) {
      r = r.subtract(BigInteger.ONE);
    }
    while (r.add(BigInteger.ONE).pow(n).compareTo(x) <= 0) {
      r = r.add(BigInteger.ONE);
    }
    return r;
  }
}
