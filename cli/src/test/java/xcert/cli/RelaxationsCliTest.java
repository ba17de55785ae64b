package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `xcert explain rde|mask-suf|mask-nec|mask-uni`: the continuous relaxations on models whose answer
 * is clear by construction, reproducibility under a seed, the provenance they print, and bad input
 * ending in one line and exit status 2.
 */
class RelaxationsCliTest {

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  /** f(x) = 8x1 + 4x2 + 2x3 + x4: each feature's share of the distortion is w_i²-ordered. */
  private Path separated() throws IOException {
    return write("sep.json",
        "{\"type\": \"relu-network\", \"inputs\": 4, \"layers\": [{\"weights\": [[8, 4, 2, 1]], \"bias\": [0]}]}");
  }

  /** (x1 ∧ x2) ∨ (x3 ∧ ¬x3): x3 never matters. */
  private Path conjunction() throws IOException {
    return write("and.expr", "(x1 & x2) | (x3 & !x3)\n");
  }

  private static Map<String, String> ok(CliTest.Run r) throws IOException {
    assertEquals(0, r.status(), r.err());
    return CliTest.jsonFields(r.out());
  }

  private static int top(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best + 1;
  }

  @Test
  void rdeRanksTheHeaviestFeatureFirstInEveryMode() throws IOException {
    // Under uniform V at x = 1111, keeping feature i removes w_i(1/2) from the bias and w_i²/4 from
    // the variance of the obfuscated score, so feature 1 (w = 8) dominates every mode's objective.
    for (String mode : new String[] {"diag", "low-rank", "full", "samples"}) {
      Map<String, String> f = ok(CliTest.run("explain", "rde", "--model", separated().toString(),
          "--x", "1,1,1,1", "--distortion", mode, "--json"));
      double[] s = ExplainCliTest.doubles(f.get("values"));
      assertEquals(4, s.length);
      for (double v : s) {
        assertTrue(v >= 0 && v <= 1, mode + ": " + f.get("values"));
      }
      assertEquals(1, top(s), mode + ": " + f.get("values"));
      assertTrue(f.get("provenance").startsWith("heuristic, no error bound"), f.get("provenance"));
      assertTrue(f.get("settings").contains(mode), f.get("settings"));
    }
  }

  @Test
  void masksAreReproducibleAndFindTheConjunction() throws IOException {
    String[] args = {"explain", "mask-suf", "--model", conjunction().toString(), "--x", "111",
        "--seed", "4", "--json"};
    CliTest.Run a = CliTest.run(args);
    CliTest.Run b = CliTest.run(args);
    assertEquals(a.out(), b.out());
    Map<String, String> f = ok(a);
    double[] m = ExplainCliTest.doubles(f.get("values"));
    // x1 and x2 fixed make the output 1 surely; x3 changes nothing, so its mask is pushed to 0
    assertTrue(m[0] > m[2] && m[1] > m[2], f.get("values"));
    assertEquals("4", f.get("seed"));
    assertTrue(f.get("provenance").startsWith("heuristic, no error bound, n=10000, seed=4"),
        f.get("provenance"));
    CliTest.Run c = CliTest.run("explain", "mask-suf", "--model", conjunction().toString(), "--x",
        "111", "--seed", "5", "--json");
    // the mask may converge to the same corner, but the seeded estimates differ
    assertNotEquals(f.get("settings"), ok(c).get("settings"));
    for (String method : new String[] {"mask-nec", "mask-uni"}) {
      Map<String, String> g = ok(CliTest.run("explain", method, "--model",
          conjunction().toString(), "--x", "111", "--iterations", "200", "--json"));
      assertEquals(3, ExplainCliTest.doubles(g.get("values")).length);
    }
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws IOException {
    String net = separated().toString();
    String circ = conjunction().toString();
    Path csv = write("rows.csv", "0,1,0,1\n1,1,0,0\n");
    ExplainCliTest.assertBad(CliTest.run("explain", "rde", "--model", circ, "--x", "111"),
        "ADF needs a ReLU network");
    ExplainCliTest.assertBad(CliTest.run("explain", "rde", "--model", net, "--x", "1,1,1,1",
        "--distortion", "exact"), "--distortion");
    ExplainCliTest.assertBad(CliTest.run("explain", "mask-uni", "--model", net, "--x", "1,1,1,1",
        "--alpha", "2"), "--alpha");
    ExplainCliTest.assertBad(CliTest.run("explain", "mask-uni", "--model", net, "--x", "1,1,1,1",
        "--alpha", "0"), "mask-nec");
    ExplainCliTest.assertBad(CliTest.run("explain", "c-lime", "--model", net, "--x", "1,1,1,1",
        "--dist", "uniform"), "--dist");
    ExplainCliTest.assertBad(CliTest.run("explain", "rde", "--model", net, "--x", "1,1,1,1",
        "--sigma", "1"), "--sigma");
    ExplainCliTest.assertBad(CliTest.run("explain", "mask-nec", "--model", net, "--x", "1,1,1,1",
        "--necessity", "both"), "--necessity");
    ExplainCliTest.assertBad(CliTest.run("explain", "mask-nec", "--model", net, "--x", "1,1,1,1",
        "--lambda-tv", "1"), "--grid-width");
    ExplainCliTest.assertBad(CliTest.run("explain", "mask-nec", "--model", net, "--x", "1,1,1,1",
        "--lambda-tv", "1", "--grid-width", "3"), "gridWidth must divide d = 4");
    ExplainCliTest.assertBad(CliTest.run("explain", "rde", "--model", net, "--x", "1,1,1,1",
        "--rank", "0"), "--rank");
    ExplainCliTest.assertBad(CliTest.run("explain", "rde", "--model", net, "--x", "1,1,1,1",
        "--dist", "conditional:" + csv), "depends on the kept set");
    ExplainCliTest.assertBad(CliTest.run("explain", "mask-suf", "--model", circ, "--x", "111",
        "--dist", "bernoulli:1/2,1/3"), "--dist");
  }
}
