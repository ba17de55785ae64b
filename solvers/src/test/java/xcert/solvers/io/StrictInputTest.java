package xcert.solvers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xcert.solvers.errors.Excerpt;
import xcert.solvers.errors.InputException;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.model.FeedForwardNetwork;
import xcert.solvers.num.Rationals;

/**
 * Issue 18, points 4 and 5 for the file readers: strict formats, underflow refused, byte-order marks
 * accepted, non-UTF-8 bytes named, tokens cut by one rule, no library internals in messages.
 */
class StrictInputTest {

  private static final String NET = "{\"type\": \"relu-network\", \"inputs\": 2,"
      + " \"layers\": [{\"weights\": [[1, %s]], \"bias\": [0]}]}";

  private static String message(Runnable r) {
    InputException e = assertThrows(InputException.class, r::run);
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    return e.getMessage();
  }

  private static DimacsFormat.Cnf cnf(String text) {
    return DimacsFormat.readClauses("f.cnf", new StringReader(text));
  }

  // ---------------------------------------------------------------- DIMACS literal syntax

  @Test
  void dimacsLiteralsHaveNoPlusSignAndNoLeadingZeros() {
    String why = " (DIMACS literals have no '+' sign and no leading zeros)";
    assertEquals("f.cnf:2:3: expected a literal such as 3 or -3, or 0 ending the clause, found '+1'"
        + why, message(() -> cnf("p cnf 2 1\n2 +1 0\n")));
    assertEquals("f.cnf:2:1: expected a literal such as 3 or -3, or 0 ending the clause, found '01'"
        + why, message(() -> cnf("p cnf 2 1\n01 2 0\n")));
    assertEquals("f.cnf:2:3: expected a literal such as 3 or -3, or 0 ending the clause, found '-0'"
        + why, message(() -> cnf("p cnf 2 1\n1 -0\n")));
    assertEquals("f.cnf:2:3: expected a literal such as 3 or -3, or 0 ending the clause, found '00'"
        + why, message(() -> cnf("p cnf 2 1\n1 00\n")));
    assertEquals("f.cnf:2:3: expected a literal such as 3 or -3, or 0 ending the clause, found"
        + " '2x'", message(() -> cnf("p cnf 2 1\n1 2x 0\n")));
    assertEquals("f.cnf:2:3: expected a literal such as 3 or -3, or 0 ending the clause, found"
        + " '٢'", message(() -> cnf("p cnf 2 1\n1 \u0662 0\n")));
    // what the format allows is still read
    assertEquals(List.of(-2, 1), java.util.Arrays.stream(cnf("p cnf 2 1\n-2 1 0\n").clauses()[0])
        .boxed().toList());
  }

  @Test
  void everyDimacsClauseEndsWithZero() {
    assertEquals("f.cnf:3:1: the clause starting here has no terminating 0 at the end of the file;"
        + " expected every clause, the last one too, to end with 0",
        message(() -> cnf("p cnf 3 2\n1 2 0\n-3 2\n")));
    // also when C counts the unterminated clause among more clauses than declared
    assertEquals("f.cnf:2:7: the clause starting here has no terminating 0 at the end of the file;"
        + " expected every clause, the last one too, to end with 0",
        message(() -> cnf("p cnf 3 1\n1 2 0 3")));
  }

  @Test
  void aLongDimacsTokenIsCut() {
    String token = "9".repeat(100_000) + "x";
    String m = message(() -> cnf("p cnf 2 1\n" + token + " 0\n"));
    assertEquals("f.cnf:2:1: expected a literal such as 3 or -3, or 0 ending the clause, found '"
        + "9".repeat(40) + "...' (100001 characters)", m);
    String big = "9".repeat(100_000);
    assertEquals("f.cnf:2:1: literal " + "9".repeat(40) + "... (100000 characters) names variable "
        + "9".repeat(40) + "... (100000 characters), but the p line (line 1) declares V=2; expected literals in ±1..±2",
        message(() -> cnf("p cnf 2 1\n" + big + " 0\n")));
  }

  // ---------------------------------------------------------------- the JSON formats

