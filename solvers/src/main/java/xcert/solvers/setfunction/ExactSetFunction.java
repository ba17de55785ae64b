package xcert.solvers.setfunction;

import java.math.BigInteger;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.num.Rationals;
import xcert.solvers.num.WideArray;

/**
 * An exact set function: value(S) = N[S] / D with integer numerators and one positive common
 * denominator D. Numerators are held as {@code long} when they fit and as {@link BigInteger}
 * otherwise; the operations that build new functions try {@code long} arithmetic with overflow checks
 * first and redo the work with {@code BigInteger} when any step overflows, so no result is ever
 * rounded.
 *
 * <p>For Boolean models under the uniform or a dyadic product distribution the f_S(x) table is of
 * this form with D = 2^d (counts over a power of two), so exactness costs nothing.
 */
public final class ExactSetFunction extends SetFunction {

  /** Numerator of the value at S in long arithmetic; may throw ArithmeticException on overflow. */
  @FunctionalInterface
  public interface LongIndexOp {
    long apply(int s);
  }

  /** Numerator of the value at S in BigInteger arithmetic. */
  @FunctionalInterface
  public interface BigIndexOp {
    BigInteger apply(int s);
  }

  private final long[] small;
  private final BigInteger[] big;
  private final WideArray wide;
  private final BigInteger den;

  private ExactSetFunction(int d, long[] small, BigInteger[] big, BigInteger den) {
    this(d, small, big, null, den);
  }

  private ExactSetFunction(int d, long[] small, BigInteger[] big, WideArray wide,
      BigInteger den) {
    super(d);
    if (den.signum() <= 0) {
      throw new IllegalArgumentException("denominator must be positive, is " + den);
    }
    int n = 1 << d;
    if ((small != null && small.length != n) || (big != null && big.length != n)
        || (wide != null && wide.size() != n)) {
      throw new IllegalArgumentException("a set function on d=" + d + " needs " + n + " values");
    }
    this.small = small;
    this.big = big;
    this.wide = wide;
    this.den = den;
  }

  /**
   * Numerators of a fixed width in words (two's complement); takes ownership of {@code nums}.
   */
  public static ExactSetFunction ofWide(int d, WideArray nums, BigInteger den) {
    return new ExactSetFunction(d, null, null, nums, den);
  }

  /** The fixed-width numerators themselves, for hot loops that only read them; null otherwise. */
  public WideArray wideNumeratorsView() {
    return wide;
  }

  /** Takes ownership of {@code nums}: the caller must not modify it afterwards. */
  public static ExactSetFunction ofLongs(int d, long[] nums, BigInteger den) {
    return new ExactSetFunction(d, nums, null, den);
  }

  /** Takes ownership of {@code nums}: the caller must not modify it afterwards. */
  public static ExactSetFunction ofBig(int d, BigInteger[] nums, BigInteger den) {
    return new ExactSetFunction(d, null, nums, den);
  }

  /**
   * Tabulates value(S) = num(S) / den, in long arithmetic when {@code fast} succeeds for every S,
   * else in BigInteger arithmetic with {@code slow}.
   *
   * @param fast long numerators; may throw ArithmeticException (Math.*Exact) on overflow; may be null
   */
  public static ExactSetFunction tabulate(int d, BigInteger den, LongIndexOp fast, BigIndexOp slow) {
    Subsets.checkTableDimension(d);
    int n = 1 << d;
    if (fast != null) {
      MemoryBudget.require(8L * n, "a set function over d=" + d + " features");
      long[] out = new long[n];
      try {
        IntStream.range(0, n).parallel().forEach(s -> out[s] = fast.apply(s));
        return ofLongs(d, out, den);
      } catch (ArithmeticException overflow) {
        // fall through to BigInteger
      }
    }
    MemoryBudget.require(48L * n, "a set function with big numerators over d=" + d + " features");
    BigInteger[] out = new BigInteger[n];
    IntStream.range(0, n).parallel().forEach(s -> out[s] = slow.apply(s));
    return ofBig(d, out, den);
  }

  /**
   * The exact function with the given values, over the least common denominator of all of them;
   * numerators are longs where they fit.
   */
  public static ExactSetFunction ofFractions(int d, BigFraction[] values) {
    final BigInteger l = Rationals.commonDenominator(java.util.Arrays.asList(values));
    return tabulate(d, l, s -> Rationals.numeratorOver(values[s], l).longValueExact(),
        s -> Rationals.numeratorOver(values[s], l));
  }

  @Override
  public boolean isExact() {
    return true;
  }

