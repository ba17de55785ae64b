package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 at the command line: numbers in ASCII digits only, strict files, each refusal one line on
 * stderr with exit status 2.
 */
class StrictInputCliTest {

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static void refused(String expected, String... args) {
    CliTest.Run r = CliTest.run(args);
    assertEquals(Main.BAD_INPUT, r.status(), r.err());
    assertEquals(expected + "\n", r.err().replace("\r\n", "\n"));
    assertEquals("", r.out());
  }

  @Test
  void numericOptionsTakeAsciiDigitsOnly() throws IOException {
    Path and = write("and.expr", "x1 & x2\n");
    refused("xcert: Invalid value for option '--samples': '\u0665\u0660' is not an integer: U+0665"
        + " is not an ASCII digit; expected the digits 0-9 (see: xcert explain --help)",
        "explain", "lime", "--model", and.toString(), "--x", "11", "--samples", "\u0665\u0660");
    refused("xcert: Invalid value for option '--seed': '\uFF15' is not an integer: U+FF15 is not an"
        + " ASCII digit; expected the digits 0-9 (see: xcert explain --help)",
        "explain", "lime", "--model", and.toString(), "--x", "11", "--seed", "\uFF15");
    refused("xcert: Invalid value for option '--samples': '0x10' is not an integer; expected decimal"
        + " digits 0-9 (see: xcert explain --help)",
        "explain", "lime", "--model", and.toString(), "--x", "11", "--samples", "0x10");
    refused("xcert: --d: '\uFF15' is not a number or range; expected ASCII digits, e.g. 20, 2..20"
        + " or 2,4,8", "certify", "monomial-deletion", "--d", "\uFF15");
    refused("xcert: Invalid value for option '--d' (D): '\uFF15' is not an integer: U+FF15 is not an ASCII"
        + " digit; expected the digits 0-9 (see: xcert bench exact --help)",
        "bench", "exact", "--d", "\uFF15");
  }

  @Test
  void strictFilesAreRefusedInOneLine() throws IOException {
    Path plus = write("plus.cnf", "p cnf 2 1\n+1 2 0\n");
    refused("xcert: " + plus + ":2:1: expected a literal such as 3 or -3, or 0 ending the clause,"
        + " found '+1' (DIMACS literals have no '+' sign and no leading zeros)",
        "exact", "sufficiency", "--model", plus.toString(), "--x", "11", "--set", "1");
    Path open = write("open.cnf", "p cnf 2 2\n1 0\n-2 1\n");
    refused("xcert: " + open + ":3:1: the clause starting here has no terminating 0 at the end of the"
        + " file; expected every clause, the last one too, to end with 0",
        "exact", "sufficiency", "--model", open.toString(), "--x", "11", "--set", "1");
    Path untyped = write("untyped.json", "{\"inputs\": 1, \"layers\": [{\"weights\": [[1]],"
        + " \"bias\": [0]}]}");
    refused("xcert: " + untyped + ":1:1: missing key \"type\"; expected \"type\": \"relu-network\""
        + " in the network object",
        "exact", "sufficiency", "--model", untyped.toString(), "--x", "1", "--set", "1");
    Path tiny = write("tiny.json", "{\"type\": \"relu-network\", \"inputs\": 1, \"layers\":"
        + " [{\"weights\": [[1e-400]], \"bias\": [0]}]}");
    refused("xcert: " + tiny + ":1:64: layer 1, row 1: weight 1 is 1e-400, which underflows a double"
        + " to 0; expected 0 or a number at least 4.9e-324 in magnitude",
        "exact", "sufficiency", "--model", tiny.toString(), "--x", "1", "--set", "1");
    Path latin1 = dir.resolve("latin1.expr");
    Files.write(latin1, new byte[] {'x', '1', ' ', '#', (byte) 0xE9, '\n'});
    refused("xcert: " + latin1 + ":1: byte 0xE9 at byte offset 4 is not UTF-8; expected UTF-8 text"
        + " (save the file as UTF-8)",
        "exact", "sufficiency", "--model", latin1.toString(), "--x", "1", "--set", "1");
  }
}
