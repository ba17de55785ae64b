package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 points 1 and 5 on the command line: {@code exact shapley|banzhaf} routes to the stream from
 * d = 16 and gives the table's values exactly; {@code --method stream} forces it; what the stream
 * cannot answer is refused in one line naming the option; a run estimated past the time limit is
 * stopped after its first blocks with the estimate, unless {@code --no-time-limit}.
 */
class StreamCliTest {

  @TempDir
  Path dir;

  /** A random 3-CNF on d variables at the phase transition, in DIMACS. */
  private Path cnf(int d, long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    int m = (int) Math.round(4.26 * d);
    StringBuilder sb = new StringBuilder("p cnf " + d + " " + m + "\n");
    for (int c = 0; c < m; c++) {
      int a = 1 + r.nextInt(d);
      int b;
      do {
        b = 1 + r.nextInt(d);
      } while (b == a);
      int e;
      do {
        e = 1 + r.nextInt(d);
      } while (e == a || e == b);
      for (int v : new int[] {a, b, e}) {
        sb.append(r.nextBoolean() ? v : -v).append(' ');
      }
      sb.append("0\n");
    }
    Path p = dir.resolve("r" + d + ".cnf");
    Files.writeString(p, sb.toString());
    return p;
  }

  private static Map<String, String> json(String... args) throws IOException {
    CliTest.Run r = CliTest.run(args);
    assertEquals(0, r.status(), r.err());
    return CliTest.jsonFields(r.out());
  }

  @Test
  void autoStreamsFromSixteenFeaturesAndEqualsTheTable() throws IOException {
    Path f = cnf(18, 7);
    for (String q : new String[] {"shapley", "banzhaf"}) {
      for (String dist : new String[] {"uniform", "bernoulli:1/4", "point:1-x"}) {
        if (dist.equals("point:1-x")) {
          dist = "point:" + "1,0,".repeat(9).replaceAll(",$", "");
        }
        Map<String, String> s = json("exact", q, "--model", f.toString(), "--x",
            "101100111000101011", "--dist", dist, "--json");
        Map<String, String> t = json("exact", q, "--model", f.toString(), "--x",
            "101100111000101011", "--dist", dist, "--method", "table", "--json");
        assertTrue(s.get("method").contains("stream"), s.get("method"));
        assertTrue(t.get("method").contains("butterfly") || t.get("method").contains("table"),
            t.get("method"));
        assertEquals(t.get("values"), s.get("values"), q + " under " + dist);
      }
    }
  }

  @Test
  void forcedStreamOnANetworkEqualsTheTable() throws IOException {
    String[] base = {"exact", "shapley", "--model", "../examples/net.json", "--x", "1,0,1",
        "--dist", "bernoulli:1/4", "--json"};
    Map<String, String> t = json(base);
    String[] forced = java.util.Arrays.copyOf(base, base.length + 2);
    forced[base.length] = "--method";
    forced[base.length + 1] = "stream";
    Map<String, String> s = json(forced);
    assertTrue(s.get("method").contains("stream"), s.get("method"));
    assertEquals(t.get("values"), s.get("values"));
  }

  private static void refused(String option, String fragment, String... args) {
    CliTest.Run r = CliTest.run(args);
    assertEquals(2, r.status(), r.out() + r.err());
    String err = r.err().strip();
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.startsWith("xcert: " + option + ": "), err);
    assertTrue(err.contains(fragment), err);
    assertFalse(err.contains("Exception"), err);
  }

  @Test
  void whatTheStreamCannotAnswerIsRefused() throws IOException {
    String f = cnf(18, 3).toString();
    refused("--method", "not 'fs'", "exact", "fs", "--model", f, "--method", "stream");
    refused("--game", "suf", "exact", "shapley", "--model", f, "--method", "stream", "--game",
        "suf");
    refused("--set", "partition value", "exact", "shapley", "--model", f, "--method", "stream",
        "--set", "1,2");
    refused("--float64", "exact", "exact", "shapley", "--model", f, "--method", "stream",
        "--float64");
    refused("--no-time-limit", "does not apply", "exact", "fs", "--model", f,
        "--no-time-limit");
    refused("--method", "2 values other than x_1", "exact", "shapley", "--model", "../examples/net.json",
        "--x", "1,0,1", "--dist", "product:" + productFile(), "--method", "stream");
  }

  private String productFile() throws IOException {
    Path p = dir.resolve("p.json");
    Files.writeString(p, "{\"features\": [{\"values\": [0, 1, 2], \"probabilities\": [\"1/4\", \"1/4\", "
        + "\"1/2\"]}, {\"values\": [0, 1], \"probabilities\": [\"1/2\", \"1/2\"]}, {\"values\": [0, 1], "
        + "\"probabilities\": [\"1/2\", \"1/2\"]}]}");
    return p.toString();
  }

  @Test
  void aRunPastTheTimeLimitIsStoppedWithItsEstimate() throws IOException {
    String f = cnf(46, 1).toString();
    // auto would take the compiled route at d = 46 (issue 20); the stream is forced here
    CliTest.Run r = CliTest.run("exact", "shapley", "--model", f, "--method", "stream");
    assertEquals(2, r.status(), r.err());
    String err = r.err().strip();
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.contains("would take about") && err.contains("--no-time-limit")
        && err.contains("2^46 (70368744177664) inputs"), err);
    assertEquals("", r.out());
  }
}
