package xcert.reductions.sattoap;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * The numbers of seed 003's Lemma 3.6 (SAT ≤p AP) for a CNF on d variables and δ ∈ (0, 1):
 *
 * <ul>
 *   <li>q = ⌈log2 d − log2(1 − δ)⌉, the least integer with d·2^{−q} ≤ 1 − δ (the union bound of the
 *       proof's necessity part needs exactly this);
 *   <li>p = ⌊−log2 δ⌋ + 1, the least integer with 2^{−p} < δ (the sufficiency part needs it);
 *   <li>k' = d·q, the size of the witness S × [q];
 *   <li>m' ≥ k': for the lemma any m' that is polynomial in d; for Theorem 3.4,
 *       m' = ⌈max(2k'(k'^{1−α} + p^{1−α}), (2k')^{1/α} + 1)⌉.
 * </ul>
 *
 * <p>Both logarithm formulas are evaluated as the exact integer conditions above, so no rounding of a
 * logarithm can move q or p.
 *
 * @param d variables of Φ
 * @param delta δ
 * @param q copies of each variable
 * @param p extra v-inputs beyond m'
 * @param kPrime k' = d·q
 * @param mPrime m'
 * @param alpha α when m' comes from Theorem 3.4, else null
 */
public record ApParameters(int d, BigFraction delta, int q, int p, long kPrime, BigInteger mPrime,
    BigFraction alpha) {

  /** q: least integer with 2^q·(1 − δ) ≥ d. */
  public static int q(int d, BigFraction delta) {
    checkDelta(delta);
    BigFraction oneMinus = BigFraction.ONE.subtract(delta);
    int q = 0;
    while (oneMinus.multiply(BigFraction.of(BigInteger.ONE.shiftLeft(q))).compareTo(
        BigFraction.of(d)) < 0) {
      q++;
    }
    return q;
  }

  /** p: least integer p ≥ 0 with 2^{−p} < δ. */
  public static int p(BigFraction delta) {
    checkDelta(delta);
    int p = 0;
    while (BigFraction.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(p)).compareTo(delta) >= 0) {
      p++;
    }
    return p;
  }

  /** Lemma 3.6 with a chosen m' (null: m' = k', the least allowed). */
  public static ApParameters forLemma(int d, BigFraction delta, BigInteger mPrime) {
    if (d < 1) {
      throw new IllegalArgumentException("d must be >= 1");
    }
    int q = q(d, delta);
    long k = (long) d * q;
    BigInteger m = mPrime == null ? BigInteger.valueOf(k) : mPrime;
    if (m.compareTo(BigInteger.valueOf(k)) < 0) {
      throw new IllegalArgumentException("m' = " + m + " must be >= k' = " + k);
    }
    return new ApParameters(d, delta, q, p(delta), k, m, null);
  }

  /** Theorem 3.4: m' = ⌈max(2k'(k'^{1−α} + p^{1−α}), (2k')^{1/α} + 1)⌉, decided exactly. */
  public static ApParameters forTheorem34(int d, BigFraction delta, BigFraction alpha) {
    if (alpha.signum() <= 0 || alpha.compareTo(BigFraction.ONE) >= 0) {
      throw new IllegalArgumentException("α must be in (0,1), is " + alpha);
    }
    int q = q(d, delta);
    int p = p(delta);
    long k = (long) d * q;
    return new ApParameters(d, delta, q, p, k, Theorem34.mPrime(k, p, alpha), alpha);
  }

  /** d' = k' + m' + p, the inputs of Φ' (u has d·q = k' inputs, v has m' + p). */
  public BigInteger variables() {
    return BigInteger.valueOf(kPrime).add(mPrime).add(BigInteger.valueOf(p));
  }

  static void checkDelta(BigFraction delta) {
    if (delta.signum() <= 0 || delta.compareTo(BigFraction.ONE) >= 0) {
      throw new IllegalArgumentException("δ must be in (0,1), is " + delta);
    }
  }
}
