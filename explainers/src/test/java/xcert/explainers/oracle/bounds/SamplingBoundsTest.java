package xcert.explainers.oracle.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import xcert.explainers.api.Attribution;
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
 * The bound functions on their own: the eigenvalue routine against closed forms, the population
 * normal equations the bounds rest on (E[z̃r] = 0 at the Shapley values, E[πx̃r] = 0 at the LIME
 * limit, checked from the exact tables), the 1/√n rate of the formulas, and the vacuous regime.
 */
class SamplingBoundsTest {

  private static final int D = 6;
  private static final ReluNetwork NET = NetworkExactBenchmark.network(D, 3);
  private static final double[] X = {1, 0, 1, 1, 0, 1};

  private static double[] game() {
    SetFunction v = RestrictedPredictions.table(NET, X, ProductDistribution.pointMass(
        new double[D])).values();
    double[] g = new double[1 << D];
    for (int s = 0; s < g.length; s++) {
      g[s] = v.doubleAt(s);
    }
    return g;
  }

  private static double[] shapley() {
    SetFunction v = RestrictedPredictions.table(NET, X, ProductDistribution.pointMass(
        new double[D])).values();
    Scalar[] phi = GameValues.shapley(v);
    double[] w = new double[D];
    for (int i = 0; i < D; i++) {
      w[i] = phi[i].value();
    }
    return w;
  }

  private static double[] limeLimit() {
    Attribution a = ExactLimits.lime(NET, X, new double[D], 0.25, Kernel.Distance.COSINE, true, 0);
    return a.values();
  }

  @Test
  void theLeastEigenvalueMatchesClosedForms() {
    // a·I + b·11ᵀ on R^5: eigenvalues a (four times) and a + 5b
    double[][] m = new double[5][5];
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 5; j++) {
        m[i][j] = (i == j ? 0.3 : 0) + 0.2;
      }
    }
    assertEquals(0.3, SymmetricEigen.lowerMinEigenvalue(m), 1e-10);
    double[][] neg = {{1, 0.2}, {0.2, 1}};
    m[0][0] = 1;
    assertEquals(0.8, SymmetricEigen.lowerMinEigenvalue(neg), 1e-10);
    // [[2,1,0],[1,2,1],[0,1,2]]: eigenvalues 2 − √2, 2, 2 + √2
    double[][] tri = {{2, 1, 0}, {1, 2, 1}, {0, 1, 2}};
    assertEquals(2 - Math.sqrt(2), SymmetricEigen.lowerMinEigenvalue(tri), 1e-10);
  }

  @Test
  void theLimitsSolveThePopulationNormalEquations() {
    double[] g = game();
    KernelShapSamplingBound.Moments k = KernelShapSamplingBound.moments(g, shapley());
    assertTrue(k.meanMoment() < 1e-12, "E[z̃r] = " + k.meanMoment());
    assertTrue(k.pair().lambdaMin() > 0 && k.pair().c() > 0, k.toString());
    LimeSamplingBound.Moments l = LimeSamplingBound.moments(g, limeLimit(), 0.25,
        Kernel.Distance.COSINE);
    assertTrue(l.meanMoment() < 1e-12, "E[πx̃r] = " + l.meanMoment());
    // a wrong β leaves a moment: the check has teeth
    double[] off = shapley();
    off[0] += 0.1;
    assertTrue(KernelShapSamplingBound.moments(g, off).meanMoment() > 1e-3);
  }

  @Test
  void theBoundsShrinkLikeOneOverRootN() {
    double[] g = game();
    double[] previous = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    for (long n : new long[] {20_000, 200_000, 2_000_000, 20_000_000, 200_000_000}) {
      double k = KernelShapSamplingBound.of(g, shapley(), n, 0.95).max()
          / KernelShapSamplingBound.of(g, shapley(), 4 * n, 0.95).max();
      double l = LimeSamplingBound.of(g, limeLimit(), 0.25, Kernel.Distance.COSINE, 1, n, 0.95)
          .max() / LimeSamplingBound.of(g, limeLimit(), 0.25, Kernel.Distance.COSINE, 1, 4 * n,
              0.95).max();
      // the 1/n terms (Gram slack, first sample, ridge bias) fade: the ratio falls towards 2
      assertTrue(k > 1.95 && k < previous[0] && l > 1.95 && l < previous[1],
          "n=" + n + ": kernelshap " + k + ", lime " + l);
      previous = new double[] {k, l};
    }
    assertTrue(previous[0] < 2.1 && previous[1] < 2.1, previous[0] + " " + previous[1]);
    // higher confidence, wider bound
    assertTrue(KernelShapSamplingBound.of(g, shapley(), 4000, 0.99).max()
        > KernelShapSamplingBound.of(g, shapley(), 4000, 0.9).max());
    // a finite half-width per feature, the eliminated one (w_d = c₁ − Σβ) included
    for (double h : KernelShapSamplingBound.of(g, shapley(), 4000, 0.95).halfWidths()) {
      assertTrue(h > 0 && Double.isFinite(h), Double.toString(h));
    }
  }

  @Test
  void tooFewSamplesGiveAVacuousBound() {
    double[] g = game();
    SamplingBound k = KernelShapSamplingBound.of(g, shapley(), 4, 0.95);
    assertTrue(k.vacuous(), k.inequality());
    assertEquals(Double.POSITIVE_INFINITY, k.max());
    assertTrue(k.inequality().contains("vacuous"), k.inequality());
    SamplingBound l = LimeSamplingBound.of(g, limeLimit(), 0.25, Kernel.Distance.COSINE, 1, 10,
        0.95);
    assertTrue(l.vacuous(), l.inequality());
    assertFalse(LimeSamplingBound.of(g, limeLimit(), 0.25, Kernel.Distance.COSINE, 1, 5000, 0.95)
        .vacuous());
  }

  @Test
  void theDeviationFormulaIsTheStatedOne() {
    // a huge μ/L needs no Gram slack: the bound tends to (c√(2m ln(2/δ)) + β)/(mλ_min), Hoeffding
    // (E‖U‖² = c², the worst case, so Bernstein's form is not smaller)
    long m = 1_000_000_000_000L;
    RegressionDeviation.Terms q = new RegressionDeviation.Terms(3, 1, 1, 1, 0, 2, 4);
    RegressionDeviation.Result r = RegressionDeviation.bound(q, m, 5, 0.05);
    double expected = (2 * Math.sqrt(2 * m * Math.log(2 / 0.05)) + 5) / m;
    assertEquals(expected, r.bound(), 1e-3 * expected);
    // a small variance E‖U‖² makes Bernstein's form the smaller one
    RegressionDeviation.Terms low = new RegressionDeviation.Terms(3, 1, 1, 1, 0, 2, 0.04);
    assertTrue(RegressionDeviation.bound(low, m, 5, 0.05).bound() < 0.2 * r.bound());
    // Bernstein's deviation solves t²/(2(v + at/3)) = log
    double t = CoordinateDeviation.bernstein(0.7, 3.0, 5.0);
    assertEquals(5.0, t * t / (2 * (3.0 + 0.7 * t / 3)), 1e-12);
    // one term, and a Gram term as large as its mean: no ε keeps the failure below δ
    RegressionDeviation.Terms one = new RegressionDeviation.Terms(3, 1, 1, 30, 900, 2, 4);
    assertTrue(RegressionDeviation.bound(one, 1, 0, 0.05).vacuous());
  }
}
