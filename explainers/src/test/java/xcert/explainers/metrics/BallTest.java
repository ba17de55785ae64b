package xcert.explainers.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The uniform ball samplers. Statistical checks use Hoeffding's inequality for a mean of n
 * indicators: |p̂ − p| ≤ √(ln(2/δ)/(2n)) with probability ≥ 1 − δ; δ = 1e-6 per check, and the
 * seeds are fixed, so the tests are deterministic.
 */
class BallTest {

  private static final int N = 40_000;
  private static final double TOL = Math.sqrt(Math.log(2 / 1e-6) / (2.0 * N));

  private static double[] unit(Ball b, int d, long seed) {
    double[] x0 = new double[d];
    Arrays.fill(x0, 0.3);
    double[] rows = b.sample(x0, 2.0, N, seed);
    double[] u = new double[rows.length];
    for (int r = 0; r < rows.length; r++) {
      u[r] = (rows[r] - 0.3) / 2.0; // back to the unit ball
    }
    return u;
  }

  @Test
  void everySampleInsideAndHalfRadiusFractionIsTwoToMinusD() {
    for (Ball b : Ball.values()) {
      for (int d = 1; d <= 4; d++) {
        double[] u = unit(b, d, 17 * d + b.ordinal());
        int inside = 0;
        for (int r = 0; r < N; r++) {
          double n = b.norm(Arrays.copyOfRange(u, r * d, r * d + d));
          assertTrue(n <= 1 + 1e-12, b + " d=" + d + " sample of norm " + n);
          inside += n <= 0.5 ? 1 : 0;
        }
        // uniform in the ball ⇔ volume-proportional: P(‖u‖ ≤ ½) = (½)^d
        double p = Math.pow(0.5, d);
        assertEquals(p, inside / (double) N, TOL, b + " d=" + d);
      }
    }
  }

  @Test
  void firstCoordinateMarginalsMatchAreasIn2d() {
    // P(|u1| ≤ ½) in the unit ball of R²:
    //  ℓ∞ square: ½;
    //  ℓ1 diamond (area 2): outside the strip are two triangles of area ¼ each → 1 − ½/2 = ¾;
    //  ℓ2 disk: strip area 2∫_{−½}^{½}√(1−t²)dt = √3/2 + π/3, over π → 1/3 + √3/(2π).
    double[] expected = {0.75, 1.0 / 3 + Math.sqrt(3) / (2 * Math.PI), 0.5};
    for (Ball b : Ball.values()) {
      double[] u = unit(b, 2, 99 + b.ordinal());
      int strip = 0;
      int positive = 0;
      for (int r = 0; r < N; r++) {
        strip += Math.abs(u[2 * r]) <= 0.5 ? 1 : 0;
        positive += u[2 * r + 1] > 0 ? 1 : 0;
      }
      assertEquals(expected[b.ordinal()], strip / (double) N, TOL, b.label());
      assertEquals(0.5, positive / (double) N, TOL, b.label() + " symmetry");
    }
  }

  @Test
  void seedsReproduce() {
    double[] x0 = {1, 2, 3};
    for (Ball b : Ball.values()) {
      assertArrayEquals(b.sample(x0, 0.5, 50, 7), b.sample(x0, 0.5, 50, 7));
      assertFalse(Arrays.equals(b.sample(x0, 0.5, 50, 7), b.sample(x0, 0.5, 50, 8)));
    }
  }

  @Test
  void badInput() {
    double[] x0 = {0, 0};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Ball.L2.sample(x0, 0, 10, 1));
    assertTrue(e.getMessage().contains("radius ε must be positive"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Ball.L1.sample(x0, -1, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> Ball.LINF.sample(x0, Double.NaN, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> Ball.LINF.sample(x0, 1, 0, 1));
  }
}
