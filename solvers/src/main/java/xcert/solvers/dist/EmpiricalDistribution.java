package xcert.solvers.dist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The empirical distribution of n data rows: X_{S^c} is taken from a row drawn uniformly, so
 * f_S(x) = (1/n) Σ_r f(x_S, r_{S^c}) (seed 004 Eq. 1 with V the empirical distribution of the rows). Identical rows are merged and
 * counted, which changes nothing in f_S and saves evaluations.
 */
public final class EmpiricalDistribution implements ReferenceDistribution {

  private final int d;
  private final int n;
  private final double[][] distinctRows;
  private final int[] counts;
  private final String source;

  /**
   * @param rows n ≥ 1 rows of equal length d
   * @param source where the rows came from, for reports
   */
  public EmpiricalDistribution(double[][] rows, String source) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("an empirical distribution needs at least one row");
    }
    this.d = rows[0].length;
    Map<List<Double>, Integer> merged = new LinkedHashMap<>();
    for (int r = 0; r < rows.length; r++) {
      if (rows[r].length != d) {
        throw new IllegalArgumentException(
            "row " + (r + 1) + " has " + rows[r].length + " values, expected " + d);
      }
      List<Double> key = new ArrayList<>(d);
      for (double v : rows[r]) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("row " + (r + 1) + " has a non-finite value");
        }
        key.add(v == 0.0 ? 0.0 : v); // merge -0.0 with 0.0
      }
      merged.merge(key, 1, Integer::sum);
    }
    this.n = rows.length;
    this.distinctRows = new double[merged.size()][];
    this.counts = new int[merged.size()];
    int k = 0;
    for (Map.Entry<List<Double>, Integer> e : merged.entrySet()) {
      distinctRows[k] = e.getKey().stream().mapToDouble(Double::doubleValue).toArray();
      counts[k] = e.getValue();
      k++;
    }
    this.source = source;
  }

  @Override
  public int dimension() {
    return d;
  }

  /** Number of rows n, duplicates included. */
  public int rowCount() {
    return n;
  }

  /** Number of distinct rows. */
  public int distinctRowCount() {
    return distinctRows.length;
  }

  /** Distinct row k (a copy). */
  public double[] distinctRow(int k) {
    return distinctRows[k].clone();
  }

  /** How many of the n rows equal distinct row k. */
  public int count(int k) {
    return counts[k];
  }

  @Override
  public boolean isBinary() {
    for (double[] row : distinctRows) {
      for (double v : row) {
        if (v != 0.0 && v != 1.0) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public String describe() {
    return "empirical(n=" + n + (source == null ? "" : ", " + source) + ")";
  }

  @Override
  public String toString() {
    return describe() + Arrays.toString(counts);
  }
}
