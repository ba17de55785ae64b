package xcert.explainers.rde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import xcert.explainers.api.Attribution;
import xcert.explainers.backend.Backend;
import xcert.explainers.backend.CpuBackend;
import xcert.solvers.dist.ConditionalDistribution;
import xcert.solvers.dist.EmpiricalDistribution;
import xcert.solvers.dist.FeatureSupport;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.exact.RateDistortion;
import xcert.solvers.instances.Instance;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.result.Provenance;
import xcert.solvers.setfunction.SetFunction;
import org.apache.commons.numbers.fraction.BigFraction;

class RdeExplainerTest {

  private static final Backend CPU = new CpuBackend(1);

  private static ReluNetwork linear(double... w) {
    return new ReluNetwork(new double[][][] {{w}}, new double[][] {{0}}, OptionalDouble.empty());
  }

  /** For each k, the sets of size k with the least exact D(S) (seed 003 Section 3), bit i = feature i+1. */
  private static List<List<Integer>> optimalSets(ReluNetwork f, double[] x, ReferenceDistribution v) {
    int d = x.length;
    SetFunction dist = RateDistortion.compute(f, x, v, Arithmetic.EXACT).distortion();
    List<List<Integer>> best = new ArrayList<>();
    for (int k = 0; k <= d; k++) {
      List<Integer> sets = new ArrayList<>();
      for (int s = 0; s < 1 << d; s++) {
        if (Integer.bitCount(s) != k) {
          continue;
        }
        if (sets.isEmpty() || dist.compare(s, sets.get(0)) < 0) {
          sets.clear();
          sets.add(s);
        } else if (dist.compare(s, sets.get(0)) == 0) {
          sets.add(s);
        }
      }
      best.add(sets);
    }
    return best;
  }

