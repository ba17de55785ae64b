package xcert.explainers.gaussian;

import xcert.solvers.linalg.FloatLinearSolver;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.setfunction.RealSetFunction;
import xcert.solvers.setfunction.Rho;
import xcert.solvers.setfunction.SetFunction;
import xcert.solvers.setfunction.SetFunctions;
import xcert.solvers.setfunction.Subsets;

class GaussianLinearPredictionsTest {

  private static double[][] randomSpd(Random rnd, int d) {
    double[][] a = new double[d][d];
    for (double[] r : a) {
      for (int j = 0; j < d; j++) {
        r[j] = rnd.nextDouble();
      }
    }
    double[][] s = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < d; k++) {
          s[i][j] += a[i][k] * a[j][k];
        }
      }
      s[i][i] += 0.1;
    }
    return s;
  }

  @Test
  void diagonalCovarianceKeepsTheMeanOutsideS() {
    double[] mu = {1, -2, 3, 0.5};
    double[][] sigma = {{2, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 5, 0}, {0, 0, 0, 0.25}};
    double[] beta = {1, 2, -1, 4};
    GaussianLinearPredictions g = new GaussianLinearPredictions(mu, sigma, beta);
    double[] x = {7, 7, 7, 7};
    for (int s = 0; s < 16; s++) {
      double expected = 0;
      for (int i = 0; i < 4; i++) {
        expected += beta[i] * ((s >> i & 1) == 1 ? x[i] : mu[i]);
      }
      assertEquals(expected, g.restrictedPrediction(s, x), 1e-12, "S=" + Subsets.format(s));
    }
  }

  /**
   * Against the precision-matrix form E[X_C | x_S] = μ_C − Λ_CC^{-1} Λ_CS (x_S − μ_S), Λ = Σ^{-1},
   * C = S^c: a different route to the same conditional mean.
   */
  @Test
  void closedFormAgreesWithThePrecisionMatrixForm() {
    Random rnd = new Random(5);
    int d = 5;
    double[][] sigma = randomSpd(rnd, d);
    double[] mu = {1, 2, 3, 4, 5};
    double[] beta = {0.5, -1, 2, 0, 1};
    GaussianLinearPredictions g = new GaussianLinearPredictions(mu, sigma, beta);
    double[][] l = FloatLinearSolver.cholesky(sigma);
    double[][] lambda = new double[d][];
    for (int j = 0; j < d; j++) {
      double[] e = new double[d];
      e[j] = 1;
      lambda[j] = FloatLinearSolver.choleskySolve(l, e); // column j of Σ^{-1}, symmetric
    }
    double[] x = {0.3, -1, 2.5, 7, 1};
    for (int s = 0; s < 1 << d; s++) {
      int[] c = Subsets.toFeatures(Subsets.complement(s, d));
      int[] in = Subsets.toFeatures(s);
      double[] expected = x.clone();
      if (c.length > 0) {
        double[][] lcc = new double[c.length][c.length];
        double[] rhs = new double[c.length];
        for (int a = 0; a < c.length; a++) {
          for (int b = 0; b < c.length; b++) {
            lcc[a][b] = lambda[c[a] - 1][c[b] - 1];
          }
          for (int b : in) {
            rhs[a] += lambda[c[a] - 1][b - 1] * (x[b - 1] - mu[b - 1]);
          }
        }
        double[] w = FloatLinearSolver.choleskySolve(FloatLinearSolver.cholesky(lcc), rhs);
        for (int a = 0; a < c.length; a++) {
          expected[c[a] - 1] = mu[c[a] - 1] - w[a];
        }
      }
      double[] got = g.conditionalMean(s, x);
      assertArrayEquals(expected, got, 1e-9, "S=" + Subsets.format(s));
      double f = 0;
      for (int i = 0; i < d; i++) {
        f += beta[i] * expected[i];
      }
      assertEquals(f, g.restrictedPrediction(s, x), 1e-9);
    }
  }

  @Test
  void deltasAtTheFullAndEmptySet() {
    RegressionSetup setup = RegressionSetup.draw(new RegressionConfig(new double[] {2, 4, 8},
        new double[] {16, 8, 4}, 50, 3, 9));
    double[] b = setup.betaHat();
    double[] x = setup.testPoints()[0];
    // by hand: f(x) = β̂ᵀx, f_∅(x) = β̂ᵀμ
    double fx = b[0] * x[0] + b[1] * x[1] + b[2] * x[2];
    double fEmpty = b[0] * 2 + b[1] * 4 + b[2] * 8;
    RealSetFunction t = setup.predictions().table(x);
    SetFunction suf = SetFunctions.distanceFrom(t, Subsets.full(3), Rho.ABS);
    SetFunction nec = SetFunctions.distanceOfComplementToEmpty(t, Rho.ABS);
    for (BigFraction alpha : List.of(BigFraction.ZERO, BigFraction.ONE, BigFraction.of(1, 2))) {
      SetFunction uni = SetFunctions.convex(suf, nec, alpha);
      // Δsuf([d]) = 0 and Δnec([d]) = ρ(f_∅, f_∅) = 0
      assertEquals(0, uni.doubleAt(Subsets.full(3)), 1e-9);
      // Δsuf(∅) = |f(x) − f_∅(x)| = Δnec(∅) = |f_[d](x) − f_∅(x)|
      assertEquals(Math.abs(fx - fEmpty), uni.doubleAt(0), 1e-9);
    }
  }

  @Test
  void leastSquaresRecoversANoiseFreeFit() {
    Random rnd = new Random(1);
    double[] beta = {3, -1, 0.5};
    double[][] x = new double[20][3];
    double[] y = new double[20];
    for (int n = 0; n < 20; n++) {
      for (int i = 0; i < 3; i++) {
        x[n][i] = 100 + rnd.nextGaussian();
        y[n] += beta[i] * x[n][i];
      }
    }
    assertArrayEquals(beta, FloatLinearSolver.leastSquares(x, y), 1e-8);
  }

  @Test
  void seed004ReadingOfMuAndBeta() {
    RegressionConfig c = RegressionConfig.seed004(0);
    assertEquals(10, c.dimension());
    assertEquals(2, c.mu()[0]);
    assertEquals(1024, c.mu()[9]);
    assertEquals(16, c.beta()[0]);
    assertEquals(1.0 / 32, c.beta()[9]);
    RegressionSetup s = RegressionSetup.draw(c);
    for (int i = 0; i < 10; i++) {
      assertTrue(Math.abs(s.betaHat()[i] - c.beta()[i]) < 1, "β̂_" + (i + 1) + " = "
          + s.betaHat()[i]);
    }
  }
}
