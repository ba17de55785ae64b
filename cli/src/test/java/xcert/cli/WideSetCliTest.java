package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 point 6: no 64-feature ceiling. On f = x1 ∧ x70 at x = 1…1 under the uniform distribution,
 * by hand: f(x) = 1, f_∅ = 1/4, f_{70}(x) = P(x1 = 1) = 1/2, f_{1,70}(x) = 1, and {1, 70} is the only
 * smallest sufficient reason. Sets beyond feature 64 are accepted by --set, counted right, and printed.
 */
class WideSetCliTest {

  @TempDir
  Path dir;

  private Map<String, String> json(String... args) throws IOException {
    CliTest.Run r = CliTest.run(args);
    assertEquals(0, r.status(), r.err());
    return CliTest.jsonFields(r.out());
  }

  @Test
  void setsBeyondFeature64() throws IOException {
    Path f = dir.resolve("a70.expr");
    Files.writeString(f, "x1 & x70\n");
    String x = "1".repeat(70);
    Map<String, String> fs = json("exact", "fs", "--model", f.toString(), "--x", x, "--set", "70",
        "--method", "count", "--json");
    assertEquals("1/2", fs.get("rational"));
    assertEquals("1.0", fs.get("f(x)"));
    assertEquals("0.25", fs.get("f_empty(x)"));
    assertEquals("[[70]]", fs.get("set"));
    Map<String, String> both = json("exact", "fs", "--model", f.toString(), "--x", x, "--set",
        "1,70", "--json");
    assertEquals("1", both.get("rational"));
    Map<String, String> rel = json("exact", "relevance", "--model", f.toString(), "--x", x,
        "--set", "69-70", "--delta", "3/4", "--json");
    assertEquals("false", rel.get("relevant"));
    assertEquals("1/2", rel.get("rational"));
    Map<String, String> min = json("exact", "min-relevant", "--model", f.toString(), "--x", x,
        "--delta", "1", "--method", "sat", "--json");
    assertEquals("[[1,70]]", min.get("sets"));
    CliTest.Run table = CliTest.run("exact", "min-relevant", "--model", f.toString(), "--x", x,
        "--delta", "1", "--method", "sat");
    assertEquals(0, table.status(), table.err());
    assertEquals(true, table.out().contains("{1,70}"), table.out());
  }
}
