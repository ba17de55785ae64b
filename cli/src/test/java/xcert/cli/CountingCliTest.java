package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `xcert exact --method count|sat` on a 40-input circuit, beyond any table: answers worked out by hand.
 * Φ = x1 ∨ (x2 ∧ x3 ∧ … ∧ x40) under the uniform distribution, x = 1 0 1 1 … 1.
 */
class CountingCliTest {

  @TempDir
  Path dir;

  private Path circuit() throws IOException {
    StringBuilder e = new StringBuilder("x1 | (x2");
    for (int i = 3; i <= 40; i++) {
      e.append(" & x").append(i);
    }
    Path p = dir.resolve("wide.expr");
    Files.writeString(p, e.append(")\n").toString());
    return p;
  }

  private static String x() {
    return "10" + "1".repeat(38);
  }

  @Test
  void autoCountsSingleSetsOfAWideCircuit() throws IOException {
    // f_{1}(x) = 1 (x1 = 1 decides); f_∅ = 1/2 + 1/2 · 2^-39;
    // S = {2..40} fixes x2 = 0, which kills the AND: f_S = P(x1 = 1) = 1/2;
    // S = {3..40} leaves x1, x2 free: Φ = x1 ∨ x2, f_S = 3/4
    CliTest.Run r = CliTest.run("exact", "fs", "--model", circuit().toString(), "--x", x(),
        "--set", "1", "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, String> f = CliTest.jsonFields(r.out());
    assertEquals("1", f.get("rational"));
    assertTrue(f.get("method").contains("weighted model count"), f.get("method"));
    r = CliTest.run("exact", "fs", "--model", circuit().toString(), "--x", x(), "--set", "-",
        "--json");
    assertEquals("549755813889/1099511627776", CliTest.jsonFields(r.out()).get("rational"));
    r = CliTest.run("exact", "relevance", "--model", circuit().toString(), "--x", x(), "--set",
        "2-40", "--delta", "1/2", "--json");
    f = CliTest.jsonFields(r.out());
    assertEquals("1/2", f.get("rational"));
    assertEquals("true", f.get("relevant"));
    r = CliTest.run("exact", "relevance", "--model", circuit().toString(), "--x", x(), "--set",
        "3-40", "--delta", "4/5", "--json");
    f = CliTest.jsonFields(r.out());
    assertEquals("3/4", f.get("rational"));
    assertEquals("false", f.get("relevant"));
  }

  @Test
  void minRelevantByCountingAndBySat() throws IOException {
    // x1 alone is sufficient; no empty set is (Φ is not constant): the minimum is {1}
    CliTest.Run r = CliTest.run("exact", "min-relevant", "--model", circuit().toString(), "--x",
        x(), "--delta", "1", "--json");
    assertEquals(0, r.status(), r.err());
    assertEquals("[[1]]", CliTest.jsonFields(r.out()).get("sets"));
    r = CliTest.run("exact", "min-relevant", "--model", circuit().toString(), "--x", x(),
        "--delta", "1", "--method", "sat", "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, String> f = CliTest.jsonFields(r.out());
    assertEquals("1", f.get("value"));
    assertEquals("[[1]]", f.get("sets"));
    r = CliTest.run("exact", "relevance", "--model", circuit().toString(), "--x", x(), "--set",
        "2-40", "--method", "sat", "--json");
    assertEquals("false", CliTest.jsonFields(r.out()).get("relevant"));
  }

  @Test
  void tableOnlyQueriesAreRefused() throws IOException {
    // auto answers shapley at d = 40 by the compiled route (issue 20); count refuses it
    CliTest.Run r = CliTest.run("exact", "shapley", "--model", circuit().toString(), "--x", x(),
        "--method", "count");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("2^40") && r.err().contains("stream"), r.err());
    r = CliTest.run("exact", "min-relevant", "--model", circuit().toString(), "--x", x(),
        "--delta", "1/2", "--method", "sat");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("δ = 1"), r.err());
  }
}
