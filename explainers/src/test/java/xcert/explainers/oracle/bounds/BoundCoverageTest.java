package xcert.explainers.oracle.bounds;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import xcert.explainers.lfa.Kernel;
import xcert.explainers.limits.ExactLimits;
import xcert.solvers.bench.NetworkExactBenchmark;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.exact.GameValues;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.SetFunction;

/**
 * Monte-Carlo coverage: over 50 seeds of samplers written independently ({@link
 * IndependentSamplers}), every feature's error stays within the bound at C = 0.95 in at least 95% of
 * the runs (the bounds are conservative, so in practice in all of them), for KernelSHAP (even and
 * odd n) and LIME on a d = 6 ReLU network at the reference 0.
 */
class BoundCoverageTest {

  private static final int D = 6;
  private static final ReluNetwork NET = NetworkExactBenchmark.network(D, 3);
  private static final double[] X = {1, 0, 1, 1, 0, 1};

  @Test
  void theBoundsCoverAtLeastTheirConfidence() {
    SetFunction t = RestrictedPredictions.table(NET, X, ProductDistribution.pointMass(
        new double[D])).values();
    double[] v = new double[1 << D];
    for (int s = 0; s < v.length; s++) {
      v[s] = t.doubleAt(s);
    }
    Scalar[] phi = GameValues.shapley(t);
    double[] shapley = new double[D];
    for (int i = 0; i < D; i++) {
      shapley[i] = phi[i].value();
    }
    double[] limit = ExactLimits.lime(NET, X, new double[D], 0.25, Kernel.Distance.COSINE, true,
        0).values();
    double[] pi = new double[D + 1];
    for (int k = 0; k <= D; k++) {
      double dist = Kernel.Distance.COSINE.of(k, D);
      pi[k] = Math.sqrt(Math.exp(-dist * dist / (0.25 * 0.25)));
    }
    int seeds = 50;
    for (long n : new long[] {1000, 1001}) {
      double[] h = KernelShapSamplingBound.of(v, shapley, n, 0.95).halfWidths();
      int covered = 0;
      for (long seed = 0; seed < seeds; seed++) {
        covered += within(IndependentSamplers.kernelShap(v, D, n, seed), shapley, h) ? 1 : 0;
      }
      assertTrue(covered >= 0.95 * seeds, "kernelshap n=" + n + ": " + covered + "/" + seeds);
    }
    long n = 3000;
    double[] h = LimeSamplingBound.of(v, limit, 0.25, Kernel.Distance.COSINE, 1, n, 0.95)
        .halfWidths();
    int covered = 0;
    for (long seed = 0; seed < seeds; seed++) {
      covered += within(IndependentSamplers.lime(v, D, n, seed, pi, 1), limit, h) ? 1 : 0;
    }
    assertTrue(covered >= 0.95 * seeds, "lime: " + covered + "/" + seeds);
  }

  private static boolean within(double[] est, double[] exact, double[] h) {
    for (int i = 0; i < est.length; i++) {
      if (Math.abs(est[i] - exact[i]) > h[i]) {
        return false;
      }
    }
    return true;
  }
}
