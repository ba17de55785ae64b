package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xcert.solvers.limits.SizePolicy;

/**
 * Issue 18 point 2: every size-like option has a bound and every run whose cost depends on it is
 * estimated and refused before work, in one line with exit 2. Each refusal below comes from the
 * bound or the estimate (the line says which), both checked before any sample is drawn or buffer
 * allocated, so none of these runs does the work it refuses.
 */
class SizePolicyCliTest {

  @TempDir
  Path dir;

  private static final String NET = "examples/net.json";

  private static String net() {
    Path p = Path.of(NET);
    return Files.exists(p) ? p.toString() : Path.of("..", NET).toString();
  }

  /** A CNF over d variables with one clause (x1 ∨ x2): its circuit has d inputs. */
  private Path cnf(int d) throws IOException {
    Path p = dir.resolve("wide" + d + ".cnf");
    Files.writeString(p, "p cnf " + d + " 1\n1 2 0\n");
    return p;
  }

  private static String zeros(int d) {
    return String.join(",", java.util.Collections.nCopies(d, "0"));
  }

  @Test
  void limeSamplesBeyondTheBoundAreRefused() {
    // the example: --samples 2147483648 ran for about 50 minutes
    ExplainCliTest.assertBad(CliTest.run("explain", "lime", "--model", net(), "--x", "1,0,1",
        "--samples", "2147483648"),
        "--samples: 2147483648 is out of range; expected 1..10^9 samples");
  }

  @Test
  void maskSamplesBeyondTheBoundAreRefused() {
    // the example: --mask-samples 2000000000 ended in OutOfMemoryError after 1.5 s
    ExplainCliTest.assertBad(CliTest.run("explain", "mask-uni", "--model", net(), "--x", "1,0,1",
        "--mask-samples", "2000000000"),
        "--mask-samples: 2000000000 is out of range; expected 1..10^7 samples per step");
  }

  @Test
  void maskSamplesAndIterationsWithinTheirBoundsAreRefusedByTheEstimate() {
    // K = 10^7 samples per step for T = 10^7 steps: 10^14 evaluations with gradients
    CliTest.Run r = CliTest.run("explain", "mask-uni", "--model", net(), "--x", "1,0,1",
        "--mask-samples", "10000000", "--iterations", "10000000");
    ExplainCliTest.assertBad(r, "estimated");
    assertTrue(r.err().contains("days or more"), r.err());
  }

  @Test
  void iterationsStepsAndRankHaveBounds() {
    ExplainCliTest.assertBad(CliTest.run("explain", "mask-uni", "--model", net(), "--x", "1,0,1",
        "--iterations", "2000000000"), "--iterations: 2000000000 is out of range; expected "
        + "1..10^7 optimisation steps");
    ExplainCliTest.assertBad(CliTest.run("explain", "integrated-gradients", "--model", net(),
        "--x", "1,0,1", "--steps", "2000000000"),
        "--steps: 2000000000 is out of range; expected 1..10^9 Riemann steps");
    ExplainCliTest.assertBad(CliTest.run("explain", "rde", "--model", net(), "--x", "1,0,1",
        "--distortion", "low-rank", "--rank", "2000000000"),
        "--rank: 2000000000 is out of range; expected 1..10^5");
  }

  @Test
  void kernelShapOnAHundredThousandFeatureCnfIsRefusedBeforeItsSystemIsAllocated()
      throws IOException {
    int d = 100_000;
    CliTest.Run r = CliTest.run("explain", "kernelshap", "--model", cnf(d).toString(), "--x",
        zeros(d));
    ExplainCliTest.assertBad(r, "kernelshap with n = 2048 samples on d = 100000 inputs: "
        + "estimated");
    assertTrue(r.err().contains("the 100001×100001 system of the fit would have 1.0e+10 "
        + "entries; a Java array holds at most 2^31"), r.err());
  }

  @Test
  void samplesWithinTheBoundButBeyondTheWorkBoundAreRefusedWithTheTimeClass()
      throws IOException {
    // kernelshap on d = 100: each of 10^9 samples adds to a 101×101 system, ≥ 10^13 steps
    int d = 100;
    CliTest.Run r = CliTest.run("explain", "kernelshap", "--model", cnf(d).toString(), "--x",
        zeros(d), "--samples", "1000000000");
    ExplainCliTest.assertBad(r, "kernelshap with n = 1000000000 samples on d = 100 inputs: "
        + "estimated about 1.");
    assertTrue(r.err().contains("steps (hours)") && r.err().contains("runs are refused beyond "
        + "4e+12 steps"), r.err());
  }

  @Test
  void anAlphaWithATenThousandDigitDenominatorIsRefusedBeforeItIsParsed() {
    // the example took 70 s and 6.3 GB before OutOfMemoryError
    String den = "1" + "0".repeat(9_999);
    ExplainCliTest.assertBad(CliTest.run("exact", "unified", "--model",
        Path.of(net()).resolveSibling("majority3.expr").toString(), "--x", "110", "--alpha",
        "1/" + den), "--alpha: the denominator has 10000 digits; exact rationals are read up to "
        + SizePolicy.MAX_RATIONAL_BITS + " bits");
  }

  @Test
  void aDistributionWithAHugeRationalIsRefusedNamingTheOption() {
    String num = "1" + "0".repeat(5_000);
    CliTest.Run r = CliTest.run("exact", "shapley", "--model", net(), "--x", "1,0,1", "--dist",
        "bernoulli:1/" + num);
    ExplainCliTest.assertBad(r, "the denominator has 5001 digits");
    assertTrue(r.err().startsWith("xcert: --dist"), r.err());
  }

  @Test
  void circuitToReluSamplesShareTheBound() {
    CliTest.Run r = CliTest.run("reduce", "circuit-to-relu", "--model",
        Path.of(net()).resolveSibling("majority3.expr").toString(), "--check", "sampled",
        "--samples", "2000000000", "--out", dir.resolve("o").toString());
    ExplainCliTest.assertBad(r, "--samples: 2000000000 is out of range; expected 1..10^9 samples");
    assertEquals(SizePolicy.MAX_EVALUATIONS, 1_000_000_000L);
  }
}
