package xcert.explainers.realdata.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import xcert.solvers.claims.Verdict;

/**
 * The Figure 3 criteria of {@link PerturbationTest} can fail: on made-up curves where the seed's
 * ordering holds they hold, and where SmoothGrad beats one multiplicative method under binary
 * perturbation the strict reading fails and names the pair, while the group means still hold; with
 * the groups swapped wholesale both fail.
 */
class PerturbationCriteriaTest {

  /** Curves with a flat binary value b and continuous value c at every k (d = 4, one point). */
  private static PerturbationTest.Curve flat(String method, double b, double c) {
    double[] bin = {b, b, b, 1};
    double[] cont = {c, c, c, 1};
    return new PerturbationTest.Curve(method, bin, cont, new double[] {b}, new double[] {c});
  }

  private static List<PerturbationTest.Curve> curves(double sgBinary, double multBinary,
      double sgCont, double multCont) {
    List<PerturbationTest.Curve> cs = new ArrayList<>();
    for (String m : SeedMethods.ALL) {
      boolean mult = SeedMethods.multiplicative(m);
      cs.add(flat(m, mult ? multBinary : sgBinary, mult ? multCont : sgCont));
    }
    return cs;
  }

  @Test
  void theSeedsOrderingHolds() {
    List<PerturbationTest.Curve> cs = curves(0.5, 0.2, 0.1, 0.3);
    assertEquals(Verdict.Status.HOLDS, PerturbationTest.strict(cs, "made up").status());
    assertEquals(Verdict.Status.HOLDS, PerturbationTest.groupMeans(cs, "made up").status());
  }

  @Test
  void oneMethodOutOfOrderFailsTheStrictReadingOnly() {
    List<PerturbationTest.Curve> cs = curves(0.5, 0.2, 0.1, 0.3);
    int occ = SeedMethods.ALL.indexOf("occlusion");
    cs.set(occ, flat("occlusion", 0.6, 0.3));
    Verdict strict = PerturbationTest.strict(cs, "made up");
    assertEquals(Verdict.Status.FAILS, strict.status());
    assertTrue(strict.witness().contains("binary: occlusion 0.6"), strict.witness());
    assertEquals(Verdict.Status.HOLDS, PerturbationTest.groupMeans(cs, "made up").status());
  }

  @Test
  void swappedGroupsFailBothReadings() {
    List<PerturbationTest.Curve> cs = curves(0.2, 0.5, 0.3, 0.1);
    assertEquals(Verdict.Status.FAILS, PerturbationTest.strict(cs, "made up").status());
    assertEquals(Verdict.Status.FAILS, PerturbationTest.groupMeans(cs, "made up").status());
  }
}