  /** S is a top-|S| set of s: every member scores at least every non-member (ties allowed). */
  private static boolean isTopSet(double[] s, int set) {
    double minIn = Double.POSITIVE_INFINITY;
    double maxOut = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < s.length; i++) {
      if ((set >> i & 1) == 1) {
        minIn = Math.min(minIn, s[i]);
      } else {
        maxOut = Math.max(maxOut, s[i]);
      }
    }
    return minIn >= maxOut;
  }

  /**
   * Recovery on a tight instance: f(x) = Σ w_i x_i with w = 16, 8, 4, 2, 1, x = 1, V uniform on
   * {0,1}^5 or a product with other supports. The exact min{D(S) : |S| = k} is attained only by the
   * k largest weights, and for every k (and every mode and λ tried) RDE's s ranks exactly that set on
   * top: each k-optimal set is a top-k set of s, and s is strictly decreasing where it is not at a
   * bound of [0,1].
   */
  @Test
  void recoversTheExactOptimalSetsOfALinearModel() {
    ReluNetwork f = linear(16, 8, 4, 2, 1);
    double[] x = {1, 1, 1, 1, 1};
    List<ReferenceDistribution> vs = List.of(ProductDistribution.uniform(5),
        ProductDistribution.of(List.of(
            new FeatureSupport(new double[] {-1, 0, 1}, thirds()),
            new FeatureSupport(new double[] {-1, 0, 1}, thirds()),
            new FeatureSupport(new double[] {-1, 0, 1}, thirds()),
            new FeatureSupport(new double[] {-1, 0, 1}, thirds()),
            new FeatureSupport(new double[] {-1, 0, 1}, thirds()))));
    for (ReferenceDistribution v : vs) {
      List<List<Integer>> best = optimalSets(f, x, v);
      for (int k = 0; k <= 5; k++) {
        assertEquals(List.of((1 << k) - 1), best.get(k), "the top-k weights are the unique optimum");
      }
      for (DistortionMode mode : DistortionMode.values()) {
        for (double lambda : new double[] {Double.NaN, 1, 10}) {
          RdeSettings st = RdeSettings.defaults().withMode(mode).withLambda(lambda);
          double[] s = new RdeExplainer(st, v).explain(f, x, CPU).values();
          String label = mode + " λ=" + lambda + " " + v.describe() + " s=" + Arrays.toString(s);
          for (int k = 0; k <= 5; k++) {
            assertTrue(isTopSet(s, best.get(k).get(0)), "k=" + k + " " + label);
          }
          for (int i = 0; i + 1 < 5; i++) {
            boolean interior = s[i] > 0 && s[i] < 1 || s[i + 1] > 0 && s[i + 1] < 1;
            assertTrue(!interior || s[i] > s[i + 1], "strict order at " + (i + 1) + " " + label);
          }
          assertTrue(s[0] > s[4], "s separates the largest and smallest weights " + label);
        }
      }
    }
  }

  private static BigFraction[] thirds() {
    return new BigFraction[] {BigFraction.of(1, 3), BigFraction.of(1, 3), BigFraction.of(1, 3)};
  }

  @Test
  void sameSettingsGiveBitwiseIdenticalMaps() {
    Instance relu = RandomInstances.reluInstance(17, 6, 4, true);
    Instance circuit = RandomInstances.circuitInstance(18, 6, 10);
    for (DistortionMode mode : DistortionMode.values()) {
      RdeSettings st = RdeSettings.defaults().withMode(mode).withRank(3).withSeed(99);
      double[] a = new RdeExplainer(st, relu.distribution()).explain(relu.model(), relu.x(), CPU)
          .values();
      double[] b = new RdeExplainer(st, relu.distribution())
          .explain(relu.model(), relu.x(), new CpuBackend(4)).values();
      assertArrayEquals(a, b, mode.toString());
    }
    RdeSettings st = RdeSettings.defaults().withMode(DistortionMode.SAMPLES).withSeed(5);
    double[] a = new RdeExplainer(st, circuit.distribution())
        .explain(circuit.model(), circuit.x(), CPU).values();
    double[] b = new RdeExplainer(st, circuit.distribution())
        .explain(circuit.model(), circuit.x(), CPU).values();
    assertArrayEquals(a, b);
    for (double v : a) {
      assertTrue(v >= 0 && v <= 1);
    }
  }

  @Test
  void attributionCarriesSettingsAndHeuristicProvenance() {
    Instance relu = RandomInstances.reluInstance(21, 4, 3, false);
    Attribution adf = new RdeExplainer(RdeSettings.defaults(), relu.distribution())
        .explain(relu.model(), relu.x(), CPU);
    assertEquals("rde", adf.method());
    assertTrue(adf.intercept().isEmpty());
    assertEquals(Provenance.Kind.HEURISTIC, adf.provenance().kind());
    assertEquals(0, adf.provenance().samples());
    assertTrue(adf.provenance().method().startsWith("RDE, projected gradient with momentum 0.85 "
        + "and Armijo line search, distortion by ADF diagonal"), adf.provenance().method());
    assertTrue(adf.settings().keySet().containsAll(List.of("lambda", "distortion", "iterations",
        "final objective", "final D(s)")), adf.settings().toString());
    assertEquals("diag", adf.settings().get("distortion"));
    Attribution sampled = new RdeExplainer(RdeSettings.defaults().withMode(DistortionMode.SAMPLES)
        .withSamples(100).withSeed(7), relu.distribution()).explain(relu.model(), relu.x(), CPU);
    assertEquals(100, sampled.provenance().samples());
    assertEquals(7, sampled.provenance().seed());
    assertEquals("7", sampled.settings().get("seed"));
    Attribution low = new RdeExplainer(RdeSettings.defaults().withMode(DistortionMode.LOW_RANK),
        relu.distribution()).explain(relu.model(), relu.x(), CPU);
    assertEquals("4", low.settings().get("rank"), "rank 30 capped at d = 4");
  }

  @Test
  void adfModesRefuseCircuits() {
    Instance c = RandomInstances.circuitInstance(3, 4, 6);
    for (DistortionMode mode : List.of(DistortionMode.DIAGONAL, DistortionMode.LOW_RANK,
        DistortionMode.FULL)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new RdeExplainer(RdeSettings.defaults().withMode(mode), c.distribution())
              .explain(c.model(), c.x(), CPU));
      assertEquals("ADF needs a ReLU network; circuits need the sampled distortion "
          + "(DistortionMode.SAMPLES)",
          e.getMessage());
    }
  }

  @Test
  void conditionalDistributionsAreRefused() {
    EmpiricalDistribution rows = new EmpiricalDistribution(new double[][] {{0, 1}, {1, 0}}, "t");
    assertThrows(IllegalArgumentException.class, () -> new RdeExplainer(RdeSettings.defaults(),
        ConditionalDistribution.ofRows(rows)));
  }

  @Test
  void badSettingsAreRejectedWithTheirNameAndValue() {
    RdeSettings d = RdeSettings.defaults();
    expect(() -> d.withLambda(-1), "lambda is -1.0");
    expect(() -> d.withLambda(Double.POSITIVE_INFINITY), "lambda is Infinity");
    expect(() -> d.withMode(null), "mode is null");
    expect(() -> d.withRank(0), "rank is 0, expected at least 1");
    expect(() -> d.withSamples(0), "samples is 0, expected at least 1");
    expect(() -> d.withIterations(-3), "iterations is -3, expected at least 0");
    expect(() -> d.withMomentum(1), "momentum is 1.0, expected a number in [0, 1)");
    expect(() -> d.withInitial(1.5), "initial is 1.5, expected a number in [0, 1]");
    expect(() -> DistortionMode.fromCli("lowrank"),
        "unknown distortion mode 'lowrank', expected one of diag, low-rank, full, samples");
    assertEquals(DistortionMode.LOW_RANK, DistortionMode.fromCli("low-rank"));
  }

  private static void expect(Supplier<?> bad, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::get);
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  /** The factor Q = U_r Λ_r^{1/2}: QQᵀ = Cov for r = d; for r &lt; d, trace QQᵀ is the top-r sum. */
  @Test
  void referenceFactorIsATruncatedEigendecomposition() {
    double[][] rows = {{0, 0, 1}, {1, 1, 0}, {1, 1, 1}, {0, 1, 1}, {2, 0, 0}};
    ReferenceMoments m = ReferenceMoments.ofRows(rows);
    double[][] c = m.covariance();
    double[][] q = m.factor(3);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double s = 0;
        for (int k = 0; k < 3; k++) {
          s += q[i][k] * q[j][k];
        }
        assertEquals(c[i][j], s, 1e-14);
      }
    }
    double[] colNorm = new double[3];
    for (int k = 0; k < 3; k++) {
      for (int i = 0; i < 3; i++) {
        colNorm[k] += q[i][k] * q[i][k];
      }
    }
    assertTrue(colNorm[0] >= colNorm[1] && colNorm[1] >= colNorm[2], Arrays.toString(colNorm));
    double[][] q1 = m.factor(1);
    double t = 0;
    for (int i = 0; i < 3; i++) {
      t += q1[i][0] * q1[i][0];
    }
    assertEquals(colNorm[0], t, 1e-14);
    assertThrows(IllegalArgumentException.class, () -> m.factor(4));
  }
}
