package xcert.solvers.setfunction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import xcert.solvers.features.FeatureSet;

/**
 * Subsets S ⊆ [d] as int masks, the indices of tables over all 2^d sets (seed 004's f_S for every
 * S): bit i (0-based) stands for feature i+1. Helpers to convert to the 1-based lists users see
 * (through {@link FeatureSet}, the value type of a set), and the order in which sets are reported (by
 * size, then lexicographically by their sorted feature lists).
 */
public final class Subsets {

  /** Largest d for which xcert builds a table over all 2^d subsets (int-indexed arrays). */
  public static final int MAX_TABLE_D = 30;

  private Subsets() {}

  public static int full(int d) {
    return d == 32 ? -1 : (1 << d) - 1;
  }

  public static int complement(int s, int d) {
    return ~s & full(d);
  }

  public static int size(int s) {
    return Integer.bitCount(s);
  }

  /** The 1-based features of S, ascending. */
  public static int[] toFeatures(long s) {
    return FeatureSet.ofMask(s).features();
  }

  /** The mask of 1-based features. */
  public static int fromFeatures(int... features) {
    int s = 0;
    for (int f : features) {
      s |= 1 << (f - 1);
    }
    return s;
  }

  /** "{1,3,5}" or "{}". */
  public static String format(long s) {
    return FeatureSet.ofMask(s).toString();
  }

  /** Orders sets by size, then lexicographically by their sorted 1-based feature lists. */
  public static final Comparator<Integer> REPORT_ORDER = (a, b) -> {
    int c = Integer.compare(Integer.bitCount(a), Integer.bitCount(b));
    if (c != 0) {
      return c;
    }
    // same size: the set whose smallest differing feature is smaller comes first
    int diff = a ^ b;
    if (diff == 0) {
      return 0;
    }
    int low = Integer.lowestOneBit(diff);
    return (a & low) != 0 ? -1 : 1;
  };

  /** Sorts masks into {@link #REPORT_ORDER}. */
  public static List<Integer> sorted(List<Integer> sets) {
    List<Integer> out = new ArrayList<>(sets);
    out.sort(REPORT_ORDER);
    return out;
  }

  /** Checks that a table over 2^d subsets may be built at all (int indices). */
  public static void checkTableDimension(int d) {
    if (d > MAX_TABLE_D) {
      throw new xcert.solvers.errors.TooLargeException("a table over all subsets of d=" + d
          + " features has 2^" + d + " entries; tables stop at d=" + MAX_TABLE_D
          + " (use the counting queries for single sets of wide circuits)");
    }
  }
}
