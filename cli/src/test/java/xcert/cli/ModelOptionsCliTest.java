package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xcert.cli.ExplainCliTest.assertBad;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model options of every command that takes --model (--output, --head, --threshold,
 * --strict-threshold), xcert eval, and the refusal of a real-valued x under the default
 * distribution: values worked out by hand, refusals in one line with exit status 2.
 */
class ModelOptionsCliTest {

  private static final String NET = "../examples/net.json";
  private static final String CLASSIFIER = "../examples/classifier.json";

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  /**
   * Two inputs, two outputs: out1 = relu(x1 - x2) + relu(x1 + x2 - 1), out2 = x1 + 2 x2 - 1
   * (as relu(z) - relu(-z)), with a sigmoid head.
   */
  private String twoOutputs() throws IOException {
    return write("two.json", "{\"type\": \"relu-network\", \"inputs\": 2, \"layers\": ["
        + "{\"weights\": [[1, -1], [1, 1], [1, 2], [-1, -2]], \"bias\": [0, -1, -1, 1]},"
        + "{\"weights\": [[1, 1, 0, 0], [0, 0, 1, -1]], \"bias\": [0, 0]}],"
        + " \"head\": \"sigmoid\"}").toString();
  }

  private static double sigma(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  // ---------------------------------------------------------------- xcert eval

  @Test
  void evalPrintsTheExactScoreOfTheExampleNetwork() throws IOException {
    // examples/net.json at (1,0,1): h = (1.5, 0.5), score = 1.5 + 1.5 * 0.5 + 0.25 = 5/2
    CliTest.Run r = CliTest.run("eval", "--model", NET, "--x", "1,0,1");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("value       2.5\n"), r.out());
    assertTrue(r.out().contains("rational    5/2\n"), r.out());
    assertFalse(r.out().contains("label"), r.out());
    assertTrue(r.out().contains("exact       true"), r.out());
    // at (0.5,-1,2): h = (3.5, 0.25), score = 3.5 + 0.375 + 0.25 = 33/8 >= 1: label 1
    Map<String, String> j = CliTest.jsonFields(CliTest.run("eval", "--model", CLASSIFIER,
        "--x", "0.5,-1,2", "--json").out());
    assertEquals("4.125", j.get("value"));
    assertEquals("33/8", j.get("rational"));
    assertEquals("1", j.get("label"));
    assertEquals("true", j.get("exact"));
  }

