package xcert.explainers.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import xcert.explainers.backend.CpuBackend;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.model.ReluNetwork;

/** The total variation term of seed 004 Eq. 13: its subgradient, and that it smooths the mask. */
class TotalVariationTest {

  @Test
  void valueOnASmallGrid() {
    // 2 × 3 grid, rows (0, 1, 1) and (1, 1, 0): horizontal 1 + 0 + 0 + 1, vertical 1 + 0 + 1
    assertEquals(4, new TotalVariation(3, 6).value(new double[] {0, 1, 1, 1, 1, 0}));
  }

  /**
   * Where no two neighbours are equal TV is linear in a ball of radius g/2 (g the smallest gap
   * between neighbours), so a central difference with h = g/4 equals the gradient up to rounding:
   * tolerance 8·(number of pairs)·2⁻⁵²/h.
   */
  @Test
  void gradientMatchesCentralDifferences() {
    qt().withFixedSeed(4_004L).withExamples(50)
        .forAll(integers().between(1, 5), integers().between(1, 5), longs().between(0, 1L << 40))
        .checkAssert((w, rows, seed) -> {
          int d = w * rows;
          SplittableRandom rnd = new SplittableRandom(seed);
          double[] s = new double[d];
          for (int i = 0; i < d; i++) {
            s[i] = rnd.nextDouble();
          }
          TotalVariation tv = new TotalVariation(w, d);
          double gap = Double.POSITIVE_INFINITY;
          for (int i = 0; i < d; i++) {
            if ((i + 1) % w != 0) {
              gap = Math.min(gap, Math.abs(s[i + 1] - s[i]));
            }
            if (i + w < d) {
              gap = Math.min(gap, Math.abs(s[i + w] - s[i]));
            }
          }
          if (gap == 0) {
            return;
          }
          double h = Double.isInfinite(gap) ? 1e-3 : gap / 4;
          double[] grad = new double[d];
          tv.addSubgradient(s, 1, grad);
          int pairs = rows * (w - 1) + w * (rows - 1);
          double tol = 8 * (pairs + 1) * Math.ulp(1.0) / h;
          for (int i = 0; i < d; i++) {
            double[] up = s.clone();
            double[] down = s.clone();
            up[i] += h;
            down[i] -= h;
            double fd = (tv.value(up) - tv.value(down)) / (2 * h);
            assertEquals(grad[i], fd, tol, "entry " + i + " of " + Arrays.toString(s));
          }
        });
  }

  /**
   * A linear score on a 2 × 4 grid whose weights alternate 4, 0 along each row and between rows: the
   * sufficient mask without TV alternates as well (TV near its maximum 10), with λ_TV = 2 its total
   * variation drops below half of that.
   */
  @Test
  void totalVariationSmoothsTheMask() {
    double[] w = {4, 0, 4, 0, 0, 4, 0, 4};
    ReluNetwork f = new ReluNetwork(new double[][][] {{w}}, new double[][] {{0}},
        OptionalDouble.empty());
    double[] x = new double[8];
    Arrays.fill(x, 1);
    ProductDistribution v = ProductDistribution.uniform(8);
    TotalVariation tv = new TotalVariation(4, 8);
    MaskSettings plain = MaskSettings.defaults(1).withTotalVariation(0, 4).withSeed(11);
    CpuBackend cpu = new CpuBackend(1);
    double[] m0 = new RelaxedMaskExplainer(plain, v).explain(f, x, cpu).values();
    double[] m1 = new RelaxedMaskExplainer(plain.withTotalVariation(2, 4), v)
        .explain(f, x, cpu).values();
    assertTrue(tv.value(m0) > 9, Arrays.toString(m0));
    assertTrue(tv.value(m1) < tv.value(m0) / 2, Arrays.toString(m0) + " vs "
        + Arrays.toString(m1));
  }
}