  @Test
  void aNetworkNeedsItsType() {
    String text = "{\"inputs\": 2, \"layers\": [{\"weights\": [[1, 1]], \"bias\": [0]}]}";
    assertEquals("n.json:1:1: missing key \"type\"; expected \"type\": \"relu-network\" in the"
        + " network object",
        message(() -> ReluJsonFormat.readNetwork("n.json", new StringReader(text))));
    assertEquals(2, ReluJsonFormat.readNetwork("n.json", new StringReader(String.format(NET, "1")))
        .network().inputs());
  }

  @Test
  void aWeightThatUnderflowsToZeroIsRefusedLikeOneThatOverflows() {
    assertEquals("n.json:1:67: layer 1, row 1: weight 2 is 1e-400, which underflows a double to 0;"
        + " expected 0 or a number at least 4.9e-324 in magnitude",
        message(() -> ReluJsonFormat.readNetwork("n.json",
            new StringReader(String.format(NET, "1e-400")))));
    assertEquals("n.json:1:67: layer 1, row 1: weight 2 is 1e400, expected a finite number",
        message(() -> ReluJsonFormat.readNetwork("n.json",
            new StringReader(String.format(NET, "1e400")))));
    assertEquals("n.json:1:67: layer 1, row 1: weight 2 is -0.0001e-320, which underflows a double"
        + " to 0; expected 0 or a number at least 4.9e-324 in magnitude",
        message(() -> ReluJsonFormat.readNetwork("n.json",
            new StringReader(String.format(NET, "-0.0001e-320")))));
    // zero written any way is zero, and the least subnormal is read
    for (String zero : List.of("0", "-0.0", "0e-400", "0.000E5")) {
      FeedForwardNetwork net = ReluJsonFormat.readNetwork("n.json",
          new StringReader(String.format(NET, zero))).network();
      assertEquals(0.0, net.layers().get(0).weightDouble(0, 1), zero);
    }
    assertEquals(Double.MIN_VALUE, ReluJsonFormat.readNetwork("n.json",
        new StringReader(String.format(NET, "4.9e-324"))).network().layers().get(0)
        .weightDouble(0, 1));
  }

  @Test
  void aCsvFieldThatUnderflowsIsRefused() {
    assertEquals("x.csv:2:3: field 2 is 1e-400, which underflows a double to 0; expected a number"
        + " a double holds (0 or at least 4.9e-324 in magnitude)",
        message(() -> CsvRows.read("x.csv", new StringReader("1,2\n0,1e-400\n"))));
  }

  @Test
  void jsonErrorsSayWhatAndWhereWithoutJacksonInternals() {
    Function<String, String> net = text -> message(() -> ReluJsonFormat.readNetwork("n.json",
        new StringReader(text)));
    assertEquals("n.json:1:12: malformed JSON: unrecognized word 'abc'; expected a JSON value (a"
        + " string, a number, an array, an object, true, false or null)",
        net.apply("{\"inputs\": abc}"));
    assertEquals("n.json:1:2: malformed JSON: unexpected 'a'; expected a key in double quotes (and"
        + " no comma before '}')", net.apply("{a: 1}"));
    assertEquals("n.json:1:15: malformed JSON: the file ends inside an object; expected '}'",
        net.apply("{\"inputs\": 1, "));
    assertEquals("n.json:1:26: malformed JSON: unexpected '}'; expected ']' to close the array",
        net.apply("{\"inputs\": 1, \"layers\": [}"));
    assertEquals("n.json:1:13: malformed JSON: a number with a leading zero; JSON numbers have none"
        + " (write 7, not 07)", net.apply("{\"inputs\": 07}"));
    assertEquals("n.json:1:13: malformed JSON: a number with a '+' sign; JSON numbers have none"
        + " (write 1, not +1)", net.apply("{\"inputs\": +1}"));
    String longNumber = net.apply("{\"inputs\": 1" + "0".repeat(1200) + "}");
    assertTrue(longNumber.startsWith("n.json:1:"), longNumber);
    assertTrue(longNumber.endsWith(": malformed JSON: a number of 1201 characters; xcert reads"
        + " numbers of at most 1000"), longNumber);
    String token = "t".repeat(200_000);
    // Jackson itself stops reading a bad word after 256 characters; the message shows 40 of them
    assertEquals("n.json:1:12: malformed JSON: unrecognized word '" + "t".repeat(40) + "...'"
        + "; expected a JSON value (a string, a number, an array, an object,"
        + " true, false or null)", net.apply("{\"inputs\": " + token + "}"));
    String key = "k".repeat(10_000);
    assertEquals("n.json:1:2: unknown key \"" + "k".repeat(40) + "...\" (10000 characters);"
        + " allowed keys are type, inputs, layers, head, threshold, threshold_rule",
        net.apply("{\"" + key + "\": 1}"));
    assertEquals("n.json:1:100004: malformed JSON: a key of 100000 characters; xcert reads keys of"
        + " at most 50000", net.apply("{\"" + "k".repeat(100_000) + "\": 1}"));
    for (String bad : List.of("{\"inputs\": 1 \"layers\": 2}", "[1 2]", "{\"a\": [1, 2}", "{\"a\": 1}}",
        "{\"a\": \"x\ny\"}", "{\"a\": \"\\q\"}", "{\"a\": -}", "{\"a\": 1.}", "{\"a\": .5}",
        "{\"a\": \"xy", "{\"inputs\": 1" + "1".repeat(1200) + "}")) {
      String m = net.apply(bad);
      for (String internal : List.of("Source", "code ", "Feature", "Constraints", "`", "JSON String",
          "CTRL-CHAR")) {
        assertFalse(m.contains(internal), () -> bad + " -> " + m);
      }
    }
  }

