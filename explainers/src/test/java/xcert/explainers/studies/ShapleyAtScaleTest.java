package xcert.explainers.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.explainers.explain.BackendChoice;
import xcert.solvers.model.Circuit;
import xcert.solvers.result.Scalar;

/**
 * Issue 20 point 7: sampled Shapley values graded against exact ones at d = 100. The exact values
 * satisfy efficiency exactly: Σφ_i = f(x) − f(r) for the baseline game. Permutation sampling with N
 * antithetic permutations averages N/2 independent pairs whose mean marginal contribution lies in
 * [−1, 1] (f is Boolean), so by Hoeffding and a union bound over the 100 features,
 * P(max_i |φ̂_i − φ_i| ≥ ε) ≤ 200·exp(−N ε²/4); at N = 1600 and failure probability 10^-6 that is
 * ε = 0.218. The error also shrinks from N = 100 to N = 1600.
 */
class ShapleyAtScaleTest {

  @Test
  void exactValuesAreEfficientAndPermutationSamplingIsWithinItsBound() {
    ShapleyAtScale.Settings s = new ShapleyAtScale.Settings(new long[] {100, 1600},
        new long[] {4000}, 4300);
    ShapleyAtScale.Result r = ShapleyAtScale.run(s, BackendChoice.CPU, line -> { });
    Circuit f = ShapleyAtScale.circuit();
    double[] x = ShapleyAtScale.input(4300);
    double[] ref = new double[100];
    for (int i = 0; i < 100; i++) {
      ref[i] = 1 - x[i];
    }
    BigFraction sum = BigFraction.ZERO;
    for (Scalar v : r.exact()) {
      sum = sum.add(v.exact());
    }
    assertEquals(f.exactValue(x).subtract(f.exactValue(ref)), sum, "efficiency");
    assertTrue(r.maxAbsValue() > 0, "some feature matters");
    double eps = Math.sqrt(4 * Math.log(200 / 1e-6) / 1600);
    ShapleyAtScale.Row n100 = r.rows().get(0);
    ShapleyAtScale.Row n1600 = r.rows().get(1);
    assertEquals(1600, n1600.samples());
    assertTrue(n1600.maxAbsError() <= eps, n1600 + " against ε = " + eps);
    assertTrue(n1600.maxAbsError() < n100.maxAbsError(), r.rows().toString());
    assertEquals("kernelshap", r.rows().get(2).estimator());
  }
}
