package xcert.explainers.permutation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import xcert.explainers.explain.BackendChoice;
import xcert.explainers.explain.ExplainMethod;
import xcert.explainers.explain.ExplainSettings;
import xcert.explainers.explain.Explanation;
import xcert.explainers.explain.Explanations;
import xcert.explainers.oracle.Against;
import xcert.explainers.oracle.Grade;
import xcert.explainers.oracle.Oracle;
import xcert.explainers.oracle.OracleSettings;
import xcert.explainers.oracle.SampledEstimator;
import xcert.solvers.dist.EmpiricalDistribution;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.result.Provenance;
import xcert.solvers.setfunction.SetFunction;

/**
 * Permutation sampling of Shapley values: against an antithetic sampler written here on the exact
 * table of f_S(x), against the oracle's Hoeffding bound, efficiency per run, reproducibility, and
 * the refusals of n.
 */
class PermutationSamplingTest {

  private static final int D = 5;
  private static final ReluNetwork NET = RandomInstances.relu(new SplittableRandom(21), D, 6, 2,
      false);
  private static final double[] X = {0.9, -0.4, 1.3, 0.2, -1.1};
  private static final ReferenceDistribution V = new EmpiricalDistribution(new double[][] {
      {0, 0, 0, 0, 0}, {1, 1, -1, 0.5, 0}, {-0.3, 0.8, 0.1, -1, 2}, {0.6, -0.6, 0.4, 0.4, 0.1}},
      "rows");
  private static final ExplainSettings CPU = ExplainSettings.defaults()
      .withBackend(BackendChoice.CPU);

  /** Antithetic orders (Fisher–Yates from SplittableRandom(seed)) walked on a table. */
  private static double[] independent(SetFunction v, long n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] sum = new double[D];
    for (long k = 0; k < n / 2; k++) {
      int[] p = new int[D];
      for (int i = 0; i < D; i++) {
        p[i] = i;
      }
      for (int i = D - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
      }
      for (int dir = 0; dir < 2; dir++) {
        int s = 0;
        for (int q = 0; q < D; q++) {
          int i = p[dir == 0 ? q : D - 1 - q];
          sum[i] += v.doubleAt(s | (1 << i)) - v.doubleAt(s);
          s |= 1 << i;
        }
      }
    }
    for (int i = 0; i < D; i++) {
      sum[i] /= n;
    }
    return sum;
  }

  @Test
  void matchesAnIndependentSamplerOnTheExactGameTable() {
    SetFunction v = RestrictedPredictions.table(NET, X, V).values();
    long n = 64;
    Explanation e = Explanations.explain(NET, X, V, ExplainMethod.PERMUTATION,
        CPU.withSamples(n).withSeed(9));
    // same orders, same sums; the coalition values differ only by float64 rounding of the
    // weighted row averages (relative 1e-12 is far above it, far below any wrong order)
    assertArrayEquals(independent(v, n, 9), e.attribution().values(), 1e-12);
  }

  @Test
  void anHonestRunIsWithinThePermutationHoeffdingBoundAndEfficient() {
    for (long seed = 1; seed <= 4; seed++) {
      long n = 100;
      Explanation e = Explanations.explain(NET, X, V, ExplainMethod.PERMUTATION,
          CPU.withSamples(n).withSeed(seed));
      Provenance p = e.provenance();
      assertEquals(Provenance.Kind.SAMPLED, p.kind());
      assertEquals(n, p.samples());
      assertEquals(seed, p.seed());
      Grade g = Oracle.grade(NET, X, V, e, Against.SHAPLEY, OracleSettings.defaults()
          .withTolerance(org.apache.commons.numbers.fraction.BigFraction.ZERO)
          .withEstimator(SampledEstimator.PERMUTATION, n, 0.99));
      assertTrue(g.pass(), g::toString);
      SetFunction v = RestrictedPredictions.table(NET, X, V).values();
      double sum = 0;
      double scale = 0;
      for (double w : e.attribution().values()) {
        sum += w;
      }
      for (int s = 0; s < 1 << D; s++) {
        scale = Math.max(scale, Math.abs(v.doubleAt(s)));
      }
      double target = v.doubleAt((1 << D) - 1) - v.doubleAt(0);
      // each walk telescopes exactly in real arithmetic; float64 adds n(d+1) rounded terms of
      // size ≤ 2·max|v|, each off by ≤ 2^-52 of the running sum
      double rounding = 4.0 * n * (D + 1) * 0x1p-52 * 2 * scale;
      assertEquals(target, sum, rounding);
      assertEquals(v.doubleAt(0), e.attribution().intercept().getAsDouble(), 1e-12 * scale);
    }
  }

  @Test
  void reproducibleFromTheSeedAndAPointMassIsTheReference() {
    ExplainSettings s = CPU.withSamples(40).withSeed(3);
    double[] a = Explanations.explain(NET, X, V, ExplainMethod.PERMUTATION, s).attribution()
        .values();
    assertArrayEquals(a, Explanations.explain(NET, X, V, ExplainMethod.PERMUTATION, s)
        .attribution().values());
    double[] r = {0.5, 0, -1, 0.25, 1};
    assertArrayEquals(Explanations.explain(NET, X, null, ExplainMethod.PERMUTATION,
        s.withReference(r)).attribution().values(), Explanations.explain(NET, X,
        ProductDistribution.pointMass(r), ExplainMethod.PERMUTATION, s).attribution().values());
  }

  @Test
  void refusesOddOrTooFewPermutationsAndSettingsItDoesNotUse() {
    for (long n : new long[] {1, 3, 0, 101}) {
      InputException e = assertThrows(InputException.class, () -> Explanations.explain(NET, X, V,
          ExplainMethod.PERMUTATION, CPU.withSamples(n)));
      assertTrue(e.getMessage().contains("even"), e.getMessage());
    }
    assertThrows(InputException.class, () -> Explanations.explain(NET, X, V,
        ExplainMethod.PERMUTATION, CPU.withSigma(1.0)));
  }
}
