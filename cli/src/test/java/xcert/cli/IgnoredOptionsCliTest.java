package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 point 3: an option that a command would not read is refused in one line that names the
 * option and says why it does not apply, with exit status 2, before any work. One test per case of
 * the issue, and the further combinations found by reading each command's options.
 */
class IgnoredOptionsCliTest {

  private static final String MAJ = "../examples/majority3.expr";
  private static final String NET = "../examples/net.json";

  @TempDir
  Path dir;

  /** Exit 2 and exactly one line "xcert: OPTION: ..." that contains every fragment. */
  private static void refused(String option, String[] fragments, String... args) {
    CliTest.Run r = CliTest.run(args);
    assertEquals(2, r.status(), String.join(" ", args) + "\n" + r.out() + r.err());
    String err = r.err().strip();
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.startsWith("xcert: " + option + ": "), err);
    assertFalse(err.contains("Exception"), err);
    assertEquals("", r.out(), "nothing printed before the refusal");
    for (String f : fragments) {
      assertTrue(err.contains(f), "'" + f + "' in: " + err);
    }
  }

  private static String[] says(String... fragments) {
    return fragments;
  }

  // exact

  @Test
  void sufficiencyWithTauRefusesEps() {
    refused("--eps", says("tau"), "exact", "sufficiency", "--model", MAJ, "--x", "110",
        "--tau", "2", "--eps", "1/8");
  }

  @Test
  void sufficiencyWithTauRefusesSet() {
    refused("--set", says("tau", "not both"), "exact", "sufficiency", "--model", MAJ,
        "--x", "110", "--tau", "2", "--set", "1");
  }

  @Test
  void necessityAndUnifiedAndRelevanceWithTauRefuseSet() {
    refused("--set", says("tau"), "exact", "necessity", "--model", MAJ, "--x", "110",
        "--tau", "1", "--set", "1");
    refused("--set", says("tau"), "exact", "relevance", "--model", MAJ, "--x", "110",
        "--tau", "1", "--set", "1", "--delta", "1");
  }

  @Test
  void queriesRefuseSettingsTheyDoNotRead() {
    refused("--delta", says("relevance"), "exact", "sufficiency", "--model", MAJ, "--x", "110",
        "--set", "1", "--delta", "1/2");
    refused("--eps", says("'fs'"), "exact", "fs", "--model", MAJ, "--x", "110", "--eps", "0");
    refused("--tau", says("'shapley'"), "exact", "shapley", "--model", MAJ, "--x", "110",
        "--tau", "1");
    refused("--set", says("'rate-distortion'"), "exact", "rate-distortion", "--model", MAJ,
        "--x", "110", "--set", "1");
    refused("--tau", says("table"), "exact", "min-relevant", "--model", MAJ, "--x", "110",
        "--delta", "1", "--tau", "1", "--method", "table");
    refused("--eps", says("table"), "exact", "sufficiency", "--model", MAJ, "--x", "110",
        "--set", "1", "--eps", "0", "--method", "count");
    refused("--alpha", says("unified"), "exact", "sufficiency", "--model", MAJ, "--x", "110",
        "--set", "1", "--alpha", "1/3");
    refused("--game", says("shapley"), "exact", "fs", "--model", MAJ, "--x", "110",
        "--game", "suf");
    refused("--rho", says("'fs'"), "exact", "fs", "--model", MAJ, "--x", "110", "--rho", "sq");
  }

  @Test
  void settingsThatApplyStillWork() {
    CliTest.Run r = CliTest.run("exact", "sufficiency", "--model", MAJ, "--x", "110",
        "--set", "1,2", "--eps", "1/8", "--json");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("\"eps_sufficient\""), r.out());
    r = CliTest.run("exact", "shapley", "--model", MAJ, "--x", "110", "--game", "suf",
        "--rho", "sq", "--json");
    assertEquals(0, r.status(), r.err());
  }

  // explain

  @Test
  void kernelshapRefusesLassoAndNoIntercept() {
    refused("--lasso", says("kernelshap", "efficiency"), "explain", "kernelshap", "--model", MAJ,
        "--x", "110", "--lasso");
    refused("--no-intercept", says("kernelshap", "efficiency"), "explain", "kernelshap",
        "--model", MAJ, "--x", "110", "--no-intercept");
    refused("--lambda", says("kernelshap"), "explain", "kernelshap", "--model", MAJ,
        "--x", "110", "--lambda", "2");
  }

  @Test
  void limeRefusesSigmaAndSteps() {
    refused("--sigma", says("lime", "noise scale"), "explain", "lime", "--model", MAJ,
        "--x", "110", "--sigma", "0.3");
    refused("--steps", says("lime", "integrated-gradients"), "explain", "lime", "--model", MAJ,
        "--x", "110", "--steps", "8");
  }

  @Test
  void sampledMethodsRefuseOtherMethodsSettings() {
    refused("--kernel-width", says("c-lime", "lime"), "explain", "c-lime", "--model", NET,
        "--x", "1,0,1", "--kernel-width", "0.5");
    refused("--reference", says("smoothgrad"), "explain", "smoothgrad", "--model", NET,
        "--x", "1,0,1", "--reference", "0,0,0");
    refused("--lasso", says("occlusion"), "explain", "occlusion", "--model", MAJ, "--x", "110",
        "--lasso");
  }

  @Test
  void rdeRefusesRankAndSamplesOutsideTheirDistortion() {
    refused("--rank", says("diag", "low-rank"), "explain", "rde", "--model", NET,
        "--x", "1,0,1", "--rank", "2");
    refused("--rank", says("full", "low-rank"), "explain", "rde", "--model", NET,
        "--x", "1,0,1", "--distortion", "full", "--rank", "2");
    refused("--samples", says("diag", "samples"), "explain", "rde", "--model", NET,
        "--x", "1,0,1", "--samples", "100");
  }

  // oracle

  @Test
  void oracleAgainstAGameRefusesTheLimitsSettings() throws IOException {
    Path phi = dir.resolve("phi.csv");
    Files.writeString(phi, "1/3,1/3,1/3\n");
    refused("--sigma", says("shapley"), "oracle", "--model", MAJ, "--x", "110", "--attribution",
        phi.toString(), "--against", "shapley", "--sigma", "0.5");
    refused("--kernel-width", says("banzhaf"), "oracle", "--model", MAJ, "--x", "110",
        "--attribution", phi.toString(), "--against", "banzhaf", "--kernel-width", "0.5");
  }

  // certify

  @Test
  void checkRefusesEveryOtherOption() throws IOException {
    Path cert = dir.resolve("c.cert");
    Files.writeString(cert, "not a certificate\n");
    refused("FAMILY", says("--check"), "certify", "binomial-insertion", "--d", "7",
        "--check", cert.toString());
    refused("--d", says("--check"), "certify", "--d", "7", "--check", cert.toString());
    refused("--partition", says("--check"), "certify", "--partition", "first",
        "--check", cert.toString());
    refused("--out", says("--check"), "certify", "--out", dir.resolve("o").toString(),
        "--check", cert.toString());
  }

  @Test
  void monomialFamiliesRefusePartitionAndKind() {
    refused("--partition", says("monomial-deletion", "binomial-insertion"), "certify",
        "monomial-deletion", "--d", "2", "--partition", "first");
    refused("--partition", says("monomial-insertion"), "certify", "monomial-insertion",
        "--d", "2", "--partition", "middle");
    refused("--kind", says("monomial-insertion", "polynomial"), "certify", "monomial-insertion",
        "--d", "2", "--kind", "insertion");
    refused("--x", says("binomial-insertion", "polynomial"), "certify", "binomial-insertion",
        "--d", "3", "--x", "1,1,1");
    refused("--sets", says("polynomial"), "certify", "monomial-deletion", "--d", "2",
        "--sets", "all");
  }

  @Test
  void polynomialReadsItsD() {
    // the default's text given explicitly used to be taken for "no --d"
    refused("--d", says("one dimension"), "certify", "polynomial", "--poly", "x1*x2",
        "--d", "2..20");
    refused("--partition", says("binomial-insertion"), "certify", "polynomial",
        "--poly", "x1*x2", "--partition", "first");
  }

  // bench

  @Test
  void benchExplainersRefusesDeviceOptionsWithoutTheDeviceTable() {
    refused("--widths", says("CPU", "--device-table"), "bench", "explainers", "--backend", "cpu",
        "--widths", "64");
    refused("--batches-log2", says("CPU"), "bench", "explainers", "--backend", "cpu",
        "--batches-log2", "10");
  }

  @Test
  void benchExactRefusesWidths() {
    CliTest.Run r = CliTest.run("bench", "exact", "--widths", "64");
    assertEquals(2, r.status(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("xcert: ") && r.err().contains("--widths"), r.err());
  }
}
