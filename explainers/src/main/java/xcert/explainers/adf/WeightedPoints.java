package xcert.explainers.adf;

import xcert.solvers.dist.EmpiricalDistribution;
import xcert.solvers.dist.FeatureSupport;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;

/**
 * A finite distribution listed point by point with float64 probabilities, the input of
 * {@link ExactMoments}: every point of a product distribution's grid, the distinct rows of an
 * empirical one, or the obfuscations y = x ⊙ s + n ⊙ (1 − s) of seed 003 Eq. (2) for n over either.
 * At most {@value #MAX_POINTS} points.
 *
 * @param points the support points
 * @param probabilities their probabilities (summing to 1 up to rounding)
 */
public record WeightedPoints(double[][] points, double[] probabilities) {

  /** The largest number of points enumerated, 2^22. */
  public static final int MAX_POINTS = 1 << 22;

  /** Every point of V. */
  public static WeightedPoints of(ReferenceDistribution v) {
    if (v instanceof ProductDistribution p) {
      return grid(p);
    }
    if (v instanceof EmpiricalDistribution e) {
      int k = e.distinctRowCount();
      double[][] pts = new double[k][];
      double[] w = new double[k];
      for (int r = 0; r < k; r++) {
        pts[r] = e.distinctRow(r);
        w[r] = (double) e.count(r) / e.rowCount();
      }
      return new WeightedPoints(pts, w);
    }
    throw new IllegalArgumentException("exact moments enumerate a product or empirical "
        + "distribution; " + v.describe() + " depends on the kept set");
  }

  /** The distribution of y = x ⊙ s + n ⊙ (1 − s), n ~ V (seed 003 Eq. (2)). */
  public static WeightedPoints obfuscation(double[] x, double[] s, ReferenceDistribution v) {
    WeightedPoints n = of(v);
    int d = x.length;
    if (s.length != d || v.dimension() != d) {
      throw new IllegalArgumentException("x has " + d + " entries, s " + s.length + ", V "
          + v.dimension());
    }
    double[][] y = new double[n.points.length][d];
    for (int k = 0; k < y.length; k++) {
      for (int i = 0; i < d; i++) {
        y[k][i] = x[i] * s[i] + n.points[k][i] * (1 - s[i]);
      }
    }
    return new WeightedPoints(y, n.probabilities);
  }

  private static WeightedPoints grid(ProductDistribution p) {
    int d = p.dimension();
    long count = 1;
    for (int i = 0; i < d; i++) {
      count *= p.feature(i).size();
      if (count > MAX_POINTS) {
        throw new IllegalArgumentException("the product distribution has more than 2^22 = "
            + MAX_POINTS + " points; exact moments enumerate every point and refuse this many");
      }
    }
    int n = (int) count;
    double[][] pts = new double[n][d];
    double[] w = new double[n];
    int[] a = new int[d];
    for (int k = 0; k < n; k++) {
      double prob = 1;
      for (int i = 0; i < d; i++) {
        FeatureSupport f = p.feature(i);
        pts[k][i] = f.value(a[i]);
        prob *= f.probability(a[i]).doubleValue();
      }
      w[k] = prob;
      for (int i = 0; i < d; i++) {
        if (++a[i] < p.feature(i).size()) {
          break;
        }
        a[i] = 0;
      }
    }
    return new WeightedPoints(pts, w);
  }

  public int size() {
    return points.length;
  }
}
