package xcert.explainers.oracle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.bench.NetworkExactBenchmark;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.setfunction.SetFunction;

/**
 * Statistical verdicts for permutation sampling: an antithetic permutation sampler written here
 * (independent of the oracle's bound) gives estimates that must be judged consistent with their n,
 * and a biased estimate (one feature's value shrunk) must be judged inconsistent once n is large.
 */
class StatisticalVerdictTest {

  private static final int D = 6;
  private static final ReluNetwork NET = NetworkExactBenchmark.network(D, 3);
  private static final double[] X = {1, 0, 1, 1, 0, 1};

  /** shap-style antithetic permutation sampling of Shapley values from v(S) = f_S(x). */
  private static double[] permutationEstimate(SetFunction v, long samples, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] sum = new double[D];
    int[] perm = new int[D];
    for (long k = 0; k < samples / 2; k++) {
      for (int i = 0; i < D; i++) {
        perm[i] = i;
      }
      for (int i = D - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      for (int dir = 0; dir < 2; dir++) {
        int s = 0;
        for (int p = 0; p < D; p++) {
          int i = perm[dir == 0 ? p : D - 1 - p];
          sum[i] += v.doubleAt(s | (1 << i)) - v.doubleAt(s);
          s |= 1 << i;
        }
      }
    }
    for (int i = 0; i < D; i++) {
      sum[i] /= 2 * (samples / 2);
    }
    return sum;
  }

  private static Grade grade(double[] estimate, long samples) {
    BigFraction[] given = new BigFraction[D];
    for (int i = 0; i < D; i++) {
      given[i] = BigFraction.from(estimate[i]);
    }
    return Oracle.grade(NET, X, null, given, Against.SHAPLEY, OracleSettings.defaults()
        .withEstimator(SampledEstimator.PERMUTATION, samples, 0.99));
  }

  @Test
  void honestEstimatesAreConsistentWithTheirSampleSize() {
    SetFunction v = RestrictedPredictions.table(NET, X, ProductDistribution.uniform(D)).values();
    for (long n : new long[] {20, 200, 2000}) {
      for (long seed = 1; seed <= 5; seed++) {
        Grade g = grade(permutationEstimate(v, n, seed), n);
        assertTrue(g.pass(), "n=" + n + " seed=" + seed + ": " + g.verdict());
        assertTrue(g.verdict().startsWith("PASS: consistent with " + n + " permutation"),
            g.verdict());
      }
    }
  }

  @Test
  void aBiasedEstimateIsInconsistentOnceTheSampleIsLarge() {
    SetFunction v = RestrictedPredictions.table(NET, X, ProductDistribution.uniform(D)).values();
    long n = 200_000;
    double[] est = permutationEstimate(v, n, 9);
    int biggest = 0;
    for (int i = 1; i < D; i++) {
      biggest = Math.abs(est[i]) > Math.abs(est[biggest]) ? i : biggest;
    }
    est[biggest] *= 0.5; // half of the largest attribution dropped, as an l1 penalty would
    Grade g = grade(est, n);
    assertFalse(g.pass(), g.verdict());
    assertTrue(g.verdict().startsWith("FAIL: not consistent with 200000 permutation"),
        g.verdict());
  }

  @Test
  void theBoundAppliesToShapleyOnly() {
    assertThrows(InputException.class, () -> Oracle.check(Against.BANZHAF,
        OracleSettings.defaults().withEstimator(SampledEstimator.PERMUTATION, 100, 0.99), false));
    assertThrows(InputException.class, () -> Oracle.check(Against.SHAPLEY,
        OracleSettings.defaults().withEstimator(SampledEstimator.PERMUTATION, 1, 0.99), false));
    assertThrows(InputException.class, () -> Oracle.check(Against.SHAPLEY,
        OracleSettings.defaults().withEstimator(SampledEstimator.PERMUTATION, 100, 1.0), false));
    assertThrows(InputException.class, () -> SampledEstimator.fromId("occlusion"));
  }
}