  @Test
  void aLayerWiderThanTheBoundIsRefusedAsItIsRead() {
    StringBuilder sb = new StringBuilder("{\"type\": \"relu-network\", \"inputs\": 1, \"layers\":"
        + " [{\"weights\": [");
    for (int i = 0; i <= Limits.MAX_LAYER_WIDTH; i++) {
      sb.append(i == 0 ? "[1]" : ",[1]");
    }
    // the rest of the 10^7 rows never comes: the reader stops at the first row past the bound
    TooLargeException e = assertThrows(TooLargeException.class, () -> ReluJsonFormat.readNetwork(
        "wide.json", new StringReader(sb.toString())));
    assertEquals("wide.json:1:" + (63 + 4 * Limits.MAX_LAYER_WIDTH) + ": layer 1 has more than "
        + Limits.MAX_LAYER_WIDTH + " rows (units), the widest layer xcert reads", e.getMessage());
  }

  // ---------------------------------------------------------------- encodings

  @Test
  void aByteOrderMarkIsAcceptedInEveryTextFormat(@TempDir Path dir) throws Exception {
    String bom = "\uFEFF";
    Path cnf = write(dir, "f.cnf", bom + "p cnf 1 1\n1 0\n");
    assertEquals(1, DimacsFormat.readClauses(cnf).clauseCount());
    Path aag = write(dir, "f.aag", bom + "aag 1 1 0 1 0\n2\n2\n");
    assertEquals(1, AigerFormat.read(aag).dimension());
    Path expr = write(dir, "f.expr", bom + "x1 & x2\n");
    assertEquals(2, ExprFormat.read(expr).dimension());
    Path json = write(dir, "n.json", bom + String.format(NET, "1"));
    assertEquals(2, ReluJsonFormat.readNetwork(json).network().inputs());
    Path dist = write(dir, "p.json", bom + "{\"features\": [{\"values\": [0, 1],"
        + " \"probabilities\": [\"1/2\", \"1/2\"]}]}");
    assertEquals(1, ProductSupportJson.read(dist).dimension());
    Path csv = write(dir, "x.csv", bom + "1,2\n3,4\n");
    assertEquals(2, CsvRows.read(csv).rows().length);
    Path attr = write(dir, "a.csv", bom + "1/2,1/4\n");
    assertEquals(Rationals.parse("1/4"), AttributionFile.read(attr, 2)[1]);
    Path attrJson = write(dir, "a.json", bom + "[0.5, 0.25]");
    assertEquals(Rationals.parse("1/2"), AttributionFile.read(attrJson, 2)[0]);
  }

