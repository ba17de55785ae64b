package xcert.solvers.count;

import java.util.BitSet;

/**
 * Conversions between the two ways a feature set S ⊆ [d] (the candidate explanation whose δ-relevance
 * or sufficiency seed 003 Section 3 asks about) is passed to the counting and SAT adapters: a {@link
 * BitSet} whose bit i-1 stands for feature i (any d), and a {@code long} mask with the same bit layout
 * (d ≤ 63 only).
 */
public final class FeatureSets {

  /** Largest d for which sets may be passed as {@code long} masks. */
  public static final int MAX_MASK_DIMENSION = 63;

  private FeatureSets() {}

  /** The set of a mask whose bits must all lie below d, with d ≤ 63. */
  public static BitSet fromMask(long mask, int d) {
    if (d > MAX_MASK_DIMENSION) {
      throw new IllegalArgumentException("long masks serve d <= " + MAX_MASK_DIMENSION
          + "; this model has d = " + d + ", pass a BitSet");
    }
    if (d < 64 && (mask >>> d) != 0) {
      throw new IllegalArgumentException("mask 0x" + Long.toHexString(mask)
          + " names a feature above d = " + d);
    }
    return BitSet.valueOf(new long[] {mask});
  }

  /** The mask of a set whose features all lie in 1..63. */
  public static long toMask(BitSet s) {
    if (s.length() > MAX_MASK_DIMENSION) {
      throw new IllegalArgumentException("set contains feature " + s.length()
          + ", beyond what a long mask holds (" + MAX_MASK_DIMENSION + ")");
    }
    long[] words = s.toLongArray();
    return words.length == 0 ? 0L : words[0];
  }

  /** Checks that every member of s is a feature of a model with d inputs. */
  static void check(BitSet s, int d) {
    if (s.length() > d) {
      throw new IllegalArgumentException(
          "set names feature " + s.length() + " but the model has d = " + d);
    }
  }

  /** Features of s as a 1-based, comma-separated list, e.g. {1,4}. */
  static String format(BitSet s) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = s.nextSetBit(0); i >= 0; i = s.nextSetBit(i + 1)) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append(i + 1);
    }
    return sb.append('}').toString();
  }
}
