package xcert.ledger.seed002;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.certificates.fit.ExponentialFit;
import xcert.certificates.grouped.Corollary1Check;
import xcert.certificates.grouped.GroupedError;
import xcert.certificates.grouped.GroupedReading;
import xcert.certificates.orbit.ClosedForms;
import xcert.certificates.problem.ErrorKind;

/** The smallest counterexamples behind seed 002's failing verdicts, and the fits' criteria. */
class Seed002ErrataTest {

  @Test
  void eq5CountsTheEmptySetSoItsOptimumIsOneMoreThanDefinitionOnes() {
    assertEquals(BigInteger.TWO, ClosedForms.monomialDeletionOptimum(2, true));
    assertEquals(BigInteger.ONE, ClosedForms.monomialDeletionOptimum(2, false));
  }

  @Test
  void corollaryOneAsPrintedFailsAtTheEmptySetForD2() {
    // {([2], 1)}: as printed ∅ ⊆ [2] counts the group, f(x) − f(x) = 0, so the error is 1
    BigFraction e = GroupedError.at(Corollary1Check.p1(2), Corollary1Check.ones(2),
        Corollary1Check.beta1(2), ErrorKind.DELETION, GroupedReading.AS_PRINTED, 0L);
    assertEquals(BigFraction.ONE, e);
    assertEquals(BigFraction.ZERO, GroupedError.at(Corollary1Check.p1(2),
        Corollary1Check.ones(2), Corollary1Check.beta1(2), ErrorKind.DELETION,
        GroupedReading.AS_PROSE, 0L));
  }

  @Test
  void theorem2CurveIsAboveTheCertifiedOptimumAtD3() {
    // the binomial at d = 3, parts (1,1,1): certified optimum 2; the printed curve gives 8.04
    CertifiedOptima o = CertifiedOptima.compute(6);
    assertEquals(BigFraction.of(2), o.binomialMiddle().get(3));
    assertTrue(ExponentialFit.PAPER_INSERTION_APPENDIX.at(3) > 8);
  }

  @Test
  void theRefitsRaeIsTheSeedsPointZeroZeroEightAndTheMeanRelativeErrorIsNot() {
    CertifiedOptima o = CertifiedOptima.compute(10);
    double[] d = FitsCheck.keys(o.monomialDeletion());
    double[] y = FitsCheck.values(o.monomialDeletion());
    ExponentialFit f = ExponentialFit.exponential(d, y);
    assertEquals(0.664, FitsCheck.round3(f.slope()), 0);
    assertEquals(-1.159, FitsCheck.round3(f.intercept()), 0);
    assertEquals(0.008, FitsCheck.round3(FitsCheck.rae(f, d, y)), 0);
    assertEquals(0.048, FitsCheck.round3(f.relativeError(d, y)), 0);
  }
}
