package xcert.certificates.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.certificates.orbit.ClosedForms;
import xcert.certificates.orbit.OrbitCertificate;
import xcert.solvers.errors.InputException;

/** The certificate file format: round trip, and one clear error per malformed file. */
class CertificateFileTest {

  @Test
  void roundTrip() throws Exception {
    OrbitCertificate c = ClosedForms.monomialDeletion(9, false);
    Map<String, String> h = new LinkedHashMap<>();
    h.put("family", "monomial-deletion");
    h.put("d", "9");
    h.put("structure", "monomial");
    StringWriter w = new StringWriter();
    CertificateFile.write(w, h, c, BigFraction.of(125));
    CertificateFile.Contents back = CertificateFile.read("mem", new StringReader(w.toString()));
    assertEquals(h, back.header());
    assertArrayEquals(c.alpha(), back.certificate().alpha());
    assertArrayEquals(c.support(), back.certificate().support());
    assertArrayEquals(c.z(), back.certificate().z());
    assertEquals(BigFraction.of(125), back.claimedOptimum());
  }

  private static InputException bad(String text) {
    return assertThrows(InputException.class,
        () -> CertificateFile.read("f.cert", new StringReader(text)));
  }

  @Test
  void malformedFilesGetOneLine() {
    assertTrue(bad("hello\n").getMessage().startsWith("f.cert:1:1: expected the first line"));
    assertTrue(bad("").getMessage().contains("empty file"));
    assertTrue(bad("xcert-certificate 1\nalpha 1/x\noptimum 1\n").getMessage()
        .startsWith("f.cert:2"));
    assertTrue(bad("xcert-certificate 1\nalpha 1\nz 5 1\nz 3 1\noptimum 1\n").getMessage()
        .contains("must increase"));
    assertTrue(bad("xcert-certificate 1\nz 1 1\noptimum 1\n").getMessage().contains("alpha"));
    assertTrue(bad("xcert-certificate 1\nalpha 0\n").getMessage().contains("optimum"));
    assertTrue(bad("xcert-certificate 1\nalpha 0\nz one 1\noptimum 0\n").getMessage()
        .contains("not a class id"));
  }
}
