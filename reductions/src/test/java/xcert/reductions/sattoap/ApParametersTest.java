package xcert.reductions.sattoap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** Lemma 3.6's and Theorem 3.4's numbers against values worked out by hand. */
class ApParametersTest {

  private static BigFraction q(long n, long d) {
    return BigFraction.of(n, d);
  }

  @Test
  void qAndP() {
    // q = ⌈log2 d − log2(1 − δ)⌉: d = 20, δ = 1/2: ⌈4.32 + 1⌉ = 6; δ = 3/4: ⌈4.32 + 2⌉ = 7
    assertEquals(6, ApParameters.q(20, q(1, 2)));
    assertEquals(7, ApParameters.q(20, q(3, 4)));
    // d = 50, δ = 1/2: ⌈5.64 + 1⌉ = 7; δ = 1/10: ⌈5.64 + 0.152⌉ = 6
    assertEquals(7, ApParameters.q(50, q(1, 2)));
    assertEquals(6, ApParameters.q(50, q(1, 10)));
    // an exact power of two: d = 4, δ = 1/2: log2 4 + 1 = 3 exactly, so q = 3 (not 4)
    assertEquals(3, ApParameters.q(4, q(1, 2)));
    // p = ⌊−log2 δ⌋ + 1: δ = 1/2 → 2; 3/4 → 1; 1/10 → ⌊3.32⌋ + 1 = 4; 1/4 → 3 (2^−2 = δ is not < δ)
    assertEquals(2, ApParameters.p(q(1, 2)));
    assertEquals(1, ApParameters.p(q(3, 4)));
    assertEquals(4, ApParameters.p(q(1, 10)));
    assertEquals(3, ApParameters.p(q(1, 4)));
  }

  @Test
  void lemmaParameters() {
    ApParameters a = ApParameters.forLemma(20, q(1, 2), null);
    assertEquals(120, a.kPrime());
    assertEquals(BigInteger.valueOf(120), a.mPrime());
    // d' = dq + m' + p = 120 + 120 + 2
    assertEquals(BigInteger.valueOf(242), a.variables());
  }

  @Test
  void theorem34MPrime() {
    // α = 1/2, d = 20, δ = 1/2: k' = 120, p = 2. 2k'(√k' + √p) ≈ 240·12.37 ≈ 2968;
    // (2k')^2 + 1 = 57601 is larger and an integer, so m' = 57601 exactly
    assertEquals(BigInteger.valueOf(57_601),
        ApParameters.forTheorem34(20, q(1, 2), q(1, 2)).mPrime());
    // α = 3/4: (2k')^{4/3} + 1 = 240^{4/3} + 1 ≈ 1492.4 → 1493; 2k'(k'^{1/4} + p^{1/4}) ≈ 240·4.50 ≈ 1080
    assertEquals(BigInteger.valueOf(1493),
        ApParameters.forTheorem34(20, q(1, 2), q(3, 4)).mPrime());
  }

  @Test
  void realPowersAreRigorousEnclosures() {
    Interval r2 = RealPowers.pow(BigFraction.of(2), q(1, 2), 64);
    assertTrue(r2.lo().multiply(r2.lo()).compareTo(BigFraction.of(2)) <= 0);
    assertTrue(r2.hi().multiply(r2.hi()).compareTo(BigFraction.of(2)) >= 0);
    assertTrue(r2.hi().subtract(r2.lo()).compareTo(q(1, 1L << 62)) < 0);
    assertEquals(Interval.exact(BigFraction.of(3)), RealPowers.pow(BigFraction.of(9), q(1, 2), 64));
    assertEquals(Interval.exact(q(4, 9)), RealPowers.pow(q(8, 27), q(2, 3), 64));
    assertEquals(Interval.exact(q(1, 4)), RealPowers.pow(BigFraction.of(16), q(-1, 2), 64));
    assertEquals(BigInteger.valueOf(10), RealPowers.rootFloor(BigInteger.valueOf(1000), 3));
    assertEquals(BigInteger.valueOf(9), RealPowers.rootFloor(BigInteger.valueOf(999), 3));
  }
}
