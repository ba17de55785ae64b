package xcert.reductions.emajsat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.model.Circuit;

/** Theorem33Check on instances worked out by hand. */
class Theorem33CheckTest {

  /** φ(a1, b1, b2) = a1 ∧ (b1 ∨ b2), or a1 ∧ b1 ∧ b2. */
  private static EmajsatInstance instance(boolean yes) {
    Circuit.Builder b = Circuit.builder(3);
    int inner = yes ? b.or(b.input(2), b.input(3)) : b.and(b.input(2), b.input(3));
    return new EmajsatInstance(b.output(b.and(b.input(1), inner)).build(), 1);
  }

  @Test
  void yesInstance() {
    Theorem33Check.Result r = Theorem33Check.check(instance(true), BigFraction.of(1, 2));
    // p(a1 = 1) = Pr[b1 ∨ b2] = 3/4 > 1/2
    assertTrue(r.emajsat());
    assertEquals(BigFraction.of(3, 4), r.maxProbability());
    assertTrue(r.surveyAnswer());
    assertTrue(r.guessAndCount());
    // n = 1 at δ = 1/2 is padded to n' = 2; with L = 3 shift blocks, d' = 4 + (2 + 3)·3 = 19
    assertTrue(r.padded());
    assertEquals(19, r.variables());
    // Σ_{i ≤ 2} C(19, i) = 1 + 19 + 171
    assertEquals(191, r.sets());
    assertTrue(r.reductionHolds() && r.membershipHolds());
  }

  @Test
  void noInstance() {
    Theorem33Check.Result r = Theorem33Check.check(instance(false), BigFraction.of(3, 4));
    // p(a1 = 1) = 1/4
    assertFalse(r.emajsat());
    assertEquals(BigFraction.of(1, 4), r.maxProbability());
    assertFalse(r.surveyAnswer());
    assertFalse(r.guessAndCount());
    assertTrue(r.reductionHolds() && r.membershipHolds());
  }
}
