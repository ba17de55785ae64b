package xcert.explainers.lfa;

import xcert.solvers.linalg.FloatLinearSolver;
import xcert.explainers.backend.LfaSums;

/**
 * The normal equations of a weighted linear least-squares fit, accumulated one sample at a time
 * (S = Σ π u uᵀ, t = Σ π y u, W = Σ π), and solved for plain, ridge or lasso fits (seed 001 Eq. 2–3
 * with R = ‖·‖² or ‖·‖₁). Column p−1 is the intercept when there is one; it is never penalised.
 * Sums are accumulated in sample order, so results do not depend on how the samples were computed.
 * The same equations can be built from sums computed elsewhere ({@link #fromSums}, e.g. a device's
 * {@link LfaSums}) and read out as such ({@link #sums}), so that every fit ends in one
 * {@link #solve}.
 */
public final class WeightedLeastSquares {

  private final int p;
  private final boolean intercept;
  private final double[] s;
  private final double[] t;
  private double weightSum;
  private long count;

  /**
   * @param features the number of features (columns besides the intercept)
   * @param intercept whether to add a column of ones
   */
  public WeightedLeastSquares(int features, boolean intercept) {
    this.intercept = intercept;
    this.p = features + (intercept ? 1 : 0);
    this.s = new double[p * p];
    this.t = new double[p];
  }

  /**
   * The normal equations from their sufficient statistics.
   *
   * @param features the number of features (columns besides the intercept)
   * @param intercept whether column p−1 is the intercept
   * @param gram S = Σ π a aᵀ, p × p row-major, full and symmetric (only its upper triangle is read)
   * @param moment t = Σ π y a (length p)
   * @param weightSum W = Σ π
   * @param count the number of samples
   */
  public static WeightedLeastSquares fromSums(int features, boolean intercept, double[] gram,
      double[] moment, double weightSum, long count) {
    WeightedLeastSquares ls = new WeightedLeastSquares(features, intercept);
    int p = ls.p;
    if (gram.length != p * p || moment.length != p) {
      throw new IllegalArgumentException("sums for " + p + " columns need a " + p + " × " + p
          + " gram and " + p + " moments, got " + gram.length + " and " + moment.length);
    }
    for (int i = 0; i < p; i++) {
      System.arraycopy(gram, i * p + i, ls.s, i * p + i, p - i);
    }
    System.arraycopy(moment, 0, ls.t, 0, p);
    ls.weightSum = weightSum;
    ls.count = count;
    return ls;
  }

  /**
   * The statistics accumulated so far in {@link LfaSums}' layout: the full symmetric gram, the
   * moments, Σ π and the count, with the given f(x0) and f(x0 ⊕ 0) (NaN where unused).
   */
  public LfaSums sums(double fx0, double fBase) {
    return new LfaSums(symmetric(), t, weightSum, count, fx0, fBase);
  }

  /** Adds one sample with features u (without the intercept), target y and weight π ≥ 0. */
  public void add(double[] u, double y, double weight) {
    if (weight == 0) {
      count++;
      return;
    }
    int f = p - (intercept ? 1 : 0);
    for (int i = 0; i < f; i++) {
      double wi = weight * u[i];
      if (wi == 0) {
        continue;
      }
      int row = i * p;
      for (int j = i; j < f; j++) {
        s[row + j] += wi * u[j];
      }
      if (intercept) {
        s[row + f] += wi;
      }
      t[i] += wi * y;
    }
    if (intercept) {
      s[f * p + f] += weight;
      t[f] += weight * y;
    }
    weightSum += weight;
    count++;
  }

  /** Number of samples added. */
  public long count() {
    return count;
  }

  /** Σ π over the samples. */
  public double weightSum() {
    return weightSum;
  }

  /**
   * The minimiser: coefficients of the features, then the intercept when there is one.
   *
   * @throws IllegalStateException when the normal equations are singular (too few samples, a
   *     feature that never varies, or all weights zero)
   */
  public double[] solve(ModelClass.Penalty penalty, double lambda, ModelClass.Scale scale) {
    if (weightSum <= 0) {
      throw new IllegalStateException("every sample has weight 0 (" + count + " samples): the "
          + "kernel gives no sample any weight; take more samples or a wider kernel");
    }
    double[] a = symmetric();
    double eff = scale == ModelClass.Scale.MEAN ? lambda * weightSum : lambda;
    int f = p - (intercept ? 1 : 0);
    return switch (penalty) {
      case NONE -> gauss(a, t.clone());
      case RIDGE -> {
        for (int i = 0; i < f; i++) {
          a[i * p + i] += eff;
        }
        yield gauss(a, t.clone());
      }
      case LASSO -> coordinateDescent(a, eff, f);
    };
  }

  private double[] symmetric() {
    double[] a = s.clone();
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < i; j++) {
        a[i * p + j] = a[j * p + i];
      }
    }
    return a;
  }

  private double[] gauss(double[] a, double[] b) {
    try {
      return FloatLinearSolver.solve(a, b, 1e-12);
    } catch (FloatLinearSolver.SingularSystemException e) {
      throw new IllegalStateException("the normal equations are singular (column " + e.column()
          + " of " + p + ", " + count + " samples): some feature never varies across the "
          + "weighted samples; take more samples, a wider neighbourhood, or a ridge penalty");
    }
  }

  // Minimises (1/2) βᵀAβ − tᵀβ + eff·Σ_{i<f} |β_i| by cyclic coordinate descent.
  private double[] coordinateDescent(double[] a, double eff, int f) {
    double[] beta = new double[p];
    for (int sweep = 0; sweep < 100_000; sweep++) {
      double change = 0;
      double size = 0;
      for (int j = 0; j < p; j++) {
        double ajj = a[j * p + j];
        if (ajj <= 0) {
          beta[j] = 0;
          continue;
        }
        double rho = t[j];
        for (int k = 0; k < p; k++) {
          if (k != j) {
            rho -= a[j * p + k] * beta[k];
          }
        }
        double next = j < f ? Math.signum(rho) * Math.max(0, Math.abs(rho) - eff) / ajj
            : rho / ajj;
        change = Math.max(change, Math.abs(next - beta[j]));
        size = Math.max(size, Math.abs(next));
        beta[j] = next;
      }
      if (change <= 1e-13 * Math.max(1, size)) {
        return beta;
      }
    }
    throw new IllegalStateException("lasso coordinate descent did not converge in 100000 sweeps");
  }
}
