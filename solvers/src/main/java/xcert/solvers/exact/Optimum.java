package xcert.solvers.exact;

import java.util.Arrays;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.Subsets;

/**
 * The solution of a subset-minimisation problem such as (P_suf), (P_nec) or (P_uni) of seed 004:
 * the optimal value and every set attaining it (ties matter for Lemma 4.1 and Theorem 4.1), in report
 * order (by size, then lexicographically).
 *
 * @param value the optimum, exact where the objective is
 * @param sets every optimal set as a bit mask (bit i = feature i+1)
 * @param tau the cardinality bound |S| ≤ τ
 */
public record Optimum(Scalar value, int[] sets, int tau) {

  public Optimum {
    sets = sets.clone();
  }

  @Override
  public int[] sets() {
    return sets.clone();
  }

  public int count() {
    return sets.length;
  }

  /** The sets as 1-based feature lists. */
  public int[][] featureLists() {
    int[][] out = new int[sets.length][];
    for (int k = 0; k < sets.length; k++) {
      out[k] = Subsets.toFeatures(sets[k]);
    }
    return out;
  }

  public boolean contains(int s) {
    for (int t : sets) {
      if (t == s) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Optimum p && p.value.equals(value) && Arrays.equals(p.sets, sets)
        && p.tau == tau;
  }

  @Override
  public int hashCode() {
    return 31 * value.hashCode() + Arrays.hashCode(sets);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Optimum[").append(value).append(" at");
    for (int s : sets) {
      sb.append(' ').append(Subsets.format(s));
    }
    return sb.append(']').toString();
  }
}
