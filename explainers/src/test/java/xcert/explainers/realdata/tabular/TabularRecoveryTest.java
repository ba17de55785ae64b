package xcert.explainers.realdata.tabular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.claims.IdentityChecks;
import xcert.solvers.claims.Verdict;

/**
 * Seed 000 Remark 1 on the real linear models: the methods the seed says recover f (SmoothGrad,
 * Vanilla Gradients, C-LIME) return w, and the others return w ⊙ x, each to the rounding allowance
 * of {@link IdentityChecks} (gradients {@link IdentityChecks#ROUNDING}; least-squares fits of exactly
 * linear data {@link IdentityChecks#FIT_ROUNDING}, κ·p·u for condition numbers up to 1e6), relative
 * to ‖w‖∞·max(1, ‖x‖∞) + |b|.
 */
class TabularRecoveryTest {

  @Test
  void linearModelsAreRecoveredAsRemark1Says() {
    for (String name : TabularSet.NAMES) {
      TabularSet set = TabularSet.load(TabularSet.defaultDir(), name);
      int[] rows = TabularStudy.points(set, 4, 2100);
      ModelRecovery r = ModelRecovery.run(set, set.model("linear"), rows, 2100,
          new CpuBackend(1));
      assertEquals(Verdict.Status.HOLDS, r.exact().status(), r.exact().witness());
      assertEquals(Verdict.Status.HOLDS, r.figure2().status(), r.figure2().witness());
      for (ModelRecovery.MethodRow m : r.methods()) {
        double tol = switch (m.method()) {
          case "smoothgrad", "vanilla-gradients", "integrated-gradients", "gradient-x-input" ->
              IdentityChecks.ROUNDING;
          case "lime" -> Double.NaN; // default ridge α = 1: not exact, see the shrinkage
          default -> IdentityChecks.FIT_ROUNDING;
        };
        if (!Double.isNaN(tol)) {
          // integrated gradients averages 1000 identical gradients: 1000 roundings
          double t = m.method().equals("integrated-gradients") ? 1000 * tol : tol;
          assertTrue(m.maxRelError() <= t, name + " " + m.method() + ": " + m.maxRelError());
        }
      }
      assertTrue(r.limeShrinkage() > 0 && r.limeShrinkage() < 1, "LIME's ridge shrinks: "
          + r.limeShrinkage());
    }
  }

  @Test
  void recoveryRefusesANetworkWithHiddenLayers() {
    TabularSet set = TabularSet.load(TabularSet.defaultDir(), "diabetes");
    assertThrows(IllegalArgumentException.class, () -> ModelRecovery.run(set, set.model("mlp"),
        new int[] {set.testRows()[0]}, 1, new CpuBackend(1)));
  }

  @Test
  void bottomFirstOrdersByAbsoluteValueWithTiesToTheLowerIndex() {
    assertArrayEquals(new int[] {2, 1, 3, 0}, PerturbationTest.bottomFirst(
        new double[] {-5, 1, 0, -1}));
  }
}
