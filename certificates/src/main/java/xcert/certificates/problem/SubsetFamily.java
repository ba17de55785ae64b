package xcert.certificates.problem;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * The family 𝒫 of subsets S ⊆ [d] over which total error is summed (seed 002 sums over the power
 * set): all 2^d subsets, the subsets of size at most k, or an explicit list. Sets are bit masks, bit
 * i for feature i+1, so d ≤ 62.
 */
public final class SubsetFamily {

  /** The kinds of family. */
  public enum Kind {
    ALL,
    SIZE_AT_MOST,
    LIST
  }

  private final Kind kind;
  private final int d;
  private final int k;
  private final long[] list;

  private SubsetFamily(Kind kind, int d, int k, long[] list) {
    if (d < 1 || d > 62) {
      throw new IllegalArgumentException("d must be in 1..62, is " + d);
    }
    this.kind = kind;
    this.d = d;
    this.k = k;
    this.list = list;
  }

  /** The power set of [d]. */
  public static SubsetFamily all(int d) {
    return new SubsetFamily(Kind.ALL, d, d, null);
  }

  /** The subsets of size ≤ k. */
  public static SubsetFamily sizeAtMost(int d, int k) {
    if (k < 0 || k > d) {
      throw new IllegalArgumentException("k must be in 0.." + d + ", is " + k);
    }
    return k == d ? all(d) : new SubsetFamily(Kind.SIZE_AT_MOST, d, k, null);
  }

  /** An explicit list of distinct subsets (bit masks below 2^d). */
  public static SubsetFamily of(int d, long[] masks) {
    long[] sorted = masks.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i] < 0 || (d < 63 && sorted[i] >>> d != 0)) {
        throw new IllegalArgumentException("set " + sorted[i] + " is not a subset of [" + d + "]");
      }
      if (i > 0 && sorted[i] == sorted[i - 1]) {
        throw new IllegalArgumentException("set " + sorted[i] + " is listed twice");
      }
    }
    return new SubsetFamily(Kind.LIST, d, -1, sorted);
  }

  public Kind kind() {
    return kind;
  }

  public int dimension() {
    return d;
  }

  /** For SIZE_AT_MOST, the bound k. */
  public int sizeBound() {
    return k;
  }

  /** Number of sets in the family. */
  public long size() {
    return switch (kind) {
      case ALL -> 1L << d;
      case LIST -> list.length;
      case SIZE_AT_MOST -> {
        long total = 0;
        long c = 1;
        for (int j = 0; j <= k; j++) {
          total += c;
          c = c * (d - j) / (j + 1);
        }
        yield total;
      }
    };
  }

  /** True when S belongs to the family. */
  public boolean contains(long s) {
    return switch (kind) {
      case ALL -> s >= 0 && s >>> d == 0;
      case SIZE_AT_MOST -> s >= 0 && s >>> d == 0 && Long.bitCount(s) <= k;
      case LIST -> Arrays.binarySearch(list, s) >= 0;
    };
  }

  /** Visits every set, in increasing mask order. */
  public void forEach(LongConsumer action) {
    switch (kind) {
      case ALL -> {
        for (long s = 0; s < 1L << d; s++) {
          action.accept(s);
        }
      }
      case SIZE_AT_MOST -> {
        for (long s = 0; s < 1L << d; s++) {
          if (Long.bitCount(s) <= k) {
            action.accept(s);
          }
        }
      }
      case LIST -> {
        for (long s : list) {
          action.accept(s);
        }
      }
      default -> throw new AssertionError(kind);
    }
  }

  /** The listed sets (LIST only), sorted. */
  public long[] listed() {
    if (kind != Kind.LIST) {
      throw new IllegalStateException("not a listed family");
    }
    return list.clone();
  }

  public String describe() {
    return switch (kind) {
      case ALL -> "all 2^" + d + " subsets";
      case SIZE_AT_MOST -> "subsets of size <= " + k;
      case LIST -> list.length + " listed subsets";
    };
  }
}
