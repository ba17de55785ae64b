package xcert.solvers.instances;

import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.dist.ConditionalDistribution;
import xcert.solvers.model.TabularModel;

/**
 * A finite joint distribution p(x, y) of features X ∈ R^d and a label Y ∈ Q, given as its support:
 * point k is (x_k, y_k) with probability p_k. Seed 004 Corollary 5.1 studies f(X) = E[Y | X] with the
 * conditional reference distribution; this class gives both, and the conditional expectations
 * E[Y | X_S = x_S] computed directly from the support, for checking.
 */
public final class FiniteJoint {

  private final double[][] xs;
  private final BigFraction[] ys;
  private final BigFraction[] ps;

  public FiniteJoint(double[][] xs, BigFraction[] ys, BigFraction[] ps) {
    if (xs.length == 0 || xs.length != ys.length || xs.length != ps.length) {
      throw new IllegalArgumentException("need x, y and p for every support point");
    }
    BigFraction sum = BigFraction.ZERO;
    for (BigFraction p : ps) {
      if (p.signum() < 0) {
        throw new IllegalArgumentException("negative probability " + p);
      }
      sum = sum.add(p);
    }
    if (!sum.equals(BigFraction.ONE)) {
      throw new IllegalArgumentException("probabilities sum to " + sum);
    }
    this.xs = Arrays.stream(xs).map(double[]::clone).toArray(double[][]::new);
    this.ys = ys.clone();
    this.ps = ps.clone();
  }

  public int dimension() {
    return xs[0].length;
  }

  public int size() {
    return xs.length;
  }

  public double[] x(int k) {
    return xs[k].clone();
  }

  /** E[Y | X_S = x_S] summed over the support, S a bit mask; undefined (exception) if p(x_S) = 0. */
  public BigFraction conditionalMean(double[] x, int s) {
    BigFraction num = BigFraction.ZERO;
    BigFraction den = BigFraction.ZERO;
    for (int k = 0; k < xs.length; k++) {
      boolean match = true;
      for (int i = 0; i < x.length; i++) {
        if ((s >>> i & 1) != 0 && xs[k][i] != x[i]) {
          match = false;
          break;
        }
      }
      if (match) {
        num = num.add(ps[k].multiply(ys[k]));
        den = den.add(ps[k]);
      }
    }
    if (den.signum() == 0) {
      throw new IllegalArgumentException("p(X_S = x_S) = 0");
    }
    return num.divide(den);
  }

  /** The marginal of X, used conditionally as the reference distribution. */
  public ConditionalDistribution marginalOfX() {
    return new ConditionalDistribution(xs, ps, "marginal of X");
  }

  /** f(x) = E[Y | X = x] on the distinct points of the support. */
  public TabularModel regressionFunction() {
    int d = dimension();
    java.util.Map<java.util.List<Double>, double[]> distinct = new java.util.LinkedHashMap<>();
    for (double[] x : xs) {
      distinct.putIfAbsent(Arrays.stream(x).boxed().toList(), x);
    }
    double[][] points = distinct.values().toArray(new double[0][]);
    BigFraction[] values = new BigFraction[points.length];
    for (int k = 0; k < points.length; k++) {
      values[k] = conditionalMean(points[k], (1 << d) - 1);
    }
    return new TabularModel(points, values);
  }
}