  @Test
  void evalMatchesAnIndependentForwardPassAtManyInputs() {
    // the weights of examples/net.json, written out here
    java.util.Random rnd = new java.util.Random(4);
    for (int k = 0; k < 20; k++) {
      double x1 = rnd.nextInt(17) / 4.0 - 2;
      double x2 = rnd.nextInt(17) / 4.0 - 2;
      double x3 = rnd.nextInt(17) / 4.0 - 2;
      double h1 = Math.max(0, x1 - 2 * x2 + 0.5 * x3);
      double h2 = Math.max(0, 0.5 * x1 + x2 + x3 - 1);
      double score = h1 + 1.5 * h2 + 0.25; // exact: quarters times small factors
      Map<String, String> j;
      try {
        j = CliTest.jsonFields(CliTest.run("eval", "--model", NET, "--x",
            x1 + "," + x2 + "," + x3, "--json").out());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      assertEquals(score, Double.parseDouble(j.get("value")));
    }
  }

  @Test
  void evalThresholdAndStrictRuleDecideATie() throws IOException {
    // score 5/2 at (1,0,1): >= 2.5 gives 1, > 2.5 gives 0
    assertEquals("1", CliTest.jsonFields(CliTest.run("eval", "--model", NET, "--x", "1,0,1",
        "--threshold", "2.5", "--json").out()).get("label"));
    assertEquals("0", CliTest.jsonFields(CliTest.run("eval", "--model", NET, "--x", "1,0,1",
        "--threshold", "2.5", "--strict-threshold", "--json").out()).get("label"));
    // the file's threshold 1 replaced by 3: 5/2 < 3
    assertEquals("0", CliTest.jsonFields(CliTest.run("eval", "--model", CLASSIFIER, "--x",
        "1,0,1", "--threshold", "3", "--json").out()).get("label"));
  }

  @Test
  void evalOutputsAndTheProbabilityHead() throws IOException {
    String two = twoOutputs();
    // at (1, 0.5): out1 = relu(0.5) + relu(0.5) = 1, out2 = 1 + 1 - 1 = 1; at (2, 1): out2 = 3
    Map<String, String> o2 = CliTest.jsonFields(CliTest.run("eval", "--model", two, "--x",
        "2,1", "--output", "2", "--json").out());
    assertEquals("3", o2.get("rational"));
    assertEquals("2", o2.get("output"));
    Map<String, String> o1 = CliTest.jsonFields(CliTest.run("eval", "--model", two, "--x",
        "1,0.5", "--output", "1", "--json").out());
    assertEquals("1", o1.get("rational"));
    Map<String, String> p = CliTest.jsonFields(CliTest.run("eval", "--model", two, "--x",
        "2,1", "--output", "2", "--head", "probability", "--json").out());
    assertEquals(sigma(3), Double.parseDouble(p.get("value")), 1e-15);
    assertFalse(p.containsKey("rational"));
    assertEquals("false", p.get("exact"));
    assertTrue(p.get("provenance").contains("float64: the sigmoid head is transcendental"),
        p.get("provenance"));
    // a circuit: majority of 110 is 1; the half adder's second output (carry) of 11 is 1
    assertEquals("1", CliTest.jsonFields(CliTest.run("eval", "--model",
        "../examples/majority3.expr", "--x", "110", "--json").out()).get("label"));
    assertEquals("1", CliTest.jsonFields(CliTest.run("eval", "--model",
        "../examples/half-adder.aag", "--x", "11", "--output", "2", "--json").out())
        .get("rational"));
  }

  // ---------------------------------------------------------------- refusals, one line, exit 2

  @Test
  void selectionsThatDoNotApplyAreRefused() throws IOException {
    String two = twoOutputs();
    for (String cmd : new String[] {"eval", "exact", "explain", "oracle"}) {
      assertBad(run(cmd, two, "--x", "11"), "--output: is needed");
      assertBad(run(cmd, two, "--x", "11", "--output", "3"), "--output: 3 is out of range");
      assertBad(run(cmd, NET, "--x", "101", "--head", "probability"),
          "--head: probability needs a Sigmoid or Softmax head");
      assertBad(run(cmd, NET, "--x", "101", "--head", "logits"),
          "--head: 'logits' is not a head use; expected logit or probability");
      assertBad(run(cmd, NET, "--x", "101", "--strict-threshold"),
          "--strict-threshold: needs a threshold");
      assertBad(run(cmd, "../examples/majority3.expr", "--x", "110", "--threshold", "0"),
          "--threshold: applies to networks");
      assertBad(run(cmd, "../examples/majority3.expr", "--x", "110", "--head", "logit"),
          "--head: applies to networks");
      assertBad(run(cmd, "../examples/majority3.expr", "--x", "110", "--output", "2"),
          "--output: 2 is out of range");
      assertBad(run(cmd, NET, "--x", "101", "--threshold", "NaN"), "--threshold:");
    }
  }

  /** A command with its required arguments besides --model and the given ones. */
  private CliTest.Run run(String cmd, String model, String... more) throws IOException {
    java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of(cmd));
    switch (cmd) {
      case "exact" -> a.add("shapley");
      case "explain" -> a.add("kernelshap-limit");
      case "oracle" -> a.addAll(java.util.List.of("--against", "shapley", "--attribution",
          write("phi.csv", "0,0\n").toString()));
      default -> { }
    }
    a.add("--model");
    a.add(model);
    a.addAll(java.util.List.of(more));
    return CliTest.run(a.toArray(new String[0]));
  }

  // ---------------------------------------------------------------- real x, default distribution

  @Test
  void aRealValuedXWithoutDistIsRefusedWhereTheDefaultDistributionApplies() throws IOException {
    String line = "--x: x_1 = 0.5 is not in {0,1}, and without --dist the reference distribution"
        + " is uniform on {0,1}^3; pass --dist";
    assertBad(CliTest.run("exact", "shapley", "--model", NET, "--x", "0.5,0,1"), line);
    assertBad(CliTest.run("exact", "fs", "--model", NET, "--x", "0.5,0,1", "--set", "1"),
        "csv:FILE");
    assertBad(CliTest.run("explain", "rde", "--model", NET, "--x", "0.5,0,1"), line);
    assertBad(CliTest.run("oracle", "--model", NET, "--x", "0.5,0,1", "--against", "shapley",
        "--attribution", write("phi.csv", "0,0,0\n").toString()), line);
    // with --dist nothing changes: f_{1}(x) under the point mass at 0 = f(0.5, 0, 0)
    // = relu(0.5) + 1.5 relu(0.25 - 1) + 0.25 = 3/4
    CliTest.Run ok = CliTest.run("exact", "fs", "--model", NET, "--x", "0.5,0,1", "--set", "1",
        "--dist", "point:0,0,0", "--json");
    assertEquals(0, ok.status(), ok.err());
    assertEquals("3/4", CliTest.jsonFields(ok.out()).get("rational"));
    Path rows = write("rows.csv", "0,0,0\n0.5,1,1\n");
    assertEquals(0, CliTest.run("exact", "shapley", "--model", NET, "--x", "0.5,0,1",
        "--dist", "csv:" + rows).status());
    // methods that use no distribution take a real x as before
    assertEquals(0, CliTest.run("explain", "kernelshap-limit", "--model", NET, "--x",
        "0.5,0,1").status());
    // a circuit keeps its own refusal
    assertBad(CliTest.run("exact", "shapley", "--model", "../examples/majority3.expr", "--x",
        "0.5,1,0"), "a circuit takes 0/1 inputs");
  }

