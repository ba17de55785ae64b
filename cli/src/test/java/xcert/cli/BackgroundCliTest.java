package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `xcert explain` and `xcert oracle` with background data (--dist for the mask methods and their
 * limits), the permutation method and `--reference 1-x`. Expected values are worked out by hand in
 * the comments: for an affine f = w·x + b every coalition game is additive, v(S) = b + Σ_{i∈S}
 * w_i x_i + Σ_{i∉S} w_i E[r_i], so its Shapley value, KernelSHAP limit and occlusion drop are all
 * w_i (x_i − E[r_i]).
 */
class BackgroundCliTest {

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  /** f(x) = 2x1 − x2 + 0.5x3 + 1. */
  private Path affine() throws IOException {
    return write("affine.json",
        "{\"type\": \"relu-network\", \"inputs\": 3, \"layers\": [{\"weights\": [[2, -1, 0.5]], \"bias\": [1]}]}");
  }

  /** A small ReLU network with 3 inputs. */
  private Path relu() throws IOException {
    return write("relu.json", "{\"type\": \"relu-network\", \"inputs\": 3, \"layers\": [{\"weights\": [[1, -2, 0.5], "
        + "[0.5, 1, -1], [-1, 0.25, 2]], \"bias\": [0.1, -0.2, 0.3]}, {\"weights\": "
        + "[[1, -1.5, 0.75]], \"bias\": [0.2]}]}");
  }

  /** Background rows (0,0,0), (1,1,1), (1,1,1), (−1,2,0): E r = (1/4, 1, 1/2). */
  private Path rows() throws IOException {
    return write("rows.csv", "a,b,c\n0,0,0\n1,1,1\n1,1,1\n-1,2,0\n");
  }

  private static Map<String, String> ok(CliTest.Run r) throws IOException {
    assertEquals(0, r.status(), r.err());
    return CliTest.jsonFields(r.out());
  }

  @Test
  void maskLimitsUnderABackgroundAreTheGameOfItsRows() throws IOException {
    // w ⊙ (x − E r) with x = (1, 2, 3), E r = (1/4, 1, 1/2): (3/2, −1, 5/4)
    String m = affine().toString();
    String d = "csv:" + rows();
    for (String method : new String[] {"kernelshap-limit", "occlusion-limit"}) {
      Map<String, String> f = ok(CliTest.run("explain", method, "--model", m, "--x", "1,2,3",
          "--dist", d, "--json"));
      assertArrayEquals(new double[] {1.5, -1, 1.25}, ExplainCliTest.doubles(f.get("values")), 0,
          method);
      assertTrue(f.get("settings").contains("empirical(n=4"), f.get("settings"));
    }
    // kernelshap's intercept is E_V f = 2·(1/4) − 1 + 0.5·(1/2) + 1 = 3/4
    Map<String, String> k = ok(CliTest.run("explain", "kernelshap", "--model", m, "--x",
        "1,2,3", "--dist", d, "--json"));
    assertArrayEquals(new double[] {1.5, -1, 1.25}, ExplainCliTest.doubles(k.get("values")), 1e-9);
    assertEquals(0.75, Double.parseDouble(k.get("intercept")), 1e-12);
    assertTrue(k.get("settings").contains("averaged over its 3 rows"), k.get("settings"));
  }

  @Test
  void kernelShapLimitUnderABackgroundIsWhatXcertExactShapleyPrints() throws IOException {
    String m = relu().toString();
    String d = "csv:" + rows();
    Map<String, String> limit = ok(CliTest.run("explain", "kernelshap-limit", "--model", m,
        "--x", "0.5,-1,2", "--dist", d, "--json"));
    Map<String, String> exact = ok(CliTest.run("exact", "shapley", "--model", m, "--x",
        "0.5,-1,2", "--dist", d, "--json"));
    assertEquals(exact.get("values"), limit.get("values"));
  }

  @Test
  void permutationIsSampledReproducibleAndGradedByTheOracle() throws IOException {
    String m = relu().toString();
    String d = "csv:" + rows();
    String[] args = {"explain", "permutation", "--model", m, "--x", "0.5,-1,2", "--dist", d,
        "--samples", "40", "--seed", "3", "--json"};
    CliTest.Run a = CliTest.run(args);
    Map<String, String> f = ok(a);
    assertEquals(a.out(), CliTest.run(args).out());
    assertEquals("40", f.get("samples"));
    assertEquals("3", f.get("seed"));
    assertTrue(f.get("provenance").startsWith("sampled, n=40, seed=3"), f.get("provenance"));
    double[] phi = ExplainCliTest.doubles(f.get("values"));
    Path given = write("phi.csv", phi[0] + "," + phi[1] + "," + phi[2] + "\n");
    CliTest.Run g = CliTest.run("oracle", "--model", m, "--x", "0.5,-1,2", "--attribution",
        given.toString(), "--against", "shapley", "--dist", d, "--estimator", "permutation",
        "--samples", "40");
    assertEquals(0, g.status(), g.out() + g.err());
    CliTest.Run help = CliTest.run("explain", "--help");
    assertTrue(help.out().contains("permutation"), help.out());
  }

