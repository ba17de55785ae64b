package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `xcert certify`: JSON fields, certificate files re-checked, and bad input. */
class CertifyCliTest {

  @TempDir
  Path dir;

  @Test
  void jsonLinesCarryExactBounds() throws IOException {
    CliTest.Run r = CliTest.run("certify", "monomial-deletion", "--d", "4..5", "--json");
    assertEquals(0, r.status(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(2, lines.size());
    Map<String, String> d4 = CliTest.jsonFields(lines.get(0));
    // C(4,2) − 1 = 5
    assertEquals("4", d4.get("d"));
    assertEquals("5", d4.get("optimum"));
    assertEquals("5", d4.get("lowerBound"));
    assertEquals("5", d4.get("upperBound"));
    assertEquals("true", d4.get("certified"));
    assertTrue(d4.get("method").contains("full LP"));
  }

  @Test
  void writtenCertificatesCheckAndTamperingIsCaught() throws IOException {
    CliTest.Run r = CliTest.run("certify", "binomial-insertion", "--d", "9", "--out",
        dir.toString());
    assertEquals(0, r.status(), r.err());
    Path cert = dir.resolve("binomial-insertion-d9.cert");
    assertTrue(Files.exists(cert));
    assertTrue(Files.exists(dir.resolve("binomial-insertion.json")));
    CliTest.Run ok = CliTest.run("certify", "--check", cert.toString(), "--json");
    assertEquals(0, ok.status(), ok.err());
    // 2^3 + 2^3 = 16
    assertEquals("16", CliTest.jsonFields(ok.out()).get("claimed_optimum"));
    assertEquals("true", CliTest.jsonFields(ok.out()).get("claim_holds"));
    Path wrong = dir.resolve("wrong.cert");
    Files.writeString(wrong, Files.readString(cert).replace("optimum 16", "optimum 17"));
    CliTest.Run bad = CliTest.run("certify", "--check", wrong.toString(), "--json");
    assertEquals(1, bad.status());
    assertEquals("false", CliTest.jsonFields(bad.out()).get("claim_holds"));
  }

  @Test
  void polynomialFamily() throws IOException {
    // x1·x2·x3 deletion: the monomial of d = 3, optimum C(3,1) − 1 = 2
    CliTest.Run r = CliTest.run("certify", "polynomial", "--poly", "x1*x2*x3", "--json",
        "--out", dir.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals("2", CliTest.jsonFields(r.out().strip()).get("optimum"));
    CliTest.Run ok = CliTest.run("certify", "--check", dir.resolve("polynomial-d3.cert")
        .toString(), "--json");
    assertEquals(0, ok.status(), ok.err() + ok.out());
  }

  private static void oneLine(CliTest.Run r, String... parts) {
    assertEquals(2, r.status(), r.out() + r.err());
    String err = r.err().strip();
    assertEquals(1, err.lines().count(), err);
    assertFalse(err.contains("Exception"), err);
    for (String p : parts) {
      assertTrue(err.contains(p), err + " lacks " + p);
    }
  }

  @Test
  void badInput() throws IOException {
    oneLine(CliTest.run("certify", "trinomial"), "FAMILY", "trinomial");
    oneLine(CliTest.run("certify", "monomial-deletion", "--d", "30"), "--d", "30");
    oneLine(CliTest.run("certify", "monomial-deletion", "--d", "two"), "--d");
    oneLine(CliTest.run("certify", "binomial-insertion", "--d", "2"), "--d", "3..");
    oneLine(CliTest.run("certify", "binomial-insertion", "--partition", "sideways"),
        "--partition");
    oneLine(CliTest.run("certify", "polynomial", "--poly", "x1 * * x2"), "--poly:1:");
    oneLine(CliTest.run("certify", "polynomial", "--poly", "x1*x2", "--x", "1,2,3"), "--x");
    oneLine(CliTest.run("certify", "polynomial"), "--poly");
    oneLine(CliTest.run("certify", "monomial-deletion", "--full", "--symmetric"), "--full");
    CliTest.run("certify", "monomial-deletion", "--d", "5", "--out", dir.toString());
    Path c = dir.resolve("monomial-deletion-d5.cert");
    Path mismatched = dir.resolve("m.cert");
    Files.writeString(mismatched, Files.readString(c).replace("alpha 1/3", "alpha 1/3 1"));
    oneLine(CliTest.run("certify", "--check", mismatched.toString()), "alpha has 2 values");
    oneLine(CliTest.run("certify", "--check", dir.resolve("none.cert").toString()), "not found");
  }
}
