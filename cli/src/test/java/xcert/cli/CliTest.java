package xcert.cli;

import xcert.explainers.explain.Backends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line end to end: answers worked out by hand, the JSON fields the README promises, and
 * bad input ending in one line on stderr with exit status 2.
 */
class CliTest {

  @TempDir
  Path dir;

  /** Exit status, stdout and stderr of one run. */
  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(status, out.toString(), err.toString());
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private Path majority() throws IOException {
    return write("maj.expr", "(x1 & x2) | (x1 & x3) | (x2 & x3)\n");
  }

  /** Top-level fields of a JSON object: scalars as their text, arrays and objects as compact JSON. */
  static Map<String, String> jsonFields(String json) throws IOException {
    Map<String, String> m = new HashMap<>();
    try (JsonParser p = new JsonFactory().createParser(json)) {
      assertEquals(JsonToken.START_OBJECT, p.nextToken());
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        m.put(name, t.isStructStart() ? compact(p) : p.getText());
      }
    }
    return m;
  }

  /** The array or object the parser stands at, as compact JSON. */
  private static String compact(JsonParser p) throws IOException {
    StringBuilder sb = new StringBuilder();
    boolean array = p.currentToken() == JsonToken.START_ARRAY;
    sb.append(array ? '[' : '{');
    boolean first = true;
    for (JsonToken t = p.nextToken(); !t.isStructEnd(); t = p.nextToken()) {
      sb.append(first ? "" : ",");
      first = false;
      if (t == JsonToken.FIELD_NAME) {
        sb.append('"').append(p.currentName()).append("\":");
        t = p.nextToken();
      }
      if (t.isStructStart()) {
        sb.append(compact(p));
      } else if (t == JsonToken.VALUE_STRING) {
        sb.append('"').append(p.getText()).append('"');
      } else {
        sb.append(p.getText());
      }
    }
    return sb.append(array ? ']' : '}').toString();
  }

  @Test
  void fsOfMajorityWithOneFeatureFixed() throws IOException {
    // majority at x = 110 with x1 kept: 1 whenever x2 or x3 is 1, so 3/4 under the uniform V
    Run r = run("exact", "fs", "--model", majority().toString(), "--x", "110", "--set", "1",
        "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, String> f = jsonFields(r.out());
    assertEquals("fs", f.get("query"));
    assertEquals("3", f.get("d"));
    assertEquals("0.75", f.get("value"));
    assertEquals("3/4", f.get("rational"));
    assertEquals("true", f.get("exact"));
    assertTrue(f.get("method").startsWith("exact"));
  }

  @Test
  void sufficiencyProblemListsEveryOptimalSet() throws IOException {
    // τ = 1: x = 110, Δsuf({1}) = Δsuf({2}) = 1/4, Δsuf({3}) = |1 − 1/4| = 3/4, Δsuf(∅) = 1/2
    Run r = run("exact", "sufficiency", "--model", majority().toString(), "--x", "110", "--tau",
        "1", "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, String> f = jsonFields(r.out());
    assertEquals("1/4", f.get("rational"));
    assertEquals("[[1],[2]]", f.get("sets"));
  }

  @Test
  void minRelevantAndRateDistortion() throws IOException {
    Run r = run("exact", "min-relevant", "--model", majority().toString(), "--x", "110",
        "--delta", "1", "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, String> f = jsonFields(r.out());
    // δ = 1 needs {1,2}: any single kept 1 leaves a 1/4 chance of a 0 majority
    assertEquals("2", f.get("value"));
    assertEquals("[[1,2]]", f.get("sets"));
    Run rd = run("exact", "rate-distortion", "--model", majority().toString(), "--x", "110",
        "--eps", "1/8");
    assertEquals(0, rd.status(), rd.err());
    // D({1}) = ½·P(x2 = x3 = 0) = 1/8, so R(1/8) = 1
    assertTrue(rd.out().lines().anyMatch(l -> l.startsWith("value") && l.trim().endsWith("1")),
        rd.out());
  }

  @Test
  void shapleyValuesSumToTheGap() throws IOException {
    // majority at 111 is symmetric: φ_j = (1 − 1/2)/3 = 1/6 each
    Run r = run("exact", "shapley", "--model", majority().toString(), "--x", "111", "--json");
    assertEquals(0, r.status(), r.err());
    assertEquals("[\"1/6\",\"1/6\",\"1/6\"]", jsonFields(r.out()).get("rationals"));
  }

  @Test
  void reluScoresAreExactUnlessFloat64IsAsked() throws IOException {
    Path net = write("net.json", "{\"type\": \"relu-network\", \"inputs\": 1, \"layers\": [{\"weights\": [[2.0]], "
        + "\"bias\": [-1.0]}, {\"weights\": [[1.0]], \"bias\": [0.0]}]}");
    // f(x) = relu(2x − 1); under the uniform V on {0,1}: f_∅ = (0 + 1)/2
    Run exact = run("exact", "fs", "--model", net.toString(), "--x", "1", "--set", "-", "--json");
    assertEquals(0, exact.status(), exact.err());
    assertEquals("1/2", jsonFields(exact.out()).get("rational"));
    Run f64 = run("exact", "fs", "--model", net.toString(), "--x", "1", "--set", "-", "--json",
        "--float64");
    Map<String, String> f = jsonFields(f64.out());
    assertEquals("false", f.get("exact"));
    assertFalse(f.containsKey("rational"));
  }

  private void assertOneLineError(Run r, String... fragments) {
    assertEquals(2, r.status(), r.out() + r.err());
    String err = r.err().strip();
    assertEquals(1, err.lines().count(), err);
    assertFalse(err.contains("Exception"), err);
    assertFalse(err.contains("\tat "), err);
    for (String f : fragments) {
      assertTrue(err.contains(f), () -> err + " lacks " + f);
    }
  }

  @Test
  void badInputEndsWithOneLineAndStatus2() throws IOException {
    String m = majority().toString();
    assertOneLineError(run("exact", "fs", "--model", dir.resolve("none.expr").toString()),
        "none.expr", "not found");
    assertOneLineError(run("exact", "fs", "--model", m, "--x", "10"), "--x", "length 2",
        "d=3");
    assertOneLineError(run("exact", "fs", "--model", m, "--dist", "bernoulli:1.5"), "--dist",
        "[0,1]");
    assertOneLineError(run("exact", "sufficiency", "--model", m, "--tau", "4"), "--tau", "0..3");
    assertOneLineError(run("exact", "unified", "--model", m, "--alpha", "-1", "--set", "1"),
        "--alpha");
    assertOneLineError(run("exact", "min-relevant", "--model", m, "--delta", "3/2"), "--delta");
    assertOneLineError(run("exact", "rate-distortion", "--model", m, "--eps", "-1"), "--eps");
    assertOneLineError(run("exact", "fs", "--model", m, "--set", "4"), "--set", "4");
    assertOneLineError(run("exact", "nonsense", "--model", m), "QUERY", "nonsense");
    assertOneLineError(run("exact", "fs", "--model", m, "--rho", "l7"), "--rho");
    assertOneLineError(run("exact", "fs", "--model", m, "--unknown"), "--unknown");
    assertOneLineError(run("exact", "fs", "--model", m, "--x", "1,2,0"), "0/1");
    assertOneLineError(run("exact", "sufficiency", "--model", m), "--set");
    assertOneLineError(run("bench", "nothing"), "nothing");
    assertOneLineError(run("reproduce", "--only", "nosuch", "--out", dir.toString()), "--only",
        "nosuch");
  }

  @Test
  void aFitTheSamplesCannotDetermineIsOneLine() {
    // c-lime fits 3 weights and an intercept: 2 samples leave the normal equations singular.
    assertOneLineError(run("explain", "c-lime", "--model", "../examples/net.json", "--x", "1,0,1",
        "--samples", "2", "--backend", "cpu"), "c-lime", "singular");
  }

  @Test
  void gpuWithoutADeviceIsRefusedBeforeAnythingRuns() {
    // CI has no GPU: every command that evaluates models refuses --backend gpu with one line.
    org.junit.jupiter.api.Assumptions.assumeTrue(
        xcert.explainers.explain.Backends.gpu().isEmpty(),
        "a CUDA device is present: the refusal without one is not run");
    Path report = dir.resolve("report");
    assertOneLineError(run("reproduce", "--backend", "gpu", "--out", report.toString()),
        "--backend", "GPU");
    assertFalse(Files.exists(report), "nothing is written when the backend is refused");
    assertOneLineError(run("reproduce", "--backend", "tpu", "--out", report.toString()),
        "--backend", "tpu", "auto, cpu or gpu");
    assertOneLineError(run("bench", "explainers", "--backend", "gpu"), "--backend", "GPU");
    assertOneLineError(run("bench", "explainers", "--backend", "tpu"), "--backend", "tpu");
  }

  @Test
  void malformedFilesNameFileLineAndColumn() throws IOException {
    Path aag = write("cyclic.aag", "aag 3 1 0 1 2\n2\n4\n4 6 2\n6 4 2\n");
    assertOneLineError(run("exact", "fs", "--model", aag.toString()), "cyclic.aag", "cycle");
    Path cnf = write("bad.cnf", "p cnf 3 1\n1 -4 0\n");
    assertOneLineError(run("exact", "fs", "--model", cnf.toString()), "bad.cnf:2");
    Path expr = write("bad.expr", "x1 & (x2 | \n");
    assertOneLineError(run("exact", "fs", "--model", expr.toString()), "bad.expr:1");
    Path json = write("bad.json", "{\"type\": \"relu-network\", \"inputs\": 2, \"layers\": [ {\"weights\": [[1, 2]]} ]}");
    assertOneLineError(run("exact", "fs", "--model", json.toString()), "bad.json:1");
    Path csv = write("rows.csv", "1,0,1\n0,1\n");
    assertOneLineError(run("exact", "fs", "--model", majority().toString(), "--dist",
        "csv:" + csv), "rows.csv:2");
  }

  @Test
  void tooLargeQuestionsAreRefusedBeforeAllocating() throws IOException {
    StringBuilder wide = new StringBuilder();
    for (int i = 1; i <= 40; i++) {
      wide.append(i == 1 ? "" : " | ").append('x').append(i);
    }
    Path expr = write("wide.expr", wide + "\n");
    // auto answers shapley here by the compiled route (issue 20); the table is asked for
    assertOneLineError(run("exact", "shapley", "--model", expr.toString(), "--method", "table"),
        "2^40");
  }
}
