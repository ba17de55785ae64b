package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xcert.cli.ExplainCliTest.assertBad;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `xcert oracle --estimator kernelshap|lime --samples N [--confidence C]`: the statistical verdict
 * in the one-input and the batch form, the vacuous case, and the one-line refusals. The model is
 * x1 ∧ x2 with a dummy x3 under the uniform distribution; at x = 111 its Shapley values are
 * (3/8, 3/8, 0) (see {@link OracleCliTest}).
 */
class OracleEstimatorCliTest {

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private CliTest.Run oracle(String phi, String... more) throws IOException {
    Path model = write("and.expr", "inputs: 3\nx1 & x2\n");
    Path attribution = write("phi.csv", phi + "\n");
    String[] base = {"oracle", "--model", model.toString(), "--x", "111", "--attribution",
        attribution.toString()};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return CliTest.run(all);
  }

  @Test
  void theExactValuesAreConsistentAndAShiftIsNot() throws IOException {
    CliTest.Run ok = oracle("0.375,0.375,0", "--against", "shapley", "--estimator", "kernelshap",
        "--samples", "4000", "--confidence", "0.95");
    assertEquals(0, ok.status(), ok.out() + ok.err());
    assertTrue(ok.out().contains("PASS: consistent with 4000 kernelshap samples at confidence"
        + " 0.95"), ok.out());
    assertTrue(ok.out().contains("statistical_bound"), ok.out());
    CliTest.Run off = oracle("0.675,0.375,0", "--against", "shapley", "--estimator",
        "kernelshap", "--samples", "100000", "--json");
    assertEquals(1, off.status(), off.out() + off.err());
    assertTrue(off.out().contains("not consistent with 100000 kernelshap"), off.out());
    // at the reference 000, v(S) = 1 exactly when {1, 2} ⊆ S: Shapley values (1/2, 1/2, 0)
    CliTest.Run limit = oracle("0.5,0.5,0", "--against", "kernelshap-limit", "--reference",
        "0,0,0", "--estimator", "kernelshap", "--samples", "4000");
    assertEquals(0, limit.status(), limit.out() + limit.err());
  }

  @Test
  void tooFewSamplesGiveNoVerdict() throws IOException {
    CliTest.Run r = oracle("0.375,0.375,0", "--against", "shapley", "--estimator", "kernelshap",
        "--samples", "2");
    assertEquals(1, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("NO VERDICT"), r.out());
    assertTrue(r.out().contains("vacuous (infinite)"), r.out());
  }

  @Test
  void theBatchFormShowsTheBound() throws IOException {
    Path model = write("and.expr", "inputs: 3\nx1 & x2\n");
    Path inputs = write("x.csv", "1,1,1\n1,1,1\n");
    Path phi = write("phis.csv", "0.375,0.375,0\n0.9,0.375,0\n");
    CliTest.Run r = CliTest.run("oracle", "--model", model.toString(), "--inputs",
        inputs.toString(), "--attributions", phi.toString(), "--against", "shapley",
        "--estimator", "kernelshap", "--samples", "10000", "--json");
    assertEquals(1, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("\"bound\""), r.out());
    assertTrue(r.out().contains("\"passed\" : 1"), r.out());
  }

  @Test
  void pairingsAndSettingsWithoutABoundAreRefusedInOneLine() throws IOException {
    assertBad(oracle("0.375,0.375,0", "--against", "shapley", "--estimator", "lime",
        "--samples", "1000"), "--estimator: lime estimates converge to lime-limit, not shapley");
    assertBad(oracle("0.375,0.375,0", "--against", "banzhaf", "--estimator", "kernelshap",
        "--samples", "1000"), "--estimator: kernelshap estimates converge to shapley or"
        + " kernelshap-limit");
    assertBad(oracle("0.375,0.375,0", "--against", "shapley", "--estimator", "kernelshap",
        "--samples", "1"), "--samples: 1 is out of range");
    assertBad(oracle("0.375,0.375,0", "--against", "lime-limit", "--estimator", "lime",
        "--samples", "1000", "--confidence", "1"), "--confidence: 1.0 is out of range");
    assertBad(oracle("0.375,0.375,0", "--against", "lime-limit", "--estimator", "lime",
        "--samples", "1000", "--confidence", "0"), "--confidence: 0.0 is out of range");
    assertBad(oracle("0.375,0.375,0", "--against", "lime-limit", "--estimator", "lime",
        "--samples", "1000", "--lambda", "0.5"), "--lambda: does not apply to --estimator lime");
  }
}
