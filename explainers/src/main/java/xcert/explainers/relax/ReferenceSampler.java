package xcert.explainers.relax;

import java.util.SplittableRandom;
import xcert.solvers.dist.EmpiricalDistribution;
import xcert.solvers.dist.FeatureSupport;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;

/**
 * Draws whole rows n ~ V from a reference distribution that does not depend on S: a product
 * distribution (each feature from its finite support) or an empirical one (a row chosen uniformly).
 * The conditional distribution of seed 004 Corollary 5.1 depends on the kept set and is refused.
 * Also gives the exact first two moments of V, the input of RDE's Gaussian approximation.
 */
public final class ReferenceSampler {

  private final ReferenceDistribution v;
  private final int d;
  private final double[][] values;
  private final double[][] cumulative;

  /**
   * @throws IllegalArgumentException for a conditional distribution
   */
  public ReferenceSampler(ReferenceDistribution v) {
    this.v = v;
    this.d = v.dimension();
    if (v instanceof ProductDistribution p) {
      values = new double[d][];
      cumulative = new double[d][];
      for (int i = 0; i < d; i++) {
        FeatureSupport f = p.feature(i);
        values[i] = new double[f.size()];
        cumulative[i] = new double[f.size()];
        double c = 0;
        for (int a = 0; a < f.size(); a++) {
          values[i][a] = f.value(a);
          c += f.probability(a).doubleValue();
          cumulative[i][a] = c;
        }
        cumulative[i][f.size() - 1] = 1;
      }
    } else if (v instanceof EmpiricalDistribution e) {
      values = new double[e.rowCount()][];
      int k = 0;
      for (int r = 0; r < e.distinctRowCount(); r++) {
        for (int c = 0; c < e.count(r); c++) {
          values[k++] = e.distinctRow(r);
        }
      }
      cumulative = null;
    } else {
      throw new IllegalArgumentException("the relaxations draw whole rows from V; "
          + v.describe() + " depends on the kept set, use a product or empirical distribution");
    }
  }

  public ReferenceDistribution distribution() {
    return v;
  }

  public int dimension() {
    return d;
  }

  /** One row n ~ V written to out[off..off+d-1]. */
  public void sample(SplittableRandom rnd, double[] out, int off) {
    if (cumulative == null) {
      System.arraycopy(values[rnd.nextInt(values.length)], 0, out, off, d);
      return;
    }
    for (int i = 0; i < d; i++) {
      double u = rnd.nextDouble();
      double[] c = cumulative[i];
      int a = 0;
      while (a < c.length - 1 && u >= c[a]) {
        a++;
      }
      out[off + i] = values[i][a];
    }
  }

  /** E[n], exact up to one rounding per feature. */
  public double[] mean() {
    double[] m = new double[d];
    if (cumulative == null) {
      for (double[] row : values) {
        for (int i = 0; i < d; i++) {
          m[i] += row[i];
        }
      }
      for (int i = 0; i < d; i++) {
        m[i] /= values.length;
      }
      return m;
    }
    ProductDistribution p = (ProductDistribution) v;
    for (int i = 0; i < d; i++) {
      FeatureSupport f = p.feature(i);
      for (int a = 0; a < f.size(); a++) {
        m[i] += f.probability(a).doubleValue() * f.value(a);
      }
    }
    return m;
  }

  /** Cov[n], d × d (diagonal for a product distribution; the population covariance of the rows). */
  public double[][] covariance() {
    double[] m = mean();
    double[][] c = new double[d][d];
    if (cumulative == null) {
      for (double[] row : values) {
        for (int i = 0; i < d; i++) {
          for (int j = 0; j < d; j++) {
            c[i][j] += (row[i] - m[i]) * (row[j] - m[j]);
          }
        }
      }
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          c[i][j] /= values.length;
        }
      }
      return c;
    }
    ProductDistribution p = (ProductDistribution) v;
    for (int i = 0; i < d; i++) {
      FeatureSupport f = p.feature(i);
      for (int a = 0; a < f.size(); a++) {
        double t = f.value(a) - m[i];
        c[i][i] += f.probability(a).doubleValue() * t * t;
      }
    }
    return c;
  }
}
