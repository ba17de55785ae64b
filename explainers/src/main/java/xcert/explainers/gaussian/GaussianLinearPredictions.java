package xcert.explainers.gaussian;

import xcert.solvers.linalg.FloatLinearSolver;
import xcert.solvers.setfunction.RealSetFunction;
import xcert.solvers.setfunction.Subsets;

/**
 * The average restricted prediction f_S(x) = E[f(X) | X_S = x_S] of seed 004 Eq. 1 with V the
 * conditional distribution p(X_{S^c} | X_S = x_S) (seed 004 Section 6.1), for a linear model
 * f(X) = βᵀX and Gaussian X ~ N(μ, Σ), in closed form: E[X | X_S = x_S] = μ + Σ_{·S} Σ_{SS}^{-1}
 * (x_S − μ_S), so f_S(x) = βᵀμ + u_Sᵀ(x_S − μ_S) with u_S = Σ_{SS}^{-1}(Σβ)_S. The vectors u_S do not
 * depend on x and are computed once for every S ⊆ [d] (a Cholesky solve each); the table of f_S(x)
 * for one x is then O(d·2^d). Float64 throughout.
 */
public final class GaussianLinearPredictions {

  private final double[] mu;
  private final double[][] sigma;
  private final double[] beta;
  private final double meanPrediction;
  private final double[][] u;

  /**
   * @throws IllegalArgumentException for mismatched dimensions or d &gt; 20
   * @throws ArithmeticException when some Σ_SS is not numerically positive definite
   */
  public GaussianLinearPredictions(double[] mu, double[][] sigma, double[] beta) {
    int d = mu.length;
    if (sigma.length != d || beta.length != d) {
      throw new IllegalArgumentException("μ has " + d + " entries, Σ " + sigma.length + " rows, β "
          + beta.length + " entries");
    }
    if (d > 20) {
      throw new IllegalArgumentException("all 2^d conditional means are enumerated; d = " + d
          + " is above 20");
    }
    this.mu = mu.clone();
    this.sigma = new double[d][];
    for (int i = 0; i < d; i++) {
      if (sigma[i].length != d) {
        throw new IllegalArgumentException("Σ is not square");
      }
      this.sigma[i] = sigma[i].clone();
    }
    this.beta = beta.clone();
    double m = 0;
    double[] sb = new double[d];
    for (int i = 0; i < d; i++) {
      m += beta[i] * mu[i];
      for (int j = 0; j < d; j++) {
        sb[i] += sigma[i][j] * beta[j];
      }
    }
    this.meanPrediction = m;
    this.u = new double[1 << d][];
    for (int s = 0; s < 1 << d; s++) {
      int[] idx = indices(s);
      double[][] sss = new double[idx.length][idx.length];
      double[] rhs = new double[idx.length];
      for (int a = 0; a < idx.length; a++) {
        rhs[a] = sb[idx[a]];
        for (int b = 0; b < idx.length; b++) {
          sss[a][b] = sigma[idx[a]][idx[b]];
        }
      }
      u[s] = idx.length == 0 ? new double[0]
          : FloatLinearSolver.choleskySolve(FloatLinearSolver.cholesky(sss), rhs);
    }
  }

  public int dimension() {
    return mu.length;
  }

  /** f(x) = βᵀx. */
  public double predict(double[] x) {
    double v = 0;
    for (int i = 0; i < x.length; i++) {
      v += beta[i] * x[i];
    }
    return v;
  }

  /** f_S(x) = βᵀ E[X | X_S = x_S]; f_∅(x) = βᵀμ, f_{[d]}(x) = f(x). */
  public double restrictedPrediction(int s, double[] x) {
    int[] idx = indices(s);
    double v = meanPrediction;
    for (int a = 0; a < idx.length; a++) {
      v += u[s][a] * (x[idx[a]] - mu[idx[a]]);
    }
    return v;
  }

  /** S ↦ f_S(x) for every S (bit i = feature i+1), float64. */
  public RealSetFunction table(double[] x) {
    if (x.length != mu.length) {
      throw new IllegalArgumentException("x has " + x.length + " entries, d = " + mu.length);
    }
    return RealSetFunction.tabulate(mu.length, s -> restrictedPrediction(s, x));
  }

  /** E[X | X_S = x_S] = μ + Σ_{·S} Σ_{SS}^{-1}(x_S − μ_S), the whole vector (entries in S are x_S). */
  public double[] conditionalMean(int s, double[] x) {
    int d = mu.length;
    int[] idx = indices(s);
    double[][] sss = new double[idx.length][idx.length];
    double[] r = new double[idx.length];
    for (int a = 0; a < idx.length; a++) {
      r[a] = x[idx[a]] - mu[idx[a]];
      for (int b = 0; b < idx.length; b++) {
        sss[a][b] = sigma[idx[a]][idx[b]];
      }
    }
    double[] w = idx.length == 0 ? new double[0]
        : FloatLinearSolver.choleskySolve(FloatLinearSolver.cholesky(sss), r);
    double[] out = mu.clone();
    for (int i = 0; i < d; i++) {
      for (int a = 0; a < idx.length; a++) {
        out[i] += sigma[i][idx[a]] * w[a];
      }
    }
    return out;
  }

  private static int[] indices(int s) {
    int[] f = Subsets.toFeatures(s);
    for (int k = 0; k < f.length; k++) {
      f[k]--;
    }
    return f;
  }
}
