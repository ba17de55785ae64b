package xcert.certificates.orbit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import xcert.certificates.Certifier;
import xcert.certificates.check.Verification;
import xcert.certificates.check.Verifier;
import xcert.certificates.lp.DualLp;
import xcert.certificates.lp.OjAlgoSolver;
import xcert.certificates.problem.BinomialPartition;
import xcert.certificates.problem.Families;

/**
 * Every symmetric certificate for d ≤ 20 lifts to a certificate of the full LP (checked on all 2^d
 * sets), and ojAlgo, a pure-Java LP independent of OR-Tools and of the closed forms, finds the same
 * optimum values on the orbit LPs (to floating-point accuracy; its values are not a proof).
 */
class LiftTo20Test {

  @Test
  void symmetricCertificatesLiftForEveryDUpTo20() {
    for (String fam : new String[] {Families.MONOMIAL_DELETION, Families.MONOMIAL_INSERTION,
        Families.BINOMIAL_INSERTION}) {
      for (int d = fam.equals(Families.BINOMIAL_INSERTION) ? 3 : 1; d <= 20; d++) {
        OrbitStructure s = Certifier.structure(fam, d, BinomialPartition.Rule.MIDDLE);
        Certifier.Outcome sym = Certifier.certify(fam, d, BinomialPartition.Rule.MIDDLE,
            Certifier.Mode.SYMMETRIC);
        assertTrue(sym.certified(), fam + " d=" + d);
        Verification full = Verifier.verify(Certifier.problem(fam, d,
            BinomialPartition.Rule.MIDDLE), Lifting.lift(s, sym.certificate()));
        assertTrue(full.certified(), fam + " d=" + d + ": " + full);
        assertEquals(sym.verification().optimum(), full.optimum(), fam + " d=" + d);
        assertEquals(1L << d, full.sets());
      }
    }
  }

  @Test
  void ojAlgoAgreesOnTheOptimumValues() {
    for (String fam : new String[] {Families.MONOMIAL_DELETION, Families.MONOMIAL_INSERTION,
        Families.BINOMIAL_INSERTION}) {
      for (int d = fam.equals(Families.BINOMIAL_INSERTION) ? 3 : 2; d <= 20; d++) {
        OrbitStructure s = Certifier.structure(fam, d, BinomialPartition.Rule.MIDDLE);
        double exact = Certifier.certify(fam, d, BinomialPartition.Rule.MIDDLE,
            Certifier.Mode.SYMMETRIC).verification().optimum().doubleValue();
        double oj = OjAlgoSolver.solve(DualLp.of(s)).objective();
        assertEquals(exact, oj, 1e-6 * Math.max(1, exact), fam + " d=" + d);
      }
    }
  }
}
