package xcert.certificates.orbit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import xcert.certificates.Certifier;
import xcert.certificates.problem.BinomialPartition;
import xcert.certificates.problem.Families;

/**
 * For every d ≤ 14: the orbit certificate of each family, checked on the orbits, and the same
 * certificate lifted and checked on every set of the full LP, certify the same optimum; and the
 * closed forms stated in {@link ClosedForms} are what is certified.
 */
class FullAgainstSymmetricTest {

  @Test
  void everyFamilyEveryDUpTo14() {
    for (String fam : new String[] {Families.MONOMIAL_DELETION, Families.MONOMIAL_INSERTION,
        Families.BINOMIAL_INSERTION}) {
      for (int d = fam.equals(Families.BINOMIAL_INSERTION) ? 3 : 1; d <= 14; d++) {
        for (BinomialPartition.Rule rule : BinomialPartition.Rule.values()) {
          Certifier.Outcome full = Certifier.certify(fam, d, rule, Certifier.Mode.FULL);
          Certifier.Outcome sym = Certifier.certify(fam, d, rule, Certifier.Mode.SYMMETRIC);
          String where = fam + " d=" + d + " " + rule;
          assertTrue(full.certified(), where + " full: " + full.verification());
          assertTrue(sym.certified(), where + " symmetric: " + sym.verification());
          assertEquals(full.verification().optimum(), sym.verification().optimum(), where);
          assertEquals(1L << d, full.verification().sets(), where);
          if (!fam.equals(Families.BINOMIAL_INSERTION)) {
            break; // the rule only matters for the binomial
          }
        }
      }
    }
  }

  /** The closed forms, recomputed here by their definitions, match the certified optima. */
  @Test
  void closedFormsAreTheCertifiedOptima() {
    for (int d = 2; d <= 14; d++) {
      // C(d, ⌊d/2⌋) − 1 by the multiplicative formula
      BigInteger c = BigInteger.ONE;
      for (int k = 1; k <= d / 2; k++) {
        c = c.multiply(BigInteger.valueOf(d - d / 2 + k)).divide(BigInteger.valueOf(k));
      }
      assertEquals(c.subtract(BigInteger.ONE).longValueExact(), Certifier.certify(
          Families.MONOMIAL_DELETION, d, BinomialPartition.Rule.MIDDLE, Certifier.Mode.FULL)
          .verification().optimum().longValue(), "d=" + d);
      assertEquals(1, Certifier.certify(Families.MONOMIAL_INSERTION, d,
          BinomialPartition.Rule.MIDDLE, Certifier.Mode.FULL).verification().optimum().longValue());
    }
    for (int d = 4; d <= 14; d++) {
      for (BinomialPartition.Rule rule : BinomialPartition.Rule.values()) {
        BinomialPartition p = BinomialPartition.of(d, rule);
        if (p.n2() < 2) {
          continue;
        }
        long expect = (1L << p.n1()) + (1L << p.n3());
        assertEquals(expect, Certifier.certify(Families.BINOMIAL_INSERTION, d, rule,
            Certifier.Mode.FULL).verification().optimum().longValue(), p.toString());
      }
    }
  }

  @Test
  void symmetricCertificatesReachLargeD() {
    for (int d : new int[] {100, 333, 1000}) {
      Certifier.Outcome o = Certifier.certify(Families.BINOMIAL_INSERTION, d,
          BinomialPartition.Rule.MIDDLE, Certifier.Mode.SYMMETRIC);
      assertTrue(o.certified(), "d=" + d);
      BinomialPartition p = BinomialPartition.of(d, BinomialPartition.Rule.MIDDLE);
      assertEquals(BigInteger.ONE.shiftLeft(p.n1()).add(BigInteger.ONE.shiftLeft(p.n3())),
          o.verification().optimum().getNumerator());
      Certifier.Outcome m = Certifier.certify(Families.MONOMIAL_DELETION, d,
          BinomialPartition.Rule.MIDDLE, Certifier.Mode.SYMMETRIC);
      assertTrue(m.certified(), "monomial d=" + d);
    }
  }

  /** A wrong orbit certificate (one dual value changed) is rejected on the orbits and lifted. */
  @Test
  void aTamperedOrbitCertificateIsRejected() {
    MonomialOrbits s = new MonomialOrbits(6, xcert.certificates.problem.ErrorKind.DELETION, false);
    OrbitCertificate good = ClosedForms.monomialDeletion(6, false);
    org.apache.commons.numbers.fraction.BigFraction[] z = good.z();
    z[0] = z[0].negate();
    OrbitCertificate bad = new OrbitCertificate(good.alpha(), good.support(), z, "tampered");
    assertTrue(OrbitVerifier.verify(s, good).certified());
    assertTrue(!OrbitVerifier.verify(s, bad).certified());
    assertTrue(!xcert.certificates.check.Verifier.verify(Families.monomialDeletion(6),
        Lifting.lift(s, bad)).certified());
  }
}
