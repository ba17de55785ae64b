package xcert.solvers.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.bench.ExactBenchmark;
import xcert.solvers.dist.EmpiricalDistribution;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.exact.GameValues;
import xcert.solvers.exact.RestrictedPredictionTable;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Model;

import xcert.solvers.result.Scalar;

/**
 * The stream against the f_S table (seed 004 Eq. 1, then Shapley and Banzhaf values over all 2^d
 * sets): exactly equal values, f_∅ and f(x), on generated circuits, 3-CNFs and ReLU networks (scores
 * and classifiers) under the uniform distribution, product Bernoulli distributions with few distinct
 * dyadic or non-dyadic probabilities, point masses and backgrounds of rows.
 */
class StreamEqualsTableTest {

  private static ReferenceDistribution distribution(SplittableRandom r, int d, double[] x) {
    switch (r.nextInt(4)) {
      case 0:
        return ProductDistribution.uniform(d);
      case 1: {
        BigFraction[] few = {BigFraction.of(1, 4), BigFraction.of(3, 4), BigFraction.of(1, 2),
            BigFraction.of(1, 3), BigFraction.ONE, BigFraction.ZERO};
        int k = 1 + r.nextInt(3);
        BigFraction[] p = new BigFraction[d];
        for (int i = 0; i < d; i++) {
          p[i] = few[r.nextInt(k)];
        }
        return ProductDistribution.bernoulli(p);
      }
      case 2: {
        double[] ref = new double[d];
        for (int i = 0; i < d; i++) {
          ref[i] = r.nextInt(2);
        }
        return ProductDistribution.pointMass(ref);
      }
      default: {
        int n = 1 + r.nextInt(6);
        double[][] rows = new double[n][d];
        for (double[] row : rows) {
          for (int i = 0; i < d; i++) {
            row[i] = r.nextInt(3) == 0 ? x[i] : r.nextInt(2);
          }
        }
        if (n > 1) {
          rows[n - 1] = rows[0].clone();
        }
        return new EmpiricalDistribution(rows, "generated");
      }
    }
  }

  private static void assertSame(Model f, double[] x, ReferenceDistribution v, String what) {
    RestrictedPredictionTable t = RestrictedPredictions.table(f, x, v);
    for (Semivalue q : List.of(Semivalue.SHAPLEY, Semivalue.BANZHAF)) {
      Scalar[] expected = q == Semivalue.SHAPLEY ? GameValues.shapley(t.values())
          : GameValues.banzhaf(t.values());
      StreamValues s = StreamingValues.compute(f, x, v, q, StreamOptions.defaults().withThreads(2));
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i].exact(), s.values().get(i).exact(),
            q.id() + " of feature " + (i + 1) + ", " + what + ", " + v.describe());
      }
      assertEquals(t.fEmpty().exact(), s.fEmpty().exact(), "f_empty, " + what);
      assertEquals(t.fx().exact(), s.fx().exact(), "f(x), " + what);
    }
  }

  @Test
  void circuitsEqualTheTable() {
    qt().withFixedSeed(19L).withExamples(150)
        .forAll(integers().between(1, 14), integers().between(1, 40), longs().between(0, 1 << 30))
        .checkAssert((d, gates, seed) -> {
          SplittableRandom r = new SplittableRandom(seed);
          Model f = r.nextBoolean() ? RandomInstances.circuit(r, d, gates)
              : RandomInstances.cnf(r, d, 1 + r.nextInt(3 * d), Math.min(3, d));
          double[] x = RandomInstances.input(r, d, true);
          assertSame(f, x, distribution(r, d, x), "circuit seed " + seed);
        });
  }

  @Test
  void networksEqualTheTable() {
    qt().withFixedSeed(23L).withExamples(60)
        .forAll(integers().between(1, 11), integers().between(1, 6), longs().between(0, 1 << 30))
        .checkAssert((d, width, seed) -> {
          SplittableRandom r = new SplittableRandom(seed);
          Model f = RandomInstances.relu(r, d, width, 1 + r.nextInt(2), r.nextInt(3) == 0);
          double[] x = RandomInstances.input(r, d, true);
          assertSame(f, x, distribution(r, d, x), "network seed " + seed);
        });
  }

  /**
   * Networks with arbitrary float64 weights, whose exact numerators take several 64-bit words
   * (counted in 32-bit channels).
   */
  @Test
  void multiWordNetworksEqualTheTable() {
    int multi = 0;
    SplittableRandom r = new SplittableRandom(77);
    for (int trial = 0; trial < 25; trial++) {
      int d = 1 + r.nextInt(9);
      int width = 1 + r.nextInt(5);
      double[][][] w = {new double[width][d], new double[1][width]};
      double[][] b = {new double[width], new double[1]};
      for (double[][] layer : w) {
        for (double[] row : layer) {
          for (int i = 0; i < row.length; i++) {
            row[i] = r.nextDouble() * 4 - 2;
          }
        }
      }
      for (double[] layer : b) {
        for (int j = 0; j < layer.length; j++) {
          layer[j] = r.nextDouble() - 0.5;
        }
      }
      Model f = new xcert.solvers.model.ReluNetwork(w, b, java.util.OptionalDouble.empty());
      double[] x = RandomInstances.input(r, d, true);
      ReferenceDistribution v = distribution(r, d, x);
      if (StreamPlan.of(f, x, v, Semivalue.SHAPLEY).channels() > 1) {
        multi++;
      }
      assertSame(f, x, v, "float64 network, trial " + trial);
    }
    org.junit.jupiter.api.Assertions.assertTrue(multi >= 20, multi + " of 25 used channels");
  }

  /** Every d from 15 to 24 once, each with a generated circuit and a random distribution kind. */
  @Test
  void everyDimensionUpTo24EqualsTheTable() {
    SplittableRandom r = new SplittableRandom(2419);
    for (int d = 15; d <= 24; d++) {
      Model f = d % 2 == 0 ? RandomInstances.circuit(r, d, 2 * d)
          : RandomInstances.cnf(r, d, 2 * d, 3);
      double[] x = RandomInstances.input(r, d, true);
      assertSame(f, x, distribution(r, d, x), "circuit d=" + d);
    }
    for (int d = 12; d <= 16; d++) {
      Model f = RandomInstances.relu(r, d, 4, 1, d == 14);
      double[] x = RandomInstances.input(r, d, true);
      assertSame(f, x, distribution(r, d, x), "network d=" + d);
    }
  }

  @Test
  void wideCircuitsEqualTheTable() {
    for (int d : new int[] {17, 20, 24}) {
      Model f = ExactBenchmark.random3Cnf(d, 3);
      double[] x = new double[d];
      SplittableRandom r = new SplittableRandom(d);
      for (int i = 0; i < d; i++) {
        x[i] = r.nextInt(2);
      }
      assertSame(f, x, ProductDistribution.uniform(d), "random 3-CNF d=" + d);
    }
  }
}
