package xcert.reductions.sattoap;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * Seed 003 Theorem 3.4 (no d^{1−α}-approximation of MIN-RELEVANT-INPUT unless P = NP): the choice
 * m' = ⌈max(2k'(k'^{1−α} + p^{1−α}), (2k')^{1/α} + 1)⌉ and every inequality of its proof, decided with
 * exact rational enclosures of the real powers ({@link RealPowers}); an inequality is reported as held
 * only when the enclosures separate, or when both sides are exact and compare as claimed.
 *
 * <p>The chain, with d' = k' + m' + p: (1) k' ≤ m'; (2) m' > (2k')^{1/α}; (3) 1 − k'm'^{−α} > 1/2;
 * (4) m'(1 − k'm'^{−α}) > m'/2; (5) m'/2 ≥ k'(k'^{1−α} + p^{1−α}); (6) k'd'^{1−α} ≤ k'(k'^{1−α} +
 * m'^{1−α} + p^{1−α}) (subadditivity of z ↦ z^{1−α}); (7) k'(k'^{1−α} + m'^{1−α} + p^{1−α}) < m'; hence
 * (8) k'·d'^{1−α} < m', the gap that lets a d'^{1−α}-approximation decide the AP instance.
 */
public final class Theorem34 {

  private static final int START_BITS = 64;
  private static final int MAX_BITS = 1 << 14;

  private Theorem34() {}

  /**
   * One inequality of the proof.
   *
   * @param name its number in the chain
   * @param statement the inequality
   * @param holds decided and true
   * @param decided whether the enclosures separated (false: undecided at the precision limit)
   * @param lhs left side (enclosure)
   * @param rhs right side (enclosure)
   */
  public record Inequality(String name, String statement, boolean holds, boolean decided,
      Interval lhs, Interval rhs) {}

  /** m' = ⌈max(2k'(k'^{1−α} + p^{1−α}), (2k')^{1/α} + 1)⌉, exactly. */
  public static BigInteger mPrime(long k, int p, BigFraction alpha) {
    BigFraction oneMinus = BigFraction.ONE.subtract(alpha);
    BigFraction kk = BigFraction.of(k);
    for (int bits = START_BITS; bits <= MAX_BITS; bits *= 2) {
      Interval a = RealPowers.pow(kk, oneMinus, bits)
          .add(RealPowers.pow(BigFraction.of(p), oneMinus, bits)).scale(BigFraction.of(2 * k));
      Interval b = RealPowers.pow(BigFraction.of(2 * k), BigFraction.ONE.divide(alpha), bits)
          .add(Interval.exact(1));
      Interval max = new Interval(max(a.lo(), b.lo()), max(a.hi(), b.hi()));
      BigInteger c = max.ceilingIfDecided();
      if (c != null) {
        return c;
      }
    }
    throw new ArithmeticException("m' undecided at " + MAX_BITS + " bits");
  }

  private static BigFraction max(BigFraction a, BigFraction b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Sides of an inequality at a precision. */
  private interface Sides {
    Interval[] at(int bits);
  }

  /** sign: −1 means lhs < rhs, 1 means lhs > rhs, 0 means lhs ≤ rhs, 2 means lhs ≥ rhs. */
  private static Inequality decide(String name, String statement, Sides sides, int sign) {
    Interval[] s = null;
    for (int bits = START_BITS; bits <= MAX_BITS; bits *= 2) {
      s = sides.at(bits);
      Integer c = s[0].compare(s[1]);
      if (c == null) {
        continue;
      }
      boolean holds = switch (sign) {
        case -1 -> c < 0;
        case 1 -> c > 0;
        case 0 -> c <= 0;
        default -> c >= 0;
      };
      return new Inequality(name, statement, holds, true, s[0], s[1]);
    }
    return new Inequality(name, statement, false, false, s[0], s[1]);
  }

  /** Every inequality of the proof for the given parameters (built by forTheorem34). */
  public static List<Inequality> check(ApParameters a) {
    if (a.alpha() == null) {
      throw new IllegalArgumentException("parameters not built for Theorem 3.4");
    }
    BigFraction alpha = a.alpha();
    BigFraction oneMinus = BigFraction.ONE.subtract(alpha);
    BigFraction k = BigFraction.of(a.kPrime());
    BigFraction m = BigFraction.of(a.mPrime());
    BigFraction p = BigFraction.of(a.p());
    BigFraction dPrime = BigFraction.of(a.variables());
    BigFraction half = BigFraction.of(1, 2);
    IntFunction<Interval> kPow = bits -> RealPowers.pow(k, oneMinus, bits);
    IntFunction<Interval> mPow = bits -> RealPowers.pow(m, oneMinus, bits);
    IntFunction<Interval> pPow = bits -> RealPowers.pow(p, oneMinus, bits);
    IntFunction<Interval> mNegAlpha = bits -> RealPowers.pow(m, alpha.negate(), bits);
    List<Inequality> out = new ArrayList<>();
    out.add(decide("(1)", "k' ≤ m'", bits -> new Interval[] {Interval.exact(k),
        Interval.exact(m)}, 0));
    out.add(decide("(2)", "m' > (2k')^{1/α}", bits -> new Interval[] {Interval.exact(m),
        RealPowers.pow(k.multiply(2), BigFraction.ONE.divide(alpha), bits)}, 1));
    out.add(decide("(3)", "1 − k'm'^{−α} > 1/2", bits -> new Interval[] {
        Interval.exact(1).subtract(mNegAlpha.apply(bits).scale(k)), Interval.exact(half)}, 1));
    out.add(decide("(4)", "m'(1 − k'm'^{−α}) > m'/2", bits -> new Interval[] {
        Interval.exact(1).subtract(mNegAlpha.apply(bits).scale(k)).scale(m),
        Interval.exact(m.multiply(half))}, 1));
    out.add(decide("(5)", "m'/2 ≥ k'(k'^{1−α} + p^{1−α})", bits -> new Interval[] {
        Interval.exact(m.multiply(half)), kPow.apply(bits).add(pPow.apply(bits)).scale(k)}, 2));
    out.add(decide("(6)", "k'(k'+m'+p)^{1−α} ≤ k'(k'^{1−α} + m'^{1−α} + p^{1−α})",
        bits -> new Interval[] {RealPowers.pow(dPrime, oneMinus, bits).scale(k),
            kPow.apply(bits).add(mPow.apply(bits)).add(pPow.apply(bits)).scale(k)}, 0));
    out.add(decide("(7)", "k'(k'^{1−α} + m'^{1−α} + p^{1−α}) < m'", bits -> new Interval[] {
        kPow.apply(bits).add(mPow.apply(bits)).add(pPow.apply(bits)).scale(k),
        Interval.exact(m)}, -1));
    out.add(decide("(8)", "k'·d'^{1−α} < m'", bits -> new Interval[] {
        RealPowers.pow(dPrime, oneMinus, bits).scale(k), Interval.exact(m)}, -1));
    return out;
  }

  /** ⌊d'^{1−α}·k⌋, the largest output a d'^{1−α}-approximation may give when k* ≤ k. */
  public static BigInteger largestApproximation(ApParameters a, BigInteger k) {
    BigFraction oneMinus = BigFraction.ONE.subtract(a.alpha());
    for (int bits = START_BITS; bits <= MAX_BITS; bits *= 2) {
      Interval v = RealPowers.pow(BigFraction.of(a.variables()), oneMinus, bits)
          .scale(BigFraction.of(k));
      BigInteger lo = floor(v.lo());
      if (lo.equals(floor(v.hi()))) {
        return lo;
      }
    }
    throw new ArithmeticException("⌊d'^{1−α}k⌋ undecided");
  }

  static BigInteger floor(BigFraction f) {
    return Interval.ceil(f.negate()).negate();
  }
}