  @Test
  void aPointMassIsTheReference() throws IOException {
    String m = relu().toString();
    for (String method : new String[] {"lime", "kernelshap", "glime-binomial", "permutation"}) {
      Map<String, String> a = ok(CliTest.run("explain", method, "--model", m, "--x", "0.5,-1,2",
          "--dist", "point:1,0,-1", "--samples", "200", "--backend", "cpu", "--json"));
      Map<String, String> b = ok(CliTest.run("explain", method, "--model", m, "--x", "0.5,-1,2",
          "--reference", "1,0,-1", "--samples", "200", "--backend", "cpu", "--json"));
      assertEquals(b.get("values"), a.get("values"), method);
    }
  }

  @Test
  void referenceOneMinusX() throws IOException {
    // r = 1 − x = (0, 1, 0) at x = (1, 0, 1): occlusion drops w_i (x_i − r_i) = (2, 1, 0.5)
    String m = affine().toString();
    Map<String, String> f = ok(CliTest.run("explain", "occlusion", "--model", m, "--x", "101",
        "--reference", "1-x", "--json"));
    assertArrayEquals(new double[] {2, 1, 0.5}, ExplainCliTest.doubles(f.get("values")), 1e-12);
    assertTrue(f.get("settings").contains("\"reference\":\"0,1,0\""), f.get("settings"));
    // a batch: r = 1 − x per row; x = (0, 1, 1) gives w ⊙ (2x − 1) = (−2, −1, 0.5)
    Path inputs = write("x.csv", "1,0,1\n0,1,1\n");
    Path attributions = write("a.csv", "2,1,0.5\n-2,-1,0.5\n");
    CliTest.Run batch = CliTest.run("oracle", "--model", m, "--inputs", inputs.toString(),
        "--attributions", attributions.toString(), "--against", "occlusion-limit",
        "--reference", "1-x");
    assertEquals(0, batch.status(), batch.out() + batch.err());
    // a fixed reference in a batch is applied too (it used to be ignored): r = 0 fails row 2
    CliTest.Run fixed = CliTest.run("oracle", "--model", m, "--inputs", inputs.toString(),
        "--attributions", attributions.toString(), "--against", "occlusion-limit",
        "--reference", "000");
    assertEquals(1, fixed.status(), fixed.out() + fixed.err());
    ExplainCliTest.assertBad(CliTest.run("oracle", "--model", m, "--inputs",
        write("bad.csv", "1,0,1\n0,2,1\n").toString(), "--attributions",
        attributions.toString(), "--against", "occlusion-limit", "--reference", "1-x"),
        "row 2");
    ExplainCliTest.assertBad(CliTest.run("explain", "occlusion", "--model", m, "--x", "1,2,3",
        "--reference", "1-x"), "--reference");
  }

  @Test
  void oracleGradesTheMaskLimitsUnderABackground() throws IOException {
    String m = affine().toString();
    Path given = write("phi.csv", "1.5,-1,1.25\n");
    for (String against : new String[] {"kernelshap-limit", "occlusion-limit"}) {
      CliTest.Run r = CliTest.run("oracle", "--model", m, "--x", "1,2,3", "--attribution",
          given.toString(), "--against", against, "--dist", "csv:" + rows(), "--tol", "0");
      assertEquals(0, r.status(), r.out() + r.err());
    }
    Path inputs = write("x.csv", "1,2,3\n1,2,3\n");
    Path attributions = write("a.csv", "1.5,-1,1.25\n1.5,-1,1.25\n");
    CliTest.Run batch = CliTest.run("oracle", "--model", m, "--inputs", inputs.toString(),
        "--attributions", attributions.toString(), "--against", "kernelshap-limit", "--dist",
        "csv:" + rows(), "--tol", "0");
    assertEquals(0, batch.status(), batch.out() + batch.err());
  }

  @Test
  void refusalsAreOneLine() throws IOException {
    String m = relu().toString();
    String d = "csv:" + rows();
    ExplainCliTest.assertBad(CliTest.run("explain", "permutation", "--model", m, "--x",
        "0.5,-1,2", "--samples", "3"), "--samples");
    ExplainCliTest.assertBad(CliTest.run("explain", "permutation", "--model", m, "--x",
        "0.5,-1,2", "--sigma", "1"), "--sigma");
    ExplainCliTest.assertBad(CliTest.run("explain", "kernelshap", "--model", m, "--x",
        "0.5,-1,2", "--dist", d, "--reference", "000"), "--reference");
    for (String method : new String[] {"smoothgrad", "integrated-gradients", "glime-gauss",
        "ig-exact"}) {
      ExplainCliTest.assertBad(CliTest.run("explain", method, "--model", m, "--x", "0.5,-1,2",
          "--dist", d), "--dist");
    }
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < 13; i++) {
      w.append(i == 0 ? "" : ", ").append(i % 3 - 1);
    }
    Path wide = write("wide.json", "{\"type\": \"relu-network\", \"inputs\": 13, \"layers\": [{\"weights\": [[" + w
        + "]], \"bias\": [0]}]}");
    ExplainCliTest.assertBad(CliTest.run("explain", "kernelshap", "--model", wide.toString(),
        "--x", "1111111111111", "--dist", "uniform"), "csv:FILE");
  }
}
