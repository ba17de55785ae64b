package xcert.explainers.lfa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import xcert.explainers.api.Attribution;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.ReluNetwork;

class LfaExplainerTest {

  private static final CpuBackend ONE = new CpuBackend(1);
  private static final CpuBackend TWO = new CpuBackend(2);

  /** The result depends on (instance, n, seed) only: not on the batch size or the threads. */
  @Test
  void resultDoesNotDependOnBatchOrThreads() {
    SplittableRandom rnd = new SplittableRandom(11);
    ReluNetwork f = RandomInstances.relu(rnd, 5, 6, 2, false);
    double[] x = RandomInstances.input(rnd, 5, false);
    for (String m : Methods.NAMES) {
      MethodSettings s = MethodSettings.defaults().withSeed(3).withSamples(601);
      LfaExplainer e = Methods.create(m, s, 5);
      Attribution a = e.withBatch(1).explain(f, x, ONE);
      Attribution b = e.withBatch(7).explain(f, x, TWO);
      Attribution c = e.withBatch(8192).explain(f, x, TWO);
      assertArrayEquals(a.values(), b.values(), 0.0, m);
      assertArrayEquals(a.values(), c.values(), 0.0, m);
    }
  }

  /** The backend's gradient against central differences at points at least 1e-3 from any kink. */
  @Test
  void gradientsMatchFiniteDifferences() {
    SplittableRandom rnd = new SplittableRandom(5);
    ReluNetwork f = RandomInstances.relu(rnd, 4, 5, 2, false);
    double h = 1e-6;
    int compared = 0;
    for (int t = 0; t < 50; t++) {
      double[] x = new double[4];
      for (int i = 0; i < 4; i++) {
        x[i] = rnd.nextDouble() * 4 - 2;
      }
      if (nearestKink(f, x) < 1e-3) {
        continue;
      }
      compared++;
      double[] g = TWO.gradients(f, x, 1);
      for (int i = 0; i < 4; i++) {
        double[] up = x.clone();
        double[] dn = x.clone();
        up[i] += h;
        dn[i] -= h;
        assertEquals((f.score(up) - f.score(dn)) / (2 * h), g[i], 1e-6);
      }
    }
    assertTrue(compared >= 40, "only " + compared + " points away from kinks");
  }

  /** The smallest |pre-activation| of a hidden unit at x (0 on a kink). */
  private static double nearestKink(ReluNetwork f, double[] x) {
    double[] a = x;
    double min = Double.POSITIVE_INFINITY;
    for (int l = 0; l < f.layerCount() - 1; l++) {
      double[] z = new double[f.width(l)];
      for (int j = 0; j < z.length; j++) {
        double s = f.bias(l, j);
        for (int i = 0; i < a.length; i++) {
          s += f.weight(l, j, i) * a[i];
        }
        min = Math.min(min, Math.abs(s));
        z[j] = Math.max(0, s);
      }
      a = z;
    }
    return min;
  }

  /** Ridge on the sum scale against the 1-feature closed form w = Σxy / (Σx² + λ). */
  @Test
  void ridgeMatchesClosedForm() {
    WeightedLeastSquares ls = new WeightedLeastSquares(1, false);
    double[][] xs = {{1}, {2}, {3}};
    double[] ys = {2, 3, 7};
    for (int i = 0; i < 3; i++) {
      ls.add(xs[i], ys[i], 1);
    }
    // Σxy = 2 + 6 + 21 = 29, Σx² = 14; λ = 1 → 29/15.
    assertEquals(29.0 / 15, ls.solve(ModelClass.Penalty.RIDGE, 1, ModelClass.Scale.SUM)[0], 1e-15);
    // Mean scale: λ·W = 3 → 29/17.
    assertEquals(29.0 / 17, ls.solve(ModelClass.Penalty.RIDGE, 1, ModelClass.Scale.MEAN)[0], 1e-15);
    // Lasso (½Σr² + λ|w|): w = (Σxy − λ)/Σx² = 28/14 = 2.
    assertEquals(2.0, ls.solve(ModelClass.Penalty.LASSO, 1, ModelClass.Scale.SUM)[0], 1e-12);
  }

  /**
   * Normal equations read out as sums and rebuilt from them solve to the same bits, for every
   * penalty; the read-out gram is full and symmetric.
   */
  @Test
  void leastSquaresSurviveTheRoundTripThroughSums() {
    SplittableRandom rnd = new SplittableRandom(9);
    WeightedLeastSquares ls = new WeightedLeastSquares(3, true);
    for (int r = 0; r < 40; r++) {
      double[] u = {rnd.nextDouble(), rnd.nextDouble() - 0.5, rnd.nextInt(2)};
      ls.add(u, 2 * u[0] - u[1] + 0.5 * u[2] + rnd.nextDouble(), rnd.nextDouble());
    }
    xcert.explainers.backend.LfaSums sums = ls.sums(Double.NaN, Double.NaN);
    double[] gram = sums.gram();
    assertEquals(16, gram.length);
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertEquals(gram[i * 4 + j], gram[j * 4 + i], 0.0);
      }
    }
    assertEquals(40, sums.count());
    WeightedLeastSquares back = WeightedLeastSquares.fromSums(3, true, gram, sums.moment(),
        sums.weightSum(), sums.count());
    for (ModelClass.Penalty pen : ModelClass.Penalty.values()) {
      double lambda = pen == ModelClass.Penalty.NONE ? 0 : 0.3;
      assertArrayEquals(ls.solve(pen, lambda, ModelClass.Scale.MEAN),
          back.solve(pen, lambda, ModelClass.Scale.MEAN), 0.0, pen.name());
    }
    assertThrows(IllegalArgumentException.class, () -> WeightedLeastSquares.fromSums(2, true,
        gram, sums.moment(), sums.weightSum(), sums.count()));
  }

  @Test
  void refusesWhatDoesNotApply() {
    Circuit c = RandomInstances.circuit(new SplittableRandom(1), 3, 4);
    double[] x = {1, 0, 1};
    MethodSettings s = MethodSettings.defaults();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Methods.create("smoothgrad", s, 3).explain(c, x, ONE));
    assertTrue(e.getMessage().contains("ReLU network"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Methods.create("glime-gauss", s, 3).explain(c, x, ONE));
    assertTrue(e.getMessage().contains("0/1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Methods.create("lime", s, 3).explain(c, new double[] {1, 0.5, 0}, ONE));
    assertTrue(e.getMessage().contains("x2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Methods.create("nope", s, 3));
    assertTrue(e.getMessage().contains("expected one of"), e.getMessage());
    ReluNetwork f = new ReluNetwork(new double[][][] {{{1, 1}}}, new double[][] {{0}},
        OptionalDouble.empty());
    e = assertThrows(IllegalArgumentException.class,
        () -> Methods.create("lime", s, 2).explain(f, new double[] {1, 2, 3}, ONE));
    assertTrue(e.getMessage().contains("3 values"), e.getMessage());
  }
}
