package xcert.explainers.metrics;

import java.util.Arrays;
import java.util.Comparator;

/**
 * How an attribution orders its features, for top-K sets (seed 001 Section 5, "the indices
 * corresponding to the top-K largest values"), insertion/deletion curves (seed 002 Section 2) and the
 * relevance-ordering test (seed 003 Section 5, "sorting them according to their relevance score").
 *
 * <p>{@link #MAGNITUDE} ranks by |w_i| (a large negative weight counts as important), {@link #SIGNED}
 * by w_i itself, largest first. Ties are broken by feature index, lower index first, so the order is
 * deterministic (seed 003 breaks ties randomly; a fixed rule makes results reproducible).
 */
public enum Ranking {
  /** By |w_i|, largest first. */
  MAGNITUDE,
  /** By w_i, largest first. */
  SIGNED;

  /**
   * The 0-based feature indices of w, most important first.
   *
   * @throws IllegalArgumentException when w contains NaN
   */
  public int[] order(double[] w) {
    for (int i = 0; i < w.length; i++) {
      if (Double.isNaN(w[i])) {
        throw new IllegalArgumentException("attribution value of feature " + (i + 1) + " is NaN");
      }
    }
    Integer[] idx = new Integer[w.length];
    for (int i = 0; i < w.length; i++) {
      idx[i] = i;
    }
    Comparator<Integer> byScore = Comparator.comparingDouble(i -> -score(w[i]));
    Arrays.sort(idx, byScore.thenComparingInt(i -> i));
    return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
  }

  private double score(double v) {
    return this == MAGNITUDE ? Math.abs(v) : v;
  }
}
