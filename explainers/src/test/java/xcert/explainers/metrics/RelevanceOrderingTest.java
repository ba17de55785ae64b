package xcert.explainers.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.nofreelunch.RandomCircuits;
import xcert.solvers.dist.EmpiricalDistribution;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.exact.RateDistortion;
import xcert.solvers.model.Circuit;
import xcert.solvers.result.Provenance;

class RelevanceOrderingTest {

  private static final CpuBackend CPU = new CpuBackend(1);

  @Test
  void conjunctionUnderUniformByHand() {
    // f = x1 ∧ x2 on 3 inputs, x = 111, relevance (1, 1, 0) → order 1, 2, 3.
    // D(∅) = ½ P(f(y) ≠ 1) = ½ · ¾ = 3/8; D({1}) = ½ P(y2 = 0) = ¼; D({1,2}) = D({1,2,3}) = 0.
    RelevanceOrdering.Curve c = RelevanceOrdering.curve(Models.and12(3), new double[] {1, 1, 1},
        new double[] {1, 1, 0}, Ranking.SIGNED, ProductDistribution.uniform(3), Arithmetic.EXACT,
        0, 0, CPU);
    assertEquals(BigFraction.of(3, 8), c.distortions().get(0).exact());
    assertEquals(BigFraction.of(1, 4), c.distortions().get(1).exact());
    assertEquals(BigFraction.ZERO, c.distortions().get(2).exact());
    assertEquals(BigFraction.ZERO, c.distortions().get(3).exact());
    assertEquals(Provenance.Kind.EXACT, c.provenance().kind());
  }

  @Test
  void agreesWithExactRateDistortionOnRandomCircuits() {
    Random rnd = new Random(5);
    for (int t = 0; t < 20; t++) {
      int d = 2 + rnd.nextInt(5);
      Circuit f = RandomCircuits.circuit(rnd, d);
      double[] x = new double[d];
      double[] rel = new double[d];
      for (int i = 0; i < d; i++) {
        x[i] = rnd.nextInt(2);
        rel[i] = rnd.nextGaussian();
      }
      BigFraction[] p = new BigFraction[d];
      for (int i = 0; i < d; i++) {
        p[i] = BigFraction.of(1 + rnd.nextInt(7), 8);
      }
      ProductDistribution v = ProductDistribution.bernoulli(p);
      RelevanceOrdering.Curve c = RelevanceOrdering.curve(f, x, rel, Ranking.MAGNITUDE, v,
          Arithmetic.EXACT, 0, 0, CPU);
      RelevanceOrdering.Curve fl = RelevanceOrdering.curve(f, x, rel, Ranking.MAGNITUDE, v,
          Arithmetic.FLOAT64, 0, 0, CPU);
      RateDistortion rd = RateDistortion.compute(f, x, v, Arithmetic.EXACT);
      int[] order = c.order();
      int mask = 0;
      for (int k = 0; k <= d; k++) {
        if (k > 0) {
          mask |= 1 << order[k - 1];
        }
        assertEquals(rd.distortion().exactAt(mask), c.distortions().get(k).exact(), "k=" + k);
        assertEquals(c.distortion(k), fl.distortion(k), 1e-12);
      }
      assertEquals(Provenance.Kind.ENUMERATED_FLOAT64, fl.provenance().kind());
      // the same curve read off the exact distortion over all sets (the optimality gap's route)
      RelevanceOrdering.Curve read = RelevanceOrdering.curve(order, rd.distortion(),
          c.provenance());
      assertEquals(c.distortions(), read.distortions());
    }
  }

  @Test
  void empiricalRowsByHand() {
    // rows 111, 000, 010; f = x1 ∧ x2 at x = 111. D(∅) = ½ · 2/3 = 1/3 (000, 010 give 0).
    // Keep feature 1: y = 111, 100, 110 → f = 1, 0, 1 → D = ½ · 1/3 = 1/6. Then 0, 0.
    var e = new EmpiricalDistribution(new double[][] {{1, 1, 1}, {0, 0, 0}, {0, 1, 0}}, "test");
    RelevanceOrdering.Curve c = RelevanceOrdering.curve(Models.and12(3), new double[] {1, 1, 1},
        new double[] {3, 2, 1}, Ranking.SIGNED, e, Arithmetic.EXACT, 0, 0, CPU);
    assertEquals(BigFraction.of(1, 3), c.distortions().get(0).exact());
    assertEquals(BigFraction.of(1, 6), c.distortions().get(1).exact());
    assertEquals(BigFraction.ZERO, c.distortions().get(2).exact());
  }

  @Test
  void sampledBeyondTwoToTheTwentyWithinHoeffding() {
    // 21 uniform binary features: 2^21 completions, so D is sampled. f = x1 ∧ x2, x = 1…1, order
    // 1, 2, 3, …: the hand values of the first test, 3/8, 1/4, then 0.
    int d = 21;
    int n = 4000;
    double[] x = new double[d];
    double[] rel = new double[d];
    for (int i = 0; i < d; i++) {
      x[i] = 1;
      rel[i] = d - i;
    }
    RelevanceOrdering.Curve c = RelevanceOrdering.curve(Models.and12(d), x, rel, Ranking.SIGNED,
        ProductDistribution.uniform(d), Arithmetic.EXACT, n, 42, CPU);
    assertEquals(Provenance.Kind.SAMPLED, c.provenance().kind());
    assertEquals(n, c.provenance().samples());
    assertEquals(42, c.provenance().seed());
    // ½(f(x) − f(y))² ∈ [0, ½]: Hoeffding at δ = 1e-6
    double tol = 0.5 * Math.sqrt(Math.log(2e6) / (2.0 * n));
    assertEquals(3.0 / 8, c.distortion(0), tol);
    assertEquals(1.0 / 4, c.distortion(1), tol);
    for (int k = 2; k <= d; k++) {
      assertEquals(0, c.distortion(k));
    }
  }

  @Test
  void badInput() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RelevanceOrdering.curve(Models.and12(3), new double[3], new double[2],
            Ranking.SIGNED, ProductDistribution.uniform(3), Arithmetic.EXACT, 0, 0, CPU));
    assertTrue(e.getMessage().contains("dimensions differ"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> RelevanceOrdering.curve(Models.and12(21), new double[21], new double[21],
            Ranking.SIGNED, ProductDistribution.uniform(21), Arithmetic.EXACT, 0, 0, CPU));
  }
}
