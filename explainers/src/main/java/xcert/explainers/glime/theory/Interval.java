package xcert.explainers.glime.theory;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * A closed interval [lo, hi] of reals with BigDecimal end points, every operation rounded outward
 * (lower ends toward −∞, upper ends toward +∞, at {@value #DIGITS} significant digits), so the true
 * value of an expression always lies inside the interval computed for it. {@link #exp} encloses
 * e^x by its Taylor series with the remainder bounded. A comparison is decided only when the
 * intervals do not overlap ({@link #certainlyLessOrEqual}, {@link #certainlyGreater}).
 */
public record Interval(BigDecimal lo, BigDecimal hi) {

  /** Significant digits of the end points. */
  public static final int DIGITS = 40;
  private static final MathContext DOWN = new MathContext(DIGITS, RoundingMode.FLOOR);
  private static final MathContext UP = new MathContext(DIGITS, RoundingMode.CEILING);

  public Interval {
    if (lo.compareTo(hi) > 0) {
      throw new IllegalArgumentException("empty interval [" + lo + ", " + hi + "]");
    }
  }

  public static Interval of(long v) {
    BigDecimal b = BigDecimal.valueOf(v);
    return new Interval(b, b);
  }

  /** The exact value of a double (every double is a dyadic rational). */
  public static Interval of(double v) {
    BigDecimal b = new BigDecimal(v);
    return new Interval(b, b);
  }

  /** An enclosure of a rational. */
  public static Interval of(BigFraction f) {
    BigDecimal n = new BigDecimal(f.getNumerator());
    BigDecimal d = new BigDecimal(f.getDenominator());
    return new Interval(n.divide(d, DOWN), n.divide(d, UP));
  }

  public Interval add(Interval o) {
    return new Interval(lo.add(o.lo, DOWN), hi.add(o.hi, UP));
  }

  public Interval subtract(Interval o) {
    return new Interval(lo.subtract(o.hi, DOWN), hi.subtract(o.lo, UP));
  }

  public Interval negate() {
    return new Interval(hi.negate(), lo.negate());
  }

  public Interval multiply(Interval o) {
    BigDecimal[] c = {lo.multiply(o.lo), lo.multiply(o.hi), hi.multiply(o.lo), hi.multiply(o.hi)};
    BigDecimal min = c[0];
    BigDecimal max = c[0];
    for (BigDecimal x : c) {
      min = min.min(x);
      max = max.max(x);
    }
    return new Interval(min.round(DOWN), max.round(UP));
  }

  public Interval multiply(long k) {
    return multiply(of(k));
  }

  /** Division by an interval that does not contain 0. */
  public Interval divide(Interval o) {
    if (o.lo.signum() <= 0 && o.hi.signum() >= 0) {
      throw new ArithmeticException("division by an interval containing 0: " + o);
    }
    BigDecimal[] lows = {lo.divide(o.lo, DOWN), lo.divide(o.hi, DOWN), hi.divide(o.lo, DOWN),
        hi.divide(o.hi, DOWN)};
    BigDecimal[] highs = {lo.divide(o.lo, UP), lo.divide(o.hi, UP), hi.divide(o.lo, UP),
        hi.divide(o.hi, UP)};
    BigDecimal min = lows[0];
    BigDecimal max = highs[0];
    for (int i = 1; i < 4; i++) {
      min = min.min(lows[i]);
      max = max.max(highs[i]);
    }
    return new Interval(min, max);
  }

  public Interval pow(int k) {
    Interval r = of(1);
    for (int i = 0; i < k; i++) {
      r = r.multiply(this);
    }
    return r;
  }

  public Interval abs() {
    if (lo.signum() >= 0) {
      return this;
    }
    if (hi.signum() <= 0) {
      return negate();
    }
    return new Interval(BigDecimal.ZERO, lo.negate().max(hi));
  }

  /** The square root of a non-negative interval. */
  public Interval sqrt() {
    if (lo.signum() < 0) {
      throw new ArithmeticException("square root of " + this);
    }
    BigDecimal a = lo.sqrt(DOWN);
    // the rounded-down root may still exceed the true root by an ulp: step down until a² ≤ lo
    while (a.multiply(a).compareTo(lo) > 0) {
      a = a.subtract(a.ulp());
    }
    BigDecimal b = hi.sqrt(UP);
    while (b.multiply(b).compareTo(hi) < 0) {
      b = b.add(b.ulp());
    }
    return new Interval(a.max(BigDecimal.ZERO), b);
  }

  /** e^x for every x in the interval (exp is increasing). */
  public Interval exp() {
    return new Interval(expOf(lo).lo, expOf(hi).hi);
  }

  /**
   * An enclosure of e^x for an exact x: x = m/2^s with |m| ≤ 1/2, the Taylor sum of e^{|m|} to
   * degree N rounded down for the lower end, and rounded up plus 2|m|^{N+1}/(N+1)! (the tail, a
   * geometric bound for |m| ≤ 1/2) for the upper end, squared s times, inverted for x &lt; 0.
   */
  static Interval expOf(BigDecimal x) {
    boolean neg = x.signum() < 0;
    BigDecimal m = x.abs();
    int s = 0;
    BigDecimal half = new BigDecimal("0.5");
    while (m.compareTo(half) > 0) {
      m = m.divide(BigDecimal.valueOf(2));
      s++;
    }
    BigDecimal sumLo = BigDecimal.ONE;
    BigDecimal sumHi = BigDecimal.ONE;
    BigDecimal termLo = BigDecimal.ONE;
    BigDecimal termHi = BigDecimal.ONE;
    int n = 1;
    BigDecimal eps = BigDecimal.ONE.movePointLeft(DIGITS + 5);
    while (true) {
      termLo = termLo.multiply(m).divide(BigDecimal.valueOf(n), DOWN);
      termHi = termHi.multiply(m).divide(BigDecimal.valueOf(n), UP);
      sumLo = sumLo.add(termLo, DOWN);
      sumHi = sumHi.add(termHi, UP);
      if (termHi.compareTo(eps) < 0) {
        break;
      }
      n++;
    }
    // tail Σ_{j>n} m^j/j! ≤ term_n · m/(n+1) · 1/(1 − m) ≤ 2·term_n·m/(n+1)
    BigDecimal tail = termHi.multiply(m).multiply(BigDecimal.valueOf(2))
        .divide(BigDecimal.valueOf(n + 1), UP);
    Interval r = new Interval(sumLo, sumHi.add(tail, UP));
    for (int i = 0; i < s; i++) {
      r = r.multiply(r);
    }
    return neg ? of(1).divide(r) : r;
  }

  /** Natural logarithm of a positive interval, by bisection on {@link #expOf} (rigorous). */
  public Interval log() {
    return new Interval(logBound(lo, false), logBound(hi, true));
  }

  private static BigDecimal logBound(BigDecimal y, boolean upper) {
    if (y.signum() <= 0) {
      throw new ArithmeticException("log of " + y);
    }
    double g = Math.log(y.doubleValue());
    BigDecimal step = new BigDecimal("1e-12");
    BigDecimal c = new BigDecimal(g);
    if (upper) {
      while (expOf(c).lo.compareTo(y) < 0) {
        c = c.add(step);
      }
    } else {
      while (expOf(c).hi.compareTo(y) > 0) {
        c = c.subtract(step);
      }
    }
    return c;
  }

  public boolean certainlyLessOrEqual(Interval o) {
    return hi.compareTo(o.lo) <= 0;
  }

  public boolean certainlyLess(Interval o) {
    return hi.compareTo(o.lo) < 0;
  }

  public boolean certainlyGreater(Interval o) {
    return lo.compareTo(o.hi) > 0;
  }

  public boolean contains(BigFraction v) {
    Interval e = of(v);
    return lo.compareTo(e.lo) <= 0 && hi.compareTo(e.hi) >= 0;
  }

  /** The midpoint, rounded to a double (for display only). */
  public double mid() {
    return lo.add(hi).divide(BigDecimal.valueOf(2), DOWN).doubleValue();
  }

  /** A short text: the midpoint to 6 digits, or the two ends when they differ by more. */
  public String show() {
    double a = lo.doubleValue();
    double b = hi.doubleValue();
    if (Math.abs(b - a) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b))) {
      return String.format(java.util.Locale.ROOT, "%.6g", mid());
    }
    return String.format(java.util.Locale.ROOT, "[%.6g, %.6g]", a, b);
  }

  @Override
  public String toString() {
    return show();
  }
}