  public BigInteger denominator() {
    return den;
  }

  /** True when the numerators are held as longs. */
  public boolean hasLongNumerators() {
    return small != null;
  }

  /** The numerator at S; requires {@link #hasLongNumerators()}. */
  public long numerator(int s) {
    if (small == null) {
      throw new ArithmeticException("numerators exceed long; use bigNumerator");
    }
    return small[s];
  }

  public BigInteger bigNumerator(int s) {
    return small != null ? BigInteger.valueOf(small[s]) : wide != null ? wide.get(s) : big[s];
  }

  /** The long numerators themselves, for hot loops that only read them; null when big. */
  public long[] longNumeratorsView() {
    return small;
  }

  @Override
  public double doubleAt(int s) {
    if (small != null && den.bitLength() < 53 && Math.abs(small[s]) < (1L << 53)) {
      return (double) small[s] / den.doubleValue(); // both exact doubles: one correctly rounded division
    }
    return exactAt(s).doubleValue();
  }

  @Override
  public BigFraction exactAt(int s) {
    return BigFraction.of(bigNumerator(s), den);
  }

  @Override
  public int compare(int s, int t) {
    if (small != null) {
      return Long.compare(small[s], small[t]);
    }
    if (wide != null) {
      return wide.compare(s, t);
    }
    return big[s].compareTo(big[t]);
  }

  @Override
  public int compareTo(int s, BigFraction v) {
    // N/D vs p/q  <=>  N*q vs p*D  (D, q > 0)
    BigInteger lhs = bigNumerator(s).multiply(positiveDenominator(v));
    BigInteger rhs = signedNumerator(v).multiply(den);
    return lhs.compareTo(rhs);
  }

  @Override
  public IntPredicate atMost(BigFraction eps) {
    // N/D <= p/q  <=>  N <= floor(p*D/q)
    BigInteger bound = floorDiv(signedNumerator(eps).multiply(den), positiveDenominator(eps));
    return atMostNumerator(bound);
  }

  @Override
  public IntPredicate atLeast(BigFraction delta) {
    // N/D >= p/q  <=>  N >= ceil(p*D/q)  <=>  not (N <= ceil - 1)
    BigInteger bound = ceilDiv(signedNumerator(delta).multiply(den), positiveDenominator(delta));
    IntPredicate below = atMostNumerator(bound.subtract(BigInteger.ONE));
    return below.negate();
  }

  private IntPredicate atMostNumerator(BigInteger bound) {
    if (small != null) {
      if (bound.bitLength() < 63) {
        long b = bound.longValue();
        return s -> small[s] <= b;
      }
      boolean all = bound.signum() > 0;
      return s -> all;
    }
    if (wide != null) {
      return s -> wide.get(s).compareTo(bound) <= 0;
    }
    return s -> big[s].compareTo(bound) <= 0;
  }

  /** The same function over the denominator den·k (numerators multiplied by k > 0). */
  public ExactSetFunction rescaled(BigInteger k) {
    if (k.signum() <= 0) {
      throw new IllegalArgumentException("scale must be positive");
    }
    if (k.equals(BigInteger.ONE)) {
      return this;
    }
    BigInteger newDen = den.multiply(k);
    if (small != null && k.bitLength() < 63) {
      long kk = k.longValue();
      return tabulate(d, newDen, s -> Math.multiplyExact(small[s], kk),
          s -> BigInteger.valueOf(small[s]).multiply(k));
    }
    return tabulate(d, newDen, null, s -> bigNumerator(s).multiply(k));
  }

  /** Brings two exact functions to a common denominator (their lcm). */
  public static ExactSetFunction[] commonDenominator(ExactSetFunction a, ExactSetFunction b) {
    BigInteger g = a.den.gcd(b.den);
    BigInteger lcm = a.den.divide(g).multiply(b.den);
    return new ExactSetFunction[] {a.rescaled(lcm.divide(a.den)), b.rescaled(lcm.divide(b.den))};
  }

  static BigInteger signedNumerator(BigFraction f) {
    return f.getDenominator().signum() < 0 ? f.getNumerator().negate() : f.getNumerator();
  }

  static BigInteger positiveDenominator(BigFraction f) {
    return f.getDenominator().abs();
  }

  static BigInteger floorDiv(BigInteger a, BigInteger b) {
    BigInteger[] qr = a.divideAndRemainder(b);
    return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }

  static BigInteger ceilDiv(BigInteger a, BigInteger b) {
    BigInteger[] qr = a.divideAndRemainder(b);
    return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
  }
}
