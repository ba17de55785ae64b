package xcert.explainers.rde;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import xcert.explainers.backend.CpuBackend;
import xcert.solvers.instances.Instance;
import xcert.solvers.instances.RandomInstances;

class ProjectedGradientTest {

  /** D(s) = ½ Σ a_i (1 − s_i)²: the minimiser of D + λ‖s‖₁ on [0,1]^d is s_i = max(0, 1 − λ/a_i). */
  private record Quadratic(double[] a) implements Distortion {
    @Override
    public int dimension() {
      return a.length;
    }

    @Override
    public double evaluate(double[] s, double[] gradient) {
      double v = 0;
      for (int i = 0; i < a.length; i++) {
        v += 0.5 * a[i] * (1 - s[i]) * (1 - s[i]);
        if (gradient != null) {
          gradient[i] = -a[i] * (1 - s[i]);
        }
      }
      return v;
    }

    @Override
    public String describe() {
      return "quadratic";
    }
  }

  /** Reaches the closed-form minimiser to 1e-8 (the stopping tolerance 1e-9 on the step, ×a_i⁻¹). */
  @Test
  void findsTheMinimiserOfASeparableQuadratic() {
    double[] a = {0.5, 2, 8, 40, 0.01};
    double lambda = 1;
    ProjectedGradient.Result r = ProjectedGradient.minimise(new Quadratic(a), lambda, 0.2, 0.85,
        300);
    double[] s = r.s();
    for (int i = 0; i < a.length; i++) {
      assertEquals(Math.max(0, 1 - lambda / a[i]), s[i], 1e-8, Arrays.toString(s) + " " + r);
    }
  }

  /** The full mode and a factor of rank d define the same objective, and end at the same map. */
  @Test
  void fullAndFullRankFactorEndTogether() {
    for (long seed = 1; seed <= 5; seed++) {
      Instance inst = RandomInstances.reluInstance(seed, 6, 5, false);
      double[] full = new RdeExplainer(RdeSettings.defaults().withMode(DistortionMode.FULL),
          inst.distribution()).explain(inst.model(), inst.x(), new CpuBackend(1)).values();
      double[] low = new RdeExplainer(RdeSettings.defaults().withMode(DistortionMode.LOW_RANK),
          inst.distribution()).explain(inst.model(), inst.x(), new CpuBackend(1)).values();
      for (int i = 0; i < 6; i++) {
        assertEquals(full[i], low[i], 1e-4, inst + " full " + Arrays.toString(full) + " low "
            + Arrays.toString(low));
      }
    }
  }
}