  // ---------------------------------------------------------------- the options on each command

  @Test
  void exactExplainAndOracleUseTheChosenOutput() throws IOException {
    String two = twoOutputs();
    // output 2 is the linear x1 + 2 x2 - 1: under uniform {0,1}^2 at x = (1,1) its Shapley
    // values are w_i (x_i - 1/2) = (1/2, 1)
    Map<String, String> e = CliTest.jsonFields(CliTest.run("exact", "shapley", "--model", two,
        "--x", "11", "--output", "2", "--json").out());
    assertEquals("[\"1/2\",\"1\"]", e.get("rationals"));
    CliTest.Run x = CliTest.run("explain", "kernelshap-limit", "--model", two, "--x", "11",
        "--output", "2", "--json");
    assertEquals(0, x.status(), x.err());
    // kernelshap-limit with reference 0: w_i x_i = (1, 2)
    assertEquals("[\"1\",\"2\"]", CliTest.jsonFields(x.out()).get("rationals"));
    CliTest.Run o = CliTest.run("oracle", "--model", two, "--x", "11", "--output", "2",
        "--against", "shapley", "--attribution", write("phi.csv", "0.5,1\n").toString());
    assertEquals(0, o.status(), o.out() + o.err());
    // a circuit's --output is unchanged: the half adder's carry (x1 AND x2) at 11 under uniform:
    // Shapley values 3/8 each
    Map<String, String> c = CliTest.jsonFields(CliTest.run("exact", "shapley", "--model",
        "../examples/half-adder.aag", "--x", "11", "--output", "2", "--json").out());
    assertEquals("[\"3/8\",\"3/8\"]", c.get("rationals"));
  }

  @Test
  void aProbabilityHeadIsAnsweredInFloat64AndSaysWhy() throws IOException {
    String two = twoOutputs();
    // p = σ(x1 + 2 x2 - 1) at x = (1,1) under uniform {0,1}^2: f(00) = σ(-1), f(10) = σ(0),
    // f(01) = σ(1), f(11) = σ(2)
    double f00 = sigma(-1);
    double f10 = sigma(0);
    double f01 = sigma(1);
    double f11 = sigma(2);
    double fe = (f00 + f10 + f01 + f11) / 4;
    double f1 = (f10 + f11) / 2;
    double f2 = (f01 + f11) / 2;
    double phi1 = ((f1 - fe) + (f11 - f2)) / 2;
    double phi2 = ((f2 - fe) + (f11 - f1)) / 2;
    CliTest.Run r = CliTest.run("exact", "shapley", "--model", two, "--x", "11", "--output", "2",
        "--head", "probability", "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, String> j = CliTest.jsonFields(r.out());
    assertEquals("false", j.get("exact"));
    assertTrue(j.get("method").contains("float64: the sigmoid head is transcendental"),
        j.get("method"));
    String[] v = j.get("values").replaceAll("[\\[\\]]", "").split(",");
    assertEquals(phi1, Double.parseDouble(v[0]), 1e-14);
    assertEquals(phi2, Double.parseDouble(v[1]), 1e-14);
    // the oracle grades against the same float64 values
    CliTest.Run o = CliTest.run("oracle", "--model", two, "--x", "11", "--output", "2",
        "--head", "probability", "--against", "shapley", "--attribution",
        write("p.csv", phi1 + "," + phi2 + "\n").toString(), "--tol", "1e-12", "--json");
    assertEquals(0, o.status(), o.out() + o.err());
    Map<String, String> g = CliTest.jsonFields(o.out());
    assertEquals("false", g.get("exact"));
    assertTrue(g.get("method").contains("the sigmoid head is transcendental"), g.get("method"));
    // an exact limit: occlusion-limit with reference 0 is w_i = p(x) - p(x with x_i = 0)
    CliTest.Run l = CliTest.run("explain", "occlusion-limit", "--model", two, "--x", "11",
        "--output", "2", "--head", "probability", "--json");
    assertEquals(0, l.status(), l.out() + l.err());
    Map<String, String> lj = CliTest.jsonFields(l.out());
    assertEquals("false", lj.get("exact"));
    assertTrue(lj.get("provenance").contains("the sigmoid head is transcendental"),
        lj.get("provenance"));
    String[] w = lj.get("values").replaceAll("[\\[\\]]", "").split(",");
    assertEquals(f11 - f01, Double.parseDouble(w[0]), 1e-15);
    assertEquals(f11 - f10, Double.parseDouble(w[1]), 1e-15);
  }

  @Test
  void gradientMethodsRefuseAProbabilityHeadSayingWhy() throws IOException {
    String two = twoOutputs();
    for (String m : new String[] {"smoothgrad", "ig-exact", "mask-suf"}) {
      assertBad(CliTest.run("explain", m, "--model", two, "--x", "11", "--output", "2",
          "--head", "probability", "--backend", "cpu"),
          "the probability after a Sigmoid/Softmax head");
    }
  }
}
