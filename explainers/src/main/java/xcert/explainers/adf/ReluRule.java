package xcert.explainers.adf;

/**
 * The ReLU rule of assumed density filtering, seed 003 Section 4.3, applied to a whole layer: the
 * mean E[ρ(z)] per neuron ({@link GaussianRelu}), and the covariance as the paper's diagonal rule
 * Vdiag[ρ(z)] ([8, Eq. 10b]), its full approximation Eq. (6) V[ρ(z)] ≈ NΣN with N = diag(F(η)), or,
 * for a factor, Q ← NQ (the same update, propagating one factor). η = μ/σ with σ the standard
 * deviation √(diag Σ) (see {@link GaussianRelu} on the paper's notation).
 */
public final class ReluRule {

  private ReluRule() {}

  /** The moments of ρ(z) for z with the given moments. */
  public static Moments apply(Moments in) {
    int n = in.dimension();
    double[] mean = new double[n];
    double[] var = new double[n];
    double[] gain = new double[n];
    for (int j = 0; j < n; j++) {
      GaussianRelu g = GaussianRelu.of(in.mean(j), in.variance(j));
      mean[j] = g.mean();
      var[j] = g.variance();
      gain[j] = g.gain();
    }
    return switch (in.kind()) {
      case DIAGONAL -> Moments.diagonal(mean, var);
      case LOW_RANK -> {
        double[][] q = in.factor();
        for (int j = 0; j < n; j++) {
          for (int k = 0; k < q[j].length; k++) {
            q[j][k] *= gain[j];
          }
        }
        yield Moments.lowRank(mean, q);
      }
      case FULL -> {
        double[][] c = in.covariance();
        for (int j = 0; j < n; j++) {
          for (int k = 0; k < n; k++) {
            c[j][k] *= gain[j] * gain[k];
          }
        }
        yield Moments.full(mean, c);
      }
    };
  }
}
