package xcert.explainers.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import xcert.explainers.backend.Backend;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.backend.Float32CpuBackend;
import xcert.explainers.backend.HeNetworks;
import xcert.explainers.lfa.Combination;
import xcert.explainers.lfa.Kernel;
import xcert.explainers.lfa.LfaInstance;
import xcert.explainers.lfa.Loss;
import xcert.explainers.lfa.ModelClass;
import xcert.explainers.lfa.Noises;
import xcert.explainers.lfa.Target;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;

/**
 * {@link AgreementCheck} with the float32 emulation {@link Float32CpuBackend} standing in for a
 * device: every method within its tolerance; and with a planted error, flagged.
 */
class AgreementCheckTest {

  private static final CpuBackend CPU = CpuBackend.allCores();

  private record Case(ReluNetwork f, double[] x0, String label) {}

  private static List<Case> cases() {
    SplittableRandom rnd = new SplittableRandom(31);
    List<Case> cases = new ArrayList<>();
    int[][] shapes = {{6, 16, 2}, {9, 32, 2}, {12, 64, 1}};
    for (int[] s : shapes) {
      cases.add(new Case(HeNetworks.he(rnd, s[0], s[1], s[2]), HeNetworks.point(rnd, s[0]),
          "He d=" + s[0] + " width=" + s[1] + " hidden=" + s[2]));
    }
    cases.add(new Case(RandomInstances.relu(rnd, 8, 16, 2, false),
        RandomInstances.input(rnd, 8, false), "RandomInstances.relu d=8 width=16 hidden=2"));
    return cases;
  }

  @Test
  void float32EmulationAgreesWithTheCpuForEveryMethod() {
    int k = 0;
    for (Case c : cases()) {
      Float32CpuBackend.Mode mode = Float32CpuBackend.Mode.values()[k++ % 2];
      AgreementCheck check = new AgreementCheck(new Float32CpuBackend(mode), CPU);
      List<AgreementRow> rows = check.run(c.f(), c.x0(), 1024, 5 + k);
      assertEquals(Methods.NAMES.size(), rows.size());
      System.out.println("agreement, " + c.label() + ", " + mode + ":");
      for (AgreementRow r : rows) {
        System.out.println("  " + r.describe() + String.format("  [tolerance/‖Δ‖ = %.3g]",
            r.tolerance().total() / Math.max(r.distance(), Double.MIN_NORMAL)));
        assertTrue(r.within(), c.label() + " " + mode + ": " + r.describe());
        assertTrue(Double.isFinite(r.tolerance().total()), r.describe());
      }
    }
  }

  /** A device that multiplies every value and gradient by 1 + relative. */
  private record Planted(Backend inner, double relative) implements Backend {
    @Override
    public String name() {
      return "planted error " + relative;
    }

    @Override
    public double[] evaluate(Model f, double[] rows, int n) {
      double[] v = inner.evaluate(f, rows, n);
      for (int i = 0; i < v.length; i++) {
        v[i] *= 1 + relative;
      }
      return v;
    }

    @Override
    public double[] gradients(ReluNetwork f, double[] rows, int n) {
      double[] g = inner.gradients(f, rows, n);
      for (int i = 0; i < g.length; i++) {
        g[i] *= 1 + relative;
      }
      return g;
    }
  }

  /** The He-initialised cases: their float32 errors are genuine roundings, every row counts. */
  private static List<Case> heCases() {
    return cases().stream().filter(c -> c.label().startsWith("He")).toList();
  }

  /**
   * A relative error of 10^-3 in every value and gradient scales every fit by 1 + 10^-3, so moves
   * (w, b) by 10^-3·‖(w, b)‖; it is flagged for every method but KernelSHAP, whose tolerance carries
   * the efficiency constraint's √(d−1)‖δβ‖₂ for the eliminated weight and is of the order of that
   * move on these networks (see the next test).
   */
  @Test
  void aPlantedErrorOfOnePerMilleIsFlagged() {
    for (Case c : heCases()) {
      AgreementCheck check = new AgreementCheck(new Planted(CPU, 1e-3), CPU);
      for (AgreementRow r : check.run(c.f(), c.x0(), 1024, 3)) {
        if (!r.method().equals("kernelshap")) {
          assertFalse(r.within(), c.label() + ": " + r.describe());
        }
      }
    }
  }

  /** A relative error of 10^-2 is flagged for every method, KernelSHAP included. */
  @Test
  void aPlantedErrorOfOnePercentIsFlaggedForEveryMethod() {
    for (Case c : heCases()) {
      AgreementCheck check = new AgreementCheck(new Planted(CPU, 1e-2), CPU);
      for (AgreementRow r : check.run(c.f(), c.x0(), 1024, 4)) {
        assertFalse(r.within(), c.label() + ": " + r.describe());
      }
    }
  }

  /** Lasso fits (the methods with a penalty switched to ‖w‖₁): within, and a planted error flagged. */
  @Test
  void lassoFitsAgreeAndAPlantedErrorIsFlagged() {
    Case c = heCases().get(1);
    MethodSettings lasso = MethodSettings.defaults().withSamples(1024).withSeed(9).withLasso(true);
    for (String m : List.of("lime", "glime-binomial", "glime-gauss", "glime-laplace",
        "glime-uniform")) {
      assertTrue(Methods.create(m, lasso, c.f().dimension()).instance().modelClass().penalty()
          == ModelClass.Penalty.LASSO, m);
      AgreementRow ok = new AgreementCheck(new Float32CpuBackend(Float32CpuBackend.Mode.FMA), CPU)
          .method(m, c.f(), c.x0(), lasso);
      assertTrue(ok.within(), ok.describe());
      assertTrue(ok.tolerance().derivation().startsWith("lasso"), ok.describe());
      AgreementRow bad = new AgreementCheck(new Planted(CPU, 1e-2), CPU)
          .method(m, c.f(), c.x0(), lasso);
      assertFalse(bad.within(), bad.describe());
    }
  }

  /** A device that returns NaN is never within. */
  @Test
  void aNanIsOutside() {
    Case c = heCases().get(0);
    AgreementRow r = new AgreementCheck(new Planted(CPU, Double.NaN), CPU)
        .method("c-lime", c.f(), c.x0(), MethodSettings.defaults().withSamples(64));
    assertFalse(r.within(), r.describe());
  }

  /** A gradient method with a sample weight is refused: its tolerance assumes π ≡ 1. */
  @Test
  void aWeightedGradientMethodIsRefused() {
    LfaInstance weighted = new LfaInstance("weighted-gradients", Noises.gaussian(0.5),
        Combination.additive(), Kernel.lime(0.25, Kernel.Distance.L2), Loss.GRADIENT_MATCHING,
        Target.VALUE, ModelClass.linear(), false);
    assertThrows(IllegalStateException.class, () -> AgreementTolerance.gradient(weighted,
        new double[] {1, 1}, new double[] {1e-6, 1e-6}, 10, 1.0));
  }
}
