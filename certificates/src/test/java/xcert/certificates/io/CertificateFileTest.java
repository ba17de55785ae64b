package xcert.certificates.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

  // ---------------------------------------------------------------- issue 18

  private static final String GOOD = "xcert-certificate 1\nfamily monomial-deletion\nd 1\n"
      + "structure monomial\nalpha 0\noptimum 1\n";

  @Test
  void aByteOrderMarkIsAccepted(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("bom.cert"), "\uFEFF" + GOOD, StandardCharsets.UTF_8);
    assertEquals("monomial-deletion", CertificateFile.read(f).header().get("family"));
    assertEquals("1", CertificateFile.read("mem", new StringReader("\uFEFF" + GOOD)).header()
        .get("d"));
  }

  @Test
  void anUnknownLineIsRefused() {
    assertEquals("f.cert:4:1: unknown line 'colour blue'; expected a header line (family, d,"
        + " partition, structure, kind, poly, x, sets), 'alpha', 'z' or 'optimum'",
        bad(GOOD.replace("d 1\n", "d 1\ncolour blue\n")).getMessage());
    assertEquals("f.cert:4:1: unknown line 'zz 1 1'; expected a header line (family, d, partition,"
        + " structure, kind, poly, x, sets), 'alpha', 'z' or 'optimum'",
        bad(GOOD.replace("d 1\n", "d 1\nzz 1 1\n")).getMessage());
  }

  @Test
  void aRepeatedLineIsRefused() {
    assertEquals("f.cert:3:1: a second 'family' line; expected each header key once",
        bad(GOOD.replace("d 1\n", "family monomial-insertion\nd 1\n")).getMessage());
    assertEquals("f.cert:6:1: a second 'alpha' line; expected one",
        bad(GOOD.replace("alpha 0\n", "alpha 0\nalpha 1\n")).getMessage());
    assertEquals("f.cert:7:1: a second 'optimum' line; expected one",
        bad(GOOD + "optimum 2\n").getMessage());
  }

  @Test
  void tokensAreCutAndDigitsAreAscii() {
    String id = "9".repeat(100_000);
    assertEquals("f.cert:6:3: '" + "9".repeat(40) + "...' (100000 characters) is not a class id;"
        + " expected a non-negative integer",
        bad(GOOD.replace("optimum", "z " + id + " 1\noptimum")).getMessage());
    assertEquals("f.cert:6:3: '\u0661' is not a class id; expected a non-negative integer",
        bad(GOOD.replace("optimum", "z \u0661 1\noptimum")).getMessage());
    assertEquals("f.cert:5:1: '\u0665' is not a number (expected ASCII digits such as 3/8 or"
        + " 0.375)", bad(GOOD.replace("alpha 0", "alpha \u0665")).getMessage());
    String junk = "x".repeat(50_000);
    assertEquals("f.cert:1:1: expected the first line 'xcert-certificate 1', found '"
        + "x".repeat(40) + "...' (50000 characters)", bad(junk + "\n").getMessage());
  }

  @Test
  void bytesThatAreNotUtf8AreNamed(@TempDir Path dir) throws Exception {
    byte[] head = GOOD.substring(0, GOOD.indexOf("alpha")).getBytes(StandardCharsets.US_ASCII);
    byte[] b = java.util.Arrays.copyOf(head, head.length + 2);
    b[head.length] = '#';
    b[head.length + 1] = (byte) 0xE9;
    Path f = Files.write(dir.resolve("latin1.cert"), b);
    assertEquals(f + ":5: byte 0xE9 at byte offset " + (head.length + 1) + " is not UTF-8;"
        + " expected UTF-8 text (save the file as UTF-8)",
        assertThrows(InputException.class, () -> CertificateFile.read(f)).getMessage());
  }
}