  @Test
  void bytesThatAreNotUtf8AreNamedByLineAndOffset(@TempDir Path dir) throws Exception {
    byte[] head = "p cnf 2 1\nc caf".getBytes(StandardCharsets.US_ASCII);
    Path cnf = bytes(dir, "latin1.cnf", head, new byte[] {(byte) 0xE9}, "\n1 2 0\n".getBytes(
        StandardCharsets.US_ASCII));
    String where = cnf + ":2: byte 0xE9 at byte offset 15 is not UTF-8; expected UTF-8 text (save"
        + " the file as UTF-8)";
    assertEquals(where, message(() -> DimacsFormat.readClauses(cnf)));
    Path json = bytes(dir, "n.json", "{\"type\": \"relu-network\",\r\n\"inputs\": 1,\r\n".getBytes(
        StandardCharsets.US_ASCII), new byte[] {(byte) 0xFF}, "}".getBytes(StandardCharsets.US_ASCII));
    assertEquals(json + ":3: byte 0xFF at byte offset 40 is not UTF-8; expected UTF-8 text (save"
        + " the file as UTF-8)", message(() -> ReluJsonFormat.readNetwork(json)));
    // a multi-byte sequence cut short at the end of the file
    Path expr = bytes(dir, "f.expr", "x1 & x2 ".getBytes(StandardCharsets.US_ASCII),
        new byte[] {(byte) 0xE2, (byte) 0x88});
    assertEquals(expr + ":1: byte 0xE2 at byte offset 8 is not UTF-8; expected UTF-8 text (save"
        + " the file as UTF-8)", message(() -> ExprFormat.read(expr)));
    Path csv = bytes(dir, "x.csv", "1,2\n".getBytes(StandardCharsets.US_ASCII),
        new byte[] {(byte) 0xC0, (byte) 0x80});
    assertEquals(csv + ":2: byte 0xC0 at byte offset 4 is not UTF-8; expected UTF-8 text (save"
        + " the file as UTF-8)", message(() -> CsvRows.read(csv)));
    Path attr = bytes(dir, "a.json", new byte[] {'[', (byte) 0x80, ']'});
    assertEquals(attr + ":1: byte 0x80 at byte offset 1 is not UTF-8; expected UTF-8 text (save"
        + " the file as UTF-8)", message(() -> AttributionFile.read(attr, 1)));
  }

  // ---------------------------------------------------------------- one rule for long tokens

  @Test
  void aLongAigerLiteralIsCut() {
    String lit = "7".repeat(2_000_000);
    String m = message(() -> AigerFormat.read("f.aag", new StringReader("aag 1 1 0 1 0\n2\n" + lit
        + "\n")));
    assertEquals("f.aag:3:1: output literal " + "7".repeat(40) + "... (2000000 characters) exceeds 2M+1"
        + " = 3 (M=1 in the header)", m);
  }

  @Test
  void theExcerptRule() {
    assertEquals("'abc'", Excerpt.quote("abc"));
    assertEquals("'" + "a".repeat(40) + "'", Excerpt.quote("a".repeat(40)));
    assertEquals("'" + "a".repeat(40) + "...' (41 characters)", Excerpt.quote("a".repeat(41)));
    assertEquals("'a\\u000Ab'", Excerpt.quote("a\nb"));
    assertEquals("12", Excerpt.show("12"));
    assertEquals("\"k\"", Excerpt.quoteJson("k"));
  }

  @Test
  void rationalsAreWrittenInAsciiDigits() {
    NumberFormatException e = assertThrows(NumberFormatException.class,
        () -> Rationals.parse("\u0665\u0660"));
    assertEquals("'\u0665\u0660' is not a number (expected ASCII digits such as 3/8 or 0.375)",
        e.getMessage());
    assertThrows(NumberFormatException.class, () -> Rationals.parse("1/\uFF15"));
    assertEquals(Rationals.parse("50"), Rationals.parse(" 50 "));
  }

  private static Path write(Path dir, String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static Path bytes(Path dir, String name, byte[]... parts) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.write(p);
    }
    return Files.write(dir.resolve(name), out.toByteArray());
  }
}
