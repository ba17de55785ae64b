package xcert.reductions.sattoap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** Every inequality of Theorem 3.4's proof over a grid of d, α, δ, decided exactly. */
class Theorem34Test {

  @Test
  void everyInequalityHoldsOnTheGrid() {
    int[] ds = {1, 2, 3, 7, 20, 50, 1000};
    BigFraction[] alphas = {BigFraction.of(1, 10), BigFraction.of(1, 3), BigFraction.of(1, 2),
        BigFraction.of(3, 4), BigFraction.of(99, 100)};
    BigFraction[] deltas = {BigFraction.of(1, 100), BigFraction.of(1, 2), BigFraction.of(3, 4),
        BigFraction.of(99, 100)};
    for (int d : ds) {
      for (BigFraction a : alphas) {
        for (BigFraction delta : deltas) {
          for (Theorem34.Inequality i : Theorem34.check(ApParameters.forTheorem34(d, delta, a))) {
            assertTrue(i.decided() && i.holds(), d + " " + a + " " + delta + ": " + i);
          }
        }
      }
    }
  }

  /** With m' = k' (enough for Lemma 3.6, not for Theorem 3.4) the gap (8) fails: the check can fail. */
  @Test
  void withoutTheGapTheConclusionFails() {
    ApParameters lemma = ApParameters.forLemma(20, BigFraction.of(1, 2), null);
    ApParameters wrong = new ApParameters(lemma.d(), lemma.delta(), lemma.q(), lemma.p(),
        lemma.kPrime(), lemma.mPrime(), BigFraction.of(1, 2));
    Theorem34.Inequality last = Theorem34.check(wrong).get(7);
    assertTrue(last.decided());
    assertFalse(last.holds(), last.toString());
  }
}
