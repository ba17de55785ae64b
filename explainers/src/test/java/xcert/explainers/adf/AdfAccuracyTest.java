package xcert.explainers.adf;

import xcert.solvers.linalg.FloatLinearSolver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.ReluNetwork;

class AdfAccuracyTest {

  /** An affine score: every mode is exact, so the errors are rounding (≤ 1e-12 relative). */
  @Test
  void affineNetworksHaveNoError() {
    SplittableRandom rnd = new SplittableRandom(5);
    for (int trial = 0; trial < 20; trial++) {
      int d = 2 + trial % 5;
      double[][] w = new double[1][d];
      for (int i = 0; i < d; i++) {
        w[0][i] = rnd.nextInt(-8, 9) / 4.0;
      }
      w[0][0] = 1.5; // never constant
      ReluNetwork f = new ReluNetwork(new double[][][] {w}, new double[][] {{0.25}},
          OptionalDouble.empty());
      ProductDistribution v = RandomInstances.product(rnd, d, false);
      double[] x = RandomInstances.input(rnd, d, false);
      double[] s = new double[d];
      for (int i = 0; i < d; i++) {
        s[i] = rnd.nextDouble();
      }
      List<AdfAccuracy.Errors> errors = AdfAccuracy.of(f, x, s, v);
      assertEquals(3, errors.size());
      for (AdfAccuracy.Errors e : errors) {
        assertTrue(e.meanError() <= 1e-12 && e.varianceError() <= 1e-12
            && e.distortionError() <= 1e-12, e + " on " + f + " V=" + v);
      }
    }
  }

  /** Cholesky factor: QQᵀ reproduces C, including a singular C. */
  @Test
  void squareRootReproducesTheCovariance() {
    double[][] c = {{4, 2, 0}, {2, 2, 0}, {0, 0, 0}};
    double[][] q = FloatLinearSolver.psdSquareRoot(c);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double t = 0;
        for (int k = 0; k < 3; k++) {
          t += q[i][k] * q[j][k];
        }
        assertEquals(c[i][j], t, 1e-12);
      }
    }
  }
}
