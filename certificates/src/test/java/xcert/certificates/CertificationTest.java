package xcert.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xcert.certificates.problem.BinomialPartition;
import xcert.certificates.problem.MultilinearPolynomial;
import xcert.certificates.problem.PolynomialParser;
import xcert.solvers.errors.InputException;
import xcert.solvers.result.Provenance;

/** The public entry points: certify, write, re-check, and bad settings. */
class CertificationTest {

  private static BigInteger binomial(int n, int k) {
    BigInteger b = BigInteger.ONE;
    for (int i = 0; i < k; i++) {
      b = b.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
    }
    return b;
  }

  @Test
  void monomialDeletionIsCentralBinomialMinusOneAndCertified() {
    Certification.Run run = Certification.certify(Family.MONOMIAL_DELETION,
        Certification.Settings.defaults().withD(2, 8));
    assertEquals(7, run.results().size());
    for (Certification.Result r : run.results()) {
      assertTrue(r.certified());
      assertEquals(BigFraction.of(binomial(r.d(), r.d() / 2).subtract(BigInteger.ONE)),
          r.optimum());
      assertEquals(Provenance.Kind.CERTIFIED, r.provenance().kind());
      assertEquals("full LP", r.fields().get("checked"));
    }
  }

  @Test
  void symmetricBinomialAgreesWithTheFullLp() {
    Certification.Settings s = Certification.Settings.defaults().withD(3, 12)
        .withPartition(BinomialPartition.Rule.FIRST);
    Certification.Run full = Certification.certify(Family.BINOMIAL_INSERTION, s);
    Certification.Run sym = Certification.certify(Family.BINOMIAL_INSERTION,
        s.withSymmetric(true));
    for (int k = 0; k < full.results().size(); k++) {
      assertEquals(full.results().get(k).optimum(), sym.results().get(k).optimum());
      assertEquals("orbits", sym.results().get(k).fields().get("checked"));
      assertTrue(full.results().get(k).fields().containsKey("partition"));
    }
  }

  @Test
  void writtenFilesAreRecheckedAndTamperingIsCaught(@TempDir Path dir) throws IOException {
    Certification.Run run = Certification.certify(Family.BINOMIAL_INSERTION,
        Certification.Settings.defaults().withD(9, 10));
    run.write(dir);
    assertTrue(Files.exists(dir.resolve("binomial-insertion.json")));
    Path cert = dir.resolve("binomial-insertion-d9.cert");
    CertificateCheck.Verdict v = CertificateCheck.check(cert);
    assertTrue(v.certified());
    assertTrue(v.claimHolds());
    assertEquals(run.results().get(0).optimum(), v.claimedOptimum());
    assertEquals(Family.BINOMIAL_INSERTION, v.family());
    assertNull(v.infeasibility());
    Path wrong = dir.resolve("wrong.cert");
    Files.writeString(wrong, Files.readString(cert).replaceAll("(?m)^optimum .*$", "optimum 1"));
    assertFalse(CertificateCheck.check(wrong).claimHolds());
  }

  @Test
  void polynomialCertificateRoundTrips(@TempDir Path dir) throws IOException {
    MultilinearPolynomial f = PolynomialParser.parse("poly", "x1*x2 + 2*x2*x3*x4", -1);
    PolynomialCertification.Result r = PolynomialCertification.certify(f,
        PolynomialCertification.Settings.defaults()
            .withKind(PolynomialCertification.parseKind("insertion")));
    assertTrue(r.certified());
    Path file = r.write(dir);
    CertificateCheck.Verdict v = CertificateCheck.check(file);
    assertTrue(v.claimHolds());
    assertEquals(r.optimum(), v.claimedOptimum());
    assertEquals(Family.POLYNOMIAL, v.family());
  }

  @Test
  void badSettingsNameTheSettingNotAnOption() {
    InputException e = assertThrows(InputException.class, () -> Family.fromId("trinomial"));
    assertTrue(e.isSetting());
    assertTrue(e.problem().contains(String.join(", ", Family.ids().subList(0, 3))), e.problem());
    InputException d = assertThrows(InputException.class, () -> Certification.certify(
        Family.MONOMIAL_DELETION, Certification.Settings.defaults().withDs(List.of(30))));
    assertEquals("d", d.source());
    assertTrue(d.isSetting());
    assertFalse(d.getMessage().contains("--"));
    InputException x = assertThrows(InputException.class,
        () -> PolynomialCertification.parseX("1,2", 3));
    assertEquals("x", x.source());
  }
}
