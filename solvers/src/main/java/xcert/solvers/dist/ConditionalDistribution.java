package xcert.solvers.dist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * A finite joint distribution p over points of R^d used conditionally: X_{S^c} is drawn from
 * p(X_{S^c} | X_S = x_S), so f_S(x) = E_p[f(X) | X_S = x_S]. This is the reference distribution of seed
 * 004 Corollary 5.1 (V_{S} = p(X_S | X_{S^c} = x_{S^c}) in the seed's naming of the kept set), under
 * which f_S(x) = E[Y | X_S = x_S] when f(X) = E[Y | X].
 *
 * <p>f_S(x) is defined only where p(X_S = x_S) > 0 for every S, i.e. where p(x) > 0.
 */
public final class ConditionalDistribution implements ReferenceDistribution {

  private final int d;
  private final double[][] points;
  private final BigFraction[] probabilities;
  private final String source;

  /**
   * @param points distinct points of equal length d
   * @param probabilities exact probabilities, ≥ 0, summing to 1
   */
  public ConditionalDistribution(double[][] points, BigFraction[] probabilities, String source) {
    if (points.length == 0 || points.length != probabilities.length) {
      throw new IllegalArgumentException("need one probability per point and at least one point");
    }
    this.d = points[0].length;
    Map<List<Double>, BigFraction> merged = new LinkedHashMap<>();
    BigFraction sum = BigFraction.ZERO;
    for (int r = 0; r < points.length; r++) {
      if (points[r].length != d) {
        throw new IllegalArgumentException(
            "point " + (r + 1) + " has " + points[r].length + " values, expected " + d);
      }
      if (probabilities[r].signum() < 0) {
        throw new IllegalArgumentException("point " + (r + 1) + " has a negative probability");
      }
      List<Double> key = new ArrayList<>(d);
      for (double v : points[r]) {
        key.add(v == 0.0 ? 0.0 : v);
      }
      merged.merge(key, probabilities[r], BigFraction::add);
      sum = sum.add(probabilities[r]);
    }
    if (!sum.equals(BigFraction.ONE)) {
      throw new IllegalArgumentException("probabilities sum to " + sum + ", expected exactly 1");
    }
    this.points = new double[merged.size()][];
    this.probabilities = new BigFraction[merged.size()];
    int k = 0;
    for (Map.Entry<List<Double>, BigFraction> e : merged.entrySet()) {
      this.points[k] = e.getKey().stream().mapToDouble(Double::doubleValue).toArray();
      this.probabilities[k] = e.getValue();
      k++;
    }
    this.source = source;
  }

  /** The empirical joint distribution of data rows, each row with probability count/n. */
  public static ConditionalDistribution ofRows(EmpiricalDistribution rows) {
    double[][] pts = new double[rows.distinctRowCount()][];
    BigFraction[] p = new BigFraction[pts.length];
    for (int k = 0; k < pts.length; k++) {
      pts[k] = rows.distinctRow(k);
      p[k] = BigFraction.of(rows.count(k), rows.rowCount());
    }
    return new ConditionalDistribution(pts, p, rows.describe());
  }

  @Override
  public int dimension() {
    return d;
  }

  public int pointCount() {
    return points.length;
  }

  public double[] point(int k) {
    return points[k].clone();
  }

  public BigFraction probability(int k) {
    return probabilities[k];
  }

  @Override
  public boolean isBinary() {
    for (double[] p : points) {
      for (double v : p) {
        if (v != 0.0 && v != 1.0) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public String describe() {
    return "conditional(" + points.length + " points" + (source == null ? "" : ", " + source) + ")";
  }
}
