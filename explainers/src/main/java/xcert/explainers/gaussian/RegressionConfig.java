package xcert.explainers.gaussian;

/**
 * The synthetic regression of seed 004 Section 6.1.1: X ~ N(μ, AAᵀ) with A_ij ~ U(0,1),
 * Y = βᵀX + ε, ε ~ N(0,1), f(X) = β̂ᵀX with β̂ the least-squares fit (no intercept, as Y has none).
 *
 * <p>The seed's text reads "µ = [2i]" and "β = 32·[2−i]" with its superscripts lost in extraction;
 * {@link #seed004} reads them as μ_i = 2^i and β_i = 32·2^{−i}, i = 1..d (so that every feature
 * contributes β_i·μ_i = 32 to E f(X)). μ and β are parameters to try other readings.
 *
 * @param mu the mean μ
 * @param beta the true coefficients β
 * @param trainSize the number of samples β̂ is fitted on
 * @param testSize the number of new points at which (P_uni) is solved (seed 004: 100)
 * @param seed the seed of java.util.Random, which draws, in this order, A row by row, the training
 *     rows (X by X = μ + Az, z ~ N(0, I), then ε), and the test points
 */
public record RegressionConfig(double[] mu, double[] beta, int trainSize, int testSize,
    long seed) {

  public RegressionConfig {
    if (mu.length != beta.length || mu.length == 0) {
      throw new IllegalArgumentException("μ has " + mu.length + " entries, β " + beta.length);
    }
    if (trainSize < mu.length || testSize < 2) {
      throw new IllegalArgumentException("need at least d training samples and 2 test points");
    }
    mu = mu.clone();
    beta = beta.clone();
  }

  /** d = 10, μ_i = 2^i, β_i = 32·2^{−i}, 1000 training samples, 100 test points. */
  public static RegressionConfig seed004(long seed) {
    int d = 10;
    double[] mu = new double[d];
    double[] beta = new double[d];
    for (int i = 1; i <= d; i++) {
      mu[i - 1] = Math.scalb(1.0, i);
      beta[i - 1] = 32 * Math.scalb(1.0, -i);
    }
    return new RegressionConfig(mu, beta, 1000, 100, seed);
  }

  @Override
  public double[] mu() {
    return mu.clone();
  }

  @Override
  public double[] beta() {
    return beta.clone();
  }

  public int dimension() {
    return mu.length;
  }
}
