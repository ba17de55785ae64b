package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `xcert explain`: attributions worked out by hand (derived in the comments, not taken from a run),
 * reproducibility under a seed, the printed settings and provenance, and every kind of bad input
 * ending in one line on stderr with exit status 2. Tests of the exact limits are disabled until
 * ExactLimits is implemented; their expected values follow from the documented definitions.
 */
class ExplainCliTest {

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  /** f(x) = 2x1 − x2 + 0.5x3 + 1: one linear layer, no ReLU. */
  private Path affine() throws IOException {
    return write("affine.json",
        "{\"type\": \"relu-network\", \"inputs\": 3, \"layers\": [{\"weights\": [[2, -1, 0.5]], \"bias\": [1]}]}");
  }

  private Path and2() throws IOException {
    return write("and.expr", "x1 & x2\n");
  }

  /** The numbers of a compact JSON array such as [1.0,-2.0,1.0]. */
  static double[] doubles(String array) {
    String body = array.substring(1, array.length() - 1).trim();
    if (body.isEmpty()) {
      return new double[0];
    }
    String[] parts = body.split(",");
    double[] v = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      v[i] = Double.parseDouble(parts[i].replace("\"", "").trim());
    }
    return v;
  }

  private static Map<String, String> ok(CliTest.Run r) throws IOException {
    assertEquals(0, r.status(), r.err());
    return CliTest.jsonFields(r.out());
  }

  /** Exit status 2 and exactly one line on stderr, no stack trace. */
  static void assertBad(CliTest.Run r, String expected) {
    assertEquals(2, r.status(), r.out() + r.err());
    String err = r.err().strip();
    assertFalse(err.isEmpty());
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.startsWith("xcert: "), err);
    assertFalse(err.contains("Exception"), err);
    assertTrue(err.contains(expected), err);
  }

  @Test
  void occlusionOnAnAffineNetworkIsWeightTimesDisplacement() throws IOException {
    // Occlusion's weight for feature i is the drop f(x) − f(x with x_i := r_i). For
    // f = w·x + b that is w_i (x_i − r_i): with w = (2, −1, 1/2), x = (1, 2, 3), r = (1/2, 0, 1):
    // 2·(1/2) = 1, −1·2 = −2, (1/2)·2 = 1. No intercept; d one-hot perturbations, no sampling.
    Map<String, String> f = ok(CliTest.run("explain", "occlusion", "--model", affine().toString(),
        "--x", "1,2,3", "--reference", "0.5,0,1", "--json"));
    assertArrayEquals(new double[] {1, -2, 1}, doubles(f.get("values")), 1e-12);
    assertEquals("none", f.get("intercept"));
    assertEquals("false", f.get("exact"));
    assertTrue(f.get("provenance").startsWith("complete enumeration"), f.get("provenance"));
    assertFalse(f.containsKey("samples"));
    assertTrue(f.get("settings").contains("\"samples\":\"3\""), f.get("settings"));
    assertTrue(f.get("settings").contains("\"reference\":\"0.5,0,1\""), f.get("settings"));
  }

  @Test
  void occlusionOnACircuit() throws IOException {
    // x1 ∧ x2 at x = 11. r = 00: each drop is f(11) − f(01) = f(11) − f(10) = 1 − 0 = 1.
    // r = 10: feature 1 drops f(11) − f(11) = 0 (its reference equals x1); feature 2 drops
    // f(11) − f(10) = 1.
    Map<String, String> f = ok(CliTest.run("explain", "occlusion", "--model", and2().toString(),
        "--x", "11", "--json"));
    assertArrayEquals(new double[] {1, 1}, doubles(f.get("values")), 0);
    assertEquals("1", f.get("output"));
    Map<String, String> g = ok(CliTest.run("explain", "occlusion", "--model", and2().toString(),
        "--x", "11", "--reference", "10", "--json"));
    assertArrayEquals(new double[] {0, 1}, doubles(g.get("values")), 0);
  }

  @Test
  void gradientsOfAnAffineNetwork() throws IOException {
    // ∇f = w = (2, −1, 1/2) everywhere; Gradient × Input with r = 0 is w ⊙ x = (2, −2, 3/2).
    // Integrated Gradients of an affine f is w ⊙ (x − r) for any number of steps.
    Map<String, String> g = ok(CliTest.run("explain", "vanilla-gradients", "--model",
        affine().toString(), "--x", "1,2,3", "--json"));
    assertArrayEquals(new double[] {2, -1, 0.5}, doubles(g.get("values")), 1e-12);
    Map<String, String> gx = ok(CliTest.run("explain", "gradient-x-input", "--model",
        affine().toString(), "--x", "1,2,3", "--json"));
    assertArrayEquals(new double[] {2, -2, 1.5}, doubles(gx.get("values")), 1e-12);
    Map<String, String> ig = ok(CliTest.run("explain", "integrated-gradients", "--model",
        affine().toString(), "--x", "1,2,3", "--reference", "0.5,0,1", "--steps", "4", "--json"));
    assertArrayEquals(new double[] {1, -2, 1}, doubles(ig.get("values")), 1e-12);
    assertTrue(ig.get("settings").contains("\"samples\":\"4\""), ig.get("settings"));
  }

  @Test
  void sampledMethodsAreReproducibleAndSayHowTheyWereObtained() throws IOException {
    String[] args = {"explain", "lime", "--model", and2().toString(), "--x", "11", "--samples",
        "500", "--seed", "7", "--json"};
    CliTest.Run a = CliTest.run(args);
    CliTest.Run b = CliTest.run(args);
    Map<String, String> f = ok(a);
    assertEquals(a.out(), b.out());
    assertEquals("500", f.get("samples"));
    assertEquals("7", f.get("seed"));
    assertTrue(f.get("provenance").startsWith("sampled, n=500, seed=7"), f.get("provenance"));
    assertEquals(2, doubles(f.get("values")).length);
    assertNotEquals("none", f.get("intercept")); // LIME's g has an intercept
    String s = f.get("settings");
    assertTrue(s.contains("width 0.25, cosine distance"), s);
    assertTrue(s.contains("ridge λ = 1.0 (sum scale)"), s);
    CliTest.Run c = CliTest.run("explain", "lime", "--model", and2().toString(), "--x", "11",
        "--samples", "500", "--seed", "8", "--json");
    assertNotEquals(f.get("values"), ok(c).get("values"));
    Map<String, String> noB = ok(CliTest.run("explain", "lime", "--model", and2().toString(),
        "--x", "11", "--samples", "50", "--no-intercept", "--distance", "l2", "--kernel-width",
        "0.5", "--lambda", "0", "--json"));
    assertEquals("none", noB.get("intercept"));
    assertTrue(noB.get("settings").contains("l2 distance"), noB.get("settings"));
  }

  @Test
  void backendAutoSaysWhatItChoseAndTheTableShowsEverything() throws IOException {
    CliTest.Run r = CliTest.run("explain", "occlusion", "--model", affine().toString(), "--x",
        "1,2,3");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.err().contains("--backend auto chose cpu"), r.err());
    for (String key : new String[] {"method", "values", "intercept", "backend", "provenance",
        "attribution", "settings", "neighbourhood"}) {
      assertTrue(r.out().contains(key), key + " missing in\n" + r.out());
    }
    CliTest.Run cpu = CliTest.run("explain", "occlusion", "--model", affine().toString(), "--x",
        "1,2,3", "--backend", "cpu");
    assertEquals(0, cpu.status(), cpu.err());
    assertEquals("", cpu.err());
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws IOException {
    String and = and2().toString();
    String net = affine().toString();
    assertBad(CliTest.run("explain", "shap", "--model", and, "--x", "11"), "unknown method");
    assertBad(CliTest.run("explain", "lime", "--model", and, "--x", "111"), "--x");
    assertBad(CliTest.run("explain", "lime", "--model", net, "--x", "1,2"), "--x");
    assertBad(CliTest.run("explain", "lime", "--model", and, "--x", "1,0.5"), "0/1");
    assertBad(CliTest.run("explain", "glime-gauss", "--model", and, "--x", "11"),
        "perturbs continuously");
    assertBad(CliTest.run("explain", "c-lime", "--model", and, "--x", "11"), "0/1");
    assertBad(CliTest.run("explain", "smoothgrad", "--model", and, "--x", "11"), "ReLU network");
    assertBad(CliTest.run("explain", "integrated-gradients", "--model", and, "--x", "11"),
        "ReLU network");
    assertBad(CliTest.run("explain", "lime", "--model", and, "--x", "11", "--samples", "0"),
        "--samples");
    assertBad(CliTest.run("explain", "glime-binomial", "--model", and, "--x", "11", "--sigma",
        "0"), "--sigma");
    assertBad(CliTest.run("explain", "glime-gauss", "--model", net, "--x", "1,2,3", "--sigma",
        "-1"), "--sigma");
    assertBad(CliTest.run("explain", "lime", "--model", and, "--x", "11", "--kernel-width", "0"),
        "--kernel-width");
    assertBad(CliTest.run("explain", "lime", "--model", and, "--x", "11", "--distance", "l1"),
        "--distance");
    assertBad(CliTest.run("explain", "lime", "--model", and, "--x", "11", "--lambda", "-1"),
        "--lambda");
    assertBad(CliTest.run("explain", "integrated-gradients", "--model", net, "--x", "1,2,3",
        "--steps", "0"), "--steps");
    assertBad(CliTest.run("explain", "lime", "--model", and, "--x", "11", "--backend", "gpu"),
        "GPU");
    assertBad(CliTest.run("explain", "lime", "--model", and, "--x", "11", "--backend", "tpu"),
        "--backend");
    assertBad(CliTest.run("explain", "lime", "--model", and, "--x", "11", "--output", "2"),
        "--output");
    assertBad(CliTest.run("explain", "lime", "--model", and, "--x", "11", "--reference", "0"),
        "--reference");
    assertBad(CliTest.run("explain", "lime", "--model", and, "--x", "11", "--reference", "0,0.5"),
        "not 0 or 1");
    assertBad(CliTest.run("explain", "lime", "--model", dir.resolve("none.expr").toString(),
        "--x", "11"), "none.expr");
    assertBad(CliTest.run("explain", "lime", "--model", and, "--x", "11", "--sigma", "abc"),
        "--sigma");
    assertBad(CliTest.run("explain", "lime", "--model", and), "--x");
  }

  @Test
  void limitsRefuseWhatTheyCannotComputeBeforeComputing() throws IOException {
    // These checks come before ExactLimits is called, so they hold whether or not it is built.
    Path wide = write("wide.expr", "inputs: 21\nx1 & x21\n");
    assertBad(CliTest.run("explain", "lime-limit", "--model", wide.toString(), "--x",
        "1".repeat(21)), "d = 21");
    assertBad(CliTest.run("explain", "ig-exact", "--model", and2().toString(), "--x", "11"),
        "ReLU network");
    assertBad(CliTest.run("explain", "smoothgrad-limit", "--model", affine().toString(), "--x",
        "1,2,3"), "one hidden layer");
    assertBad(CliTest.run("explain", "kernelshap-limit", "--model", and2().toString(), "--x",
        "11", "--reference", "0,0.5"), "--reference");
    assertBad(CliTest.run("explain", "lime-limit", "--model", and2().toString(), "--x", "11",
        "--lasso"), "--lasso");
  }

  // ----- exact limits: enabled once ExactLimits is implemented -----

  @Test
  void limeAndGlimeLimitsRecoverAnAffineModel() throws IOException {
    // With the mask combination f(x ⊙ z + r ⊙ (1 − z)) = f(r) + Σ w_i (x_i − r_i) z_i is affine in
    // z, so a linear g with intercept and λ = 0 fits it exactly under any positive kernel:
    // w ⊙ (x − r) = (1, −2, 1) and b = f(r) = 2·(1/2) − 0 + (1/2)·1 + 1 = 5/2.
    for (String m : new String[] {"lime-limit", "glime-limit"}) {
      Map<String, String> f = ok(CliTest.run("explain", m, "--model", affine().toString(), "--x",
          "1,2,3", "--reference", "0.5,0,1", "--json"));
      assertArrayEquals(new double[] {1, -2, 1}, doubles(f.get("values")), 1e-9, m);
      assertEquals(2.5, Double.parseDouble(f.get("intercept")), 1e-9, m);
      assertFalse(f.get("provenance").startsWith("sampled"), f.get("provenance"));
      assertFalse(f.containsKey("samples"));
    }
  }

  @Test
  void kernelShapLimitIsShapleyUnderThePointMassAtTheReference() throws IOException {
    // x1 ∧ x2 at 11 with X_{S^c} = r = 00: v(∅) = v({1}) = v({2}) = 0, v({1,2}) = 1, so each
    // Shapley value is (1/2)[(0 − 0) + (1 − 0)] = 1/2. With r = 10: v(∅) = f(10) = 0,
    // v({1}) = f(10) = 0, v({2}) = f(11) = 1, v({1,2}) = 1: φ1 = (1/2)[0 + 0] = 0,
    // φ2 = (1/2)[1 + 1] = 1.
    Map<String, String> f = ok(CliTest.run("explain", "kernelshap-limit", "--model",
        and2().toString(), "--x", "11", "--json"));
    assertArrayEquals(new double[] {0.5, 0.5}, doubles(f.get("values")), 1e-12);
    Map<String, String> g = ok(CliTest.run("explain", "kernelshap-limit", "--model",
        and2().toString(), "--x", "11", "--reference", "10", "--json"));
    assertArrayEquals(new double[] {0, 1}, doubles(g.get("values")), 1e-12);
  }

  @Test
  void occlusionLimitAndExactIgOnNetworks() throws IOException {
    // Occlusion of the affine f: w ⊙ (x − r) = (1, −2, 1), as the sampled method above.
    Map<String, String> o = ok(CliTest.run("explain", "occlusion-limit", "--model",
        affine().toString(), "--x", "1,2,3", "--reference", "0.5,0,1", "--json"));
    assertArrayEquals(new double[] {1, -2, 1}, doubles(o.get("values")), 1e-12);
    // f = relu(x1 + x2 − 1) from r = 00 to x = 11: on the path t·(1,1) the unit is active for
    // t > 1/2, where ∂f/∂x_i = 1, so IG_i = (x_i − r_i) ∫_{1/2}^{1} 1 dt = 1/2 each; the sum is
    // f(x) − f(r) = 1 (completeness).
    Path kink = write("kink.json", "{\"type\": \"relu-network\", \"inputs\": 2, \"layers\": [{\"weights\": [[1, 1]], "
        + "\"bias\": [-1]}, {\"weights\": [[1]], \"bias\": [0]}]}");
    Map<String, String> ig = ok(CliTest.run("explain", "ig-exact", "--model", kink.toString(),
        "--x", "1,1", "--json"));
    assertArrayEquals(new double[] {0.5, 0.5}, doubles(ig.get("values")), 1e-12);
  }

  @Test
  void smoothGradLimitOfAPiecewiseLinearIdentity() throws IOException {
    // f(x) = relu(x1) − relu(−x1) = x1 for every x: ∇f = (1, 0) off the kink x1 = 0, a null set
    // under Gaussian noise, so E[∇f(x + ξ)] = (1, 0) for every σ.
    Path id = write("id.json", "{\"type\": \"relu-network\", \"inputs\": 2, \"layers\": [{\"weights\": [[1, 0], [-1, 0]], "
        + "\"bias\": [0, 0]}, {\"weights\": [[1, -1]], \"bias\": [0]}]}");
    Map<String, String> f = ok(CliTest.run("explain", "smoothgrad-limit", "--model",
        id.toString(), "--x", "0.3,-2", "--sigma", "2", "--json"));
    assertArrayEquals(new double[] {1, 0}, doubles(f.get("values")), 1e-9);
  }
}
