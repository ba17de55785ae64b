package xcert.explainers.gaussian;

import xcert.solvers.linalg.FloatLinearSolver;
import java.util.Random;

/**
 * One draw of the seed 004 Section 6.1.1 regression ({@link RegressionConfig}): the covariance
 * Σ = AAᵀ, the fitted β̂, the test points, and the closed-form f_S(x) for f(X) = β̂ᵀX.
 *
 * @param config the configuration it was drawn from
 * @param sigma Σ = AAᵀ
 * @param betaHat the least-squares coefficients
 * @param testPoints the points at which (P_uni) is solved
 * @param predictions f_S(x) = β̂ᵀ E[X | X_S = x_S] for this Σ and β̂
 */
public record RegressionSetup(RegressionConfig config, double[][] sigma, double[] betaHat,
    double[][] testPoints, GaussianLinearPredictions predictions) {

  /** Draws A, the training data and the test points, and fits β̂. Deterministic in the seed. */
  public static RegressionSetup draw(RegressionConfig c) {
    int d = c.dimension();
    Random rnd = new Random(c.seed());
    double[][] a = new double[d][d];
    for (double[] row : a) {
      for (int j = 0; j < d; j++) {
        row[j] = rnd.nextDouble();
      }
    }
    double[][] sigma = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < d; k++) {
          sigma[i][j] += a[i][k] * a[j][k];
        }
      }
    }
    double[] mu = c.mu();
    double[] beta = c.beta();
    double[][] x = new double[c.trainSize()][];
    double[] y = new double[c.trainSize()];
    for (int n = 0; n < c.trainSize(); n++) {
      x[n] = gaussian(rnd, mu, a);
      double v = 0;
      for (int i = 0; i < d; i++) {
        v += beta[i] * x[n][i];
      }
      y[n] = v + rnd.nextGaussian();
    }
    double[] betaHat = FloatLinearSolver.leastSquares(x, y);
    double[][] test = new double[c.testSize()][];
    for (int n = 0; n < c.testSize(); n++) {
      test[n] = gaussian(rnd, mu, a);
    }
    return new RegressionSetup(c, sigma, betaHat, test,
        new GaussianLinearPredictions(mu, sigma, betaHat));
  }

  /** μ + Az with z ~ N(0, I): a draw from N(μ, AAᵀ). */
  private static double[] gaussian(Random rnd, double[] mu, double[][] a) {
    int d = mu.length;
    double[] z = new double[d];
    for (int i = 0; i < d; i++) {
      z[i] = rnd.nextGaussian();
    }
    double[] x = mu.clone();
    for (int i = 0; i < d; i++) {
      for (int k = 0; k < d; k++) {
        x[i] += a[i][k] * z[k];
      }
    }
    return x;
  }
}
