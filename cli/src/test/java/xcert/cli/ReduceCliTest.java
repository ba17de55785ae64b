package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xcert.solvers.io.AigerFormat;
import xcert.solvers.io.ReluJsonFormat;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.ReluNetwork;

/**
 * `xcert reduce`: the numbers of each reduction on instances small enough to work out by hand (the
 * expected values below are derived in the comments, not taken from a run), written files read back,
 * and bad input.
 */
class ReduceCliTest {

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  /** (x1 ∨ x2) ∧ (¬x1 ∨ ¬x2): satisfiable, every model has exactly one true variable. */
  private Path xorCnf() throws IOException {
    return write("xor.cnf", "p cnf 2 2\n1 2 0\n-1 -2 0\n");
  }

  @Test
  void satToApOnASatisfiableFormula() throws IOException {
    CliTest.Run r = CliTest.run("reduce", "sat-to-ap", "--cnf", xorCnf().toString(), "--delta",
        "1/2", "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, String> f = CliTest.jsonFields(r.out());
    // q: least q with 2·2^-q <= 1/2 is 2; p: least p with 2^-p < 1/2 is 2; k' = m' = 2·2 = 4
    assertEquals("2", f.get("q"));
    assertEquals("2", f.get("p"));
    assertEquals("4", f.get("kPrime"));
    assertEquals("4", f.get("mPrime"));
    assertEquals("10", f.get("variables")); // k' + m' + p
    assertEquals("true", f.get("satisfiable"));
    // model with one true variable: S' = its 2 copies; the other variable's AND of 2 copies is 1
    // with probability 1/4, and Φ(1, w) = ¬w; ∧v (6 inputs) is 1 with probability 1/64:
    // P(Φ') = 1 − (1/4)(63/64) = 193/256; union bound 1 − 1·2^-2 = 3/4
    assertEquals("2", f.get("witnessSize"));
    assertEquals("193/256", f.get("witnessRelevance_rational"));
    assertEquals("3/4", f.get("unionBound_rational"));
    assertEquals("true", f.get("claimHolds"));
  }

  @Test
  void satToApOnAnUnsatisfiableFormula() throws IOException {
    Path cnf = write("unsat.cnf", "p cnf 1 2\n1 0\n-1 0\n");
    CliTest.Run r = CliTest.run("reduce", "sat-to-ap", "--cnf", cnf.toString(), "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, String> f = CliTest.jsonFields(r.out());
    // d = 1, δ = 1/2: q = 1, p = 2, k' = m' = 1, d' = 4; Φ' = ∧v over m' + p = 3 inputs
    assertEquals("4", f.get("variables"));
    assertEquals("false", f.get("satisfiable"));
    assertEquals("true", f.get("miterUnsatisfiable"));
    assertEquals("1/4", f.get("bestRelevanceAtMPrime_rational")); // 2^-p
    assertEquals("2", f.get("leastRelevantSize")); // m' + 1
    assertEquals("true", f.get("claimHolds"));
    CliTest.Run m3 = CliTest.run("reduce", "sat-to-ap", "--cnf", cnf.toString(), "--m", "3",
        "--json");
    assertEquals("6", CliTest.jsonFields(m3.out()).get("variables"));
    assertEquals("4", CliTest.jsonFields(m3.out()).get("leastRelevantSize"));
  }

  @Test
  void satToApWithTheorem34() throws IOException {
    CliTest.Run r = CliTest.run("reduce", "sat-to-ap", "--cnf", xorCnf().toString(), "--alpha",
        "1/2", "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, String> f = CliTest.jsonFields(r.out());
    // m' = ⌈max(2·4·(√4 + √2), 8² + 1)⌉ = ⌈max(27.3…, 65)⌉ = 65
    assertEquals("65", f.get("mPrime"));
    assertEquals("71", f.get("variables"));
    String ineq = f.get("inequalities");
    assertEquals(8, ineq.split("\"holds\":true", -1).length - 1, ineq);
    String runs = f.get("decisionProcedure");
    assertFalse(runs.contains("\"correct\":false"), runs);
    assertTrue(runs.contains("\"correct\":true"), runs);
  }

  @Test
  void satToApWritesAigerDotAndWalkthrough() throws IOException {
    Path out = dir.resolve("out");
    CliTest.Run r = CliTest.run("reduce", "sat-to-ap", "--cnf", xorCnf().toString(), "--out",
        out.toString(), "--explain");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("## 4. The direction of the lemma that applies"), r.out());
    Circuit phiPrime = AigerFormat.read(out.resolve("xor-ap.aag"));
    assertEquals(10, phiPrime.dimension());
    // Φ'(1^d') = 1; with v all 1 Φ' is 1; with every input 0, Φ(0,0) = 0 and ∧v = 0
    boolean[] ones = new boolean[10];
    java.util.Arrays.fill(ones, true);
    assertTrue(phiPrime.evaluate(0, ones));
    assertFalse(phiPrime.evaluate(0, new boolean[10]));
    assertTrue(Files.readString(out.resolve("xor-ap.dot")).startsWith("digraph"));
    assertTrue(Files.readString(out.resolve("xor-ap-walkthrough.md")).contains("Conclusion"));
  }

  @Test
  void emajsatToRelevantYesAndNo() throws IOException {
    // φ = a1 ∧ (b1 ∨ b2): p(a1 = 1) = 3/4 > 1/2, a yes-instance
    Path yes = write("yes.expr", "x1 & (x2 | x3)\n");
    CliTest.Run r = CliTest.run("reduce", "emajsat-to-relevant", "--model", yes.toString(), "--n",
        "1", "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, String> f = CliTest.jsonFields(r.out());
    // n = 1, δ = 1/2 <= 3/4: n' = 2; lo = 3/8, hi = 3/8 + 2^-4 = 7/16. L = 2 fails (ρ = 1/4 gives
    // 17/32 > 1/2 for a no-instance), L = 3 with ρ = 1/8: 1/8 + 7/8·7/16 = 65/128 >= 1/2 >
    // 1/8 + 7/8·3/8 = 29/64. d' = 2·2 + (2 + 3)(2 + 1) = 19, k' = 2
    assertEquals("2", f.get("nPadded"));
    assertEquals("19", f.get("variables"));
    assertEquals("2", f.get("kPrime"));
    assertEquals("1/8", f.get("rho_rational"));
    assertEquals("3/4", f.get("maxProbability_rational"));
    assertEquals("true", f.get("emajsat"));
    assertEquals("true", f.get("relevantInput"));
    // the witness S_a has relevance ρ + (1 − ρ)·2^-2·(1 + 3/4) = 65/128
    assertEquals("65/128", f.get("witnessRelevance_rational"));
    assertEquals("true", f.get("claimHolds"));

    // φ = a1 ∧ b1 ∧ b2: p <= 1/4, a no-instance
    Path no = write("no.expr", "x1 & x2 & x3\n");
    Map<String, String> g = CliTest.jsonFields(CliTest.run("reduce", "emajsat-to-relevant",
        "--model", no.toString(), "--n", "1", "--json").out());
    assertEquals("1/4", g.get("maxProbability_rational"));
    assertEquals("false", g.get("emajsat"));
    assertEquals("false", g.get("relevantInput"));
    assertEquals("true", g.get("claimHolds"));
    // all C(19,0) + C(19,1) + C(19,2) = 1 + 19 + 171 candidate sets were asked
    assertEquals("191", g.get("oracleCalls"));
  }

  @Test
  void circuitToReluNetworkReadsBackAndComputesMajority() throws IOException {
    Path maj = write("maj.expr", "(x1 & x2) | (x1 & x3) | (x2 & x3)\n");
    Path out = dir.resolve("relu");
    CliTest.Run r = CliTest.run("reduce", "circuit-to-relu", "--model", maj.toString(), "--out",
        out.toString(), "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, String> f = CliTest.jsonFields(r.out());
    assertEquals("exhaustive", f.get("check"));
    assertEquals("8", f.get("points"));
    assertEquals("0", f.get("disagreements"));
    ReluNetwork net = ReluJsonFormat.read(out.resolve("maj-relu.json"));
    for (int y = 0; y < 8; y++) {
      double[] x = {y & 1, y >> 1 & 1, y >> 2 & 1};
      boolean majority = Integer.bitCount(y) >= 2;
      assertEquals(majority ? 1 : 0, net.label(x), "point " + y);
    }
    CliTest.Run s = CliTest.run("reduce", "circuit-to-relu", "--model", maj.toString(), "--check",
        "sampled", "--samples", "1000", "--seed", "3", "--json");
    Map<String, String> g = CliTest.jsonFields(s.out());
    assertEquals("1000", g.get("samples"));
    assertEquals("3", g.get("seed"));
    assertEquals("true", g.get("agrees"));
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
    String cnf = xorCnf().toString();
    Path malformed = write("bad.cnf", "p cnf 2 1\n1 x 0\n");
    oneLine(CliTest.run("reduce", "sat-to-ap", "--cnf", malformed.toString()), "bad.cnf");
    oneLine(CliTest.run("reduce", "sat-to-ap", "--cnf", dir.resolve("none.cnf").toString()),
        "none.cnf");
    oneLine(CliTest.run("reduce", "sat-to-ap", "--cnf", cnf, "--delta", "1.5"), "--delta", "(0,1)");
    oneLine(CliTest.run("reduce", "sat-to-ap", "--cnf", cnf, "--delta", "0"), "--delta");
    oneLine(CliTest.run("reduce", "sat-to-ap", "--cnf", cnf, "--delta", "half"), "--delta");
    oneLine(CliTest.run("reduce", "sat-to-ap", "--cnf", cnf, "--delta", "1e-99999999"),
        "--delta", "exponent");
    oneLine(CliTest.run("reduce", "sat-to-ap", "--cnf", cnf, "--alpha", "1"), "--alpha", "(0,1)");
    oneLine(CliTest.run("reduce", "sat-to-ap", "--cnf", cnf, "--m", "3"), "--m", "k' = 4");
    oneLine(CliTest.run("reduce", "sat-to-ap", "--cnf", cnf, "--m", "9", "--alpha", "1/2"), "--m");
    // α = 1/100: m' >= (2k')^100, far beyond what is built
    oneLine(CliTest.run("reduce", "sat-to-ap", "--cnf", cnf, "--alpha", "1/100"), "inputs");
    Path yes = write("yes.expr", "x1 & (x2 | x3)\n");
    oneLine(CliTest.run("reduce", "emajsat-to-relevant", "--model", yes.toString(), "--n", "1",
        "--delta", "0.3"), "--delta", "[1/2, 1)");
    oneLine(CliTest.run("reduce", "emajsat-to-relevant", "--model", yes.toString(), "--n", "4"),
        "--n", "0..3");
    Path maj = write("maj.expr", "(x1 & x2) | (x1 & x3) | (x2 & x3)\n");
    oneLine(CliTest.run("reduce", "circuit-to-relu", "--model", maj.toString(), "--check",
        "maybe"), "--check");
    oneLine(CliTest.run("reduce", "circuit-to-relu", "--model", maj.toString(), "--output", "2"),
        "--output");
    Path wide = write("wide.expr", "x1 & x27\n");
    oneLine(CliTest.run("reduce", "circuit-to-relu", "--model", wide.toString(), "--check",
        "exhaustive"), "d = 27");
    oneLine(CliTest.run("bench", "reductions", "--delta", "2"), "--delta", "(0,1)");
    oneLine(CliTest.run("bench", "reductions", "--baseline-n", "-1"), "--baseline-n");
  }
}
