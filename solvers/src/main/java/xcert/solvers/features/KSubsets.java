package xcert.solvers.features;

import java.math.BigInteger;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;

/**
 * The k-subsets of [d] = {1, …, d} in report order (lexicographic in their ascending feature lists:
 * {1,2}, {1,3}, …, {1,d}, {2,3}, …), the order of {@link FeatureSet#compareTo}. This is the one
 * enumerator of candidate sets of a given size that xcert's searches use: RELEVANT-INPUT and
 * MIN-RELEVANT-INPUT by counting (seed 003 Section 3), minimum sufficient reasons by SAT, and the
 * guess step of the membership algorithm of seed 003 Theorem 3.3.
 *
 * <p>Three views of the same enumeration: {@link #next(int[], int)} advances a combination of 0-based
 * indices in place (no allocation, for hot loops), {@link #masks} yields {@code long} masks (d ≤ 64)
 * and {@link #of} yields {@link FeatureSet}s.
 */
public final class KSubsets {

  private KSubsets() {}

  /** C(d, k), the number of k-subsets of [d]. */
  public static BigInteger count(int d, int k) {
    if (k < 0 || k > d) {
      return BigInteger.ZERO;
    }
    BigInteger c = BigInteger.ONE;
    int m = Math.min(k, d - k);
    for (int i = 0; i < m; i++) {
      c = c.multiply(BigInteger.valueOf(d - i)).divide(BigInteger.valueOf(i + 1));
    }
    return c;
  }

  /** The first k-subset {0, …, k−1} as 0-based indices. */
  public static int[] first(int k) {
    int[] comb = new int[k];
    for (int i = 0; i < k; i++) {
      comb[i] = i;
    }
    return comb;
  }

  /**
   * Advances a strictly increasing combination of 0-based indices below d to the next one in report
   * order; false (and the combination unchanged) after the last.
   */
  public static boolean next(int[] comb, int d) {
    int k = comb.length;
    int i = k - 1;
    while (i >= 0 && comb[i] == d - k + i) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    comb[i]++;
    for (int j = i + 1; j < k; j++) {
      comb[j] = comb[j - 1] + 1;
    }
    return true;
  }

  /** The k-subsets of [d] as masks (bit i for feature i+1), in report order; d ≤ 64. */
  public static PrimitiveIterator.OfLong masks(int d, int k) {
    if (d > 64) {
      throw new IllegalArgumentException("masks hold features 1..64; d = " + d);
    }
    Combinations c = new Combinations(d, k);
    return new PrimitiveIterator.OfLong() {
      @Override
      public boolean hasNext() {
        return c.hasNext();
      }

      @Override
      public long nextLong() {
        int[] comb = c.advance();
        long m = 0;
        for (int i : comb) {
          m |= 1L << i;
        }
        return m;
      }
    };
  }

  /** The k-subsets of [d] as feature sets, in report order. */
  public static Iterable<FeatureSet> of(int d, int k) {
    return () -> {
      Combinations c = new Combinations(d, k);
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return c.hasNext();
        }

        @Override
        public FeatureSet next() {
          int[] comb = c.advance();
          int[] f = new int[comb.length];
          for (int i = 0; i < f.length; i++) {
            f[i] = comb[i] + 1;
          }
          return FeatureSet.of(f);
        }
      };
    };
  }

  /** The shared state of the iterators: the combination to return next, or none. */
  private static final class Combinations {
    private final int d;
    private int[] comb;

    Combinations(int d, int k) {
      if (k < 0 || d < 0) {
        throw new IllegalArgumentException("need 0 <= k and 0 <= d, got k = " + k + ", d = " + d);
      }
      this.d = d;
      this.comb = k <= d ? first(k) : null;
    }

    boolean hasNext() {
      return comb != null;
    }

    int[] advance() {
      if (comb == null) {
        throw new NoSuchElementException();
      }
      int[] out = comb.clone();
      if (!next(comb, d)) {
        comb = null;
      }
      return out;
    }
  }
}
