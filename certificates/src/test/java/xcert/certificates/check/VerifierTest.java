package xcert.certificates.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.certificates.problem.AttributionProblem;
import xcert.certificates.problem.Families;
import xcert.certificates.problem.SubsetFamily;

/**
 * The exact verifier on certificates written by hand for d = 2 and 3 (seed 002's monomial at x = 1),
 * including ones it must reject.
 */
class VerifierTest {

  /** Sets of d = 2 by mask: 0 = ∅, 1 = {1}, 2 = {2}, 3 = {1,2}. */
  private static DualVector y(long... numerators) {
    return DualVector.dense(numerators, BigInteger.ONE);
  }

  @Test
  void provesTheMonomialDeletionOptimumAtD2() {
    // c = (0, 1, 1, 1). α = (1, 1): errors |1−1|, |1−1|, |1−2| → upper bound 1.
    // y = (0, 1, 1, −1): row 1: y{1} + y{12} = 0, row 2 likewise; lower bound 1 + 1 − 1 = 1.
    Certificate c = new Certificate(new long[] {1, 1}, BigInteger.ONE, y(0, 1, 1, -1), "hand");
    Verification v = Verifier.verify(Families.monomialDeletion(2), c);
    assertTrue(v.dualFeasible(), v.infeasibility());
    assertEquals(BigFraction.ONE, v.lowerBound());
    assertEquals(BigFraction.ONE, v.upperBound());
    assertTrue(v.certified());
    assertEquals(4, v.sets());
  }

  @Test
  void rejectsAViolatedDualConstraint() {
    // y{1} + y{12} = 1 + 0 ≠ 0
    Certificate c = new Certificate(new long[] {1, 1}, BigInteger.ONE, y(0, 1, 1, 0), "hand");
    Verification v = Verifier.verify(Families.monomialDeletion(2), c);
    assertFalse(v.dualFeasible());
    assertFalse(v.certified());
    assertTrue(v.infeasibility().contains("Σ_{S∋1}"), v.infeasibility());
  }

  @Test
  void rejectsABoxViolation() {
    // y{1} = 2 breaks |y_S| ≤ 1 although the rows balance (2 − 2 = 0)
    Certificate c = new Certificate(new long[] {1, 1}, BigInteger.ONE, y(0, 2, 2, -2), "hand");
    Verification v = Verifier.verify(Families.monomialDeletion(2), c);
    assertFalse(v.dualFeasible());
    assertTrue(v.infeasibility().contains("|y_S| > 1"), v.infeasibility());
  }

  @Test
  void unequalBoundsAreNotAProof() {
    // α = (0, 0): upper bound 3; the feasible y gives 1; both reported, nothing certified
    Certificate c = new Certificate(new long[] {0, 0}, BigInteger.ONE, y(0, 1, 1, -1), "hand");
    Verification v = Verifier.verify(Families.monomialDeletion(2), c);
    assertTrue(v.dualFeasible());
    assertEquals(BigFraction.ONE, v.lowerBound());
    assertEquals(BigFraction.of(3), v.upperBound());
    assertFalse(v.certified());
  }

  @Test
  void roundingThatBreaksFeasibilityIsCaught() {
    // d = 3 insertion-like targets with y = ±1/3, written with 4-digit decimals: 3333/10000 − 1/3
    // leaves each row off by a tiny amount; a floating-point check would pass it
    AttributionProblem p = Families.monomialDeletion(3);
    long[] num = new long[8];
    // y{1} = y{2} = y{3} = 3333/10000, y{1,2,3} = −3333/10000: rows sum to 0 exactly; make one
    // entry 3334 to mimic rounding of 1/3 up
    num[1] = 3333;
    num[2] = 3333;
    num[4] = 3334;
    num[7] = -3333;
    Certificate c = new Certificate(new long[] {1, 1, 1}, BigInteger.valueOf(3),
        DualVector.dense(num, BigInteger.valueOf(10000)), "rounded");
    Verification v = Verifier.verify(p, c);
    assertFalse(v.dualFeasible(), "row 3 sums to 1/10000");
    assertTrue(v.infeasibility().contains("Σ_{S∋3}"), v.infeasibility());
  }

  @Test
  void bigNumbersTakeTheExactFallback() {
    // numerators near 2^61 overflow the long sums; the result must equal the small version
    long big = 1L << 61;
    AttributionProblem p = Families.monomialDeletion(2);
    Certificate small = new Certificate(new long[] {1, 1}, BigInteger.ONE, y(0, 1, 1, -1), "s");
    Certificate huge = new Certificate(new long[] {big, big}, BigInteger.valueOf(big),
        DualVector.dense(new long[] {0, big, big, -big}, BigInteger.valueOf(big)), "h");
    Verification a = Verifier.verify(p, small);
    Verification b = Verifier.verify(p, huge);
    assertTrue(b.certified());
    assertEquals(a.lowerBound(), b.lowerBound());
    assertEquals(a.upperBound(), b.upperBound());
  }

  @Test
  void listedFamiliesAreCheckedOnTheirSetsOnly() {
    // 𝒫 = {{1}, {1,2}} for the d = 2 monomial deletion: c = 1, 1. α = (1, 0) has zero error;
    // y = 0 is feasible; lower bound 0 = upper bound 0
    AttributionProblem p = Families.monomialDeletion(2).over(SubsetFamily.of(2, new long[] {1, 3}));
    Certificate c = new Certificate(new long[] {1, 0}, BigInteger.ONE, y(0, 0, 0, 0), "hand");
    Verification v = Verifier.verify(p, c);
    assertTrue(v.certified());
    assertEquals(BigFraction.ZERO, v.optimum());
    assertEquals(2, v.sets());
  }
}
