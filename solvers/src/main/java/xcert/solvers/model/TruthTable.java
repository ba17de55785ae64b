package xcert.solvers.model;

import java.util.stream.IntStream;
import xcert.solvers.errors.TooLargeException;

/**
 * The value of a circuit's output on every point of a 2^d grid, packed 64 points per word and
 * computed with {@link BitSlicedEvaluator} in parallel. Bit y of the table (word y/64, bit y%64) is
 * f(z(y)), where z_i = y's bit i ? onSet[i] : onClear[i]. With onSet = 1 and onClear = 0 this is the
 * plain truth table f(y); with onSet = x and onClear = r it is f(x_S, r_{S^c}) with S the set of y's bits,
 * which is what row averaging for an empirical reference distribution needs.
 */
public final class TruthTable {

  /** Largest d for which a packed table is built (2^34 bits = 2 GiB). */
  public static final int MAX_D = 34;

  private static final long[] LOW_PATTERNS = {
    0xAAAAAAAAAAAAAAAAL,
    0xCCCCCCCCCCCCCCCCL,
    0xF0F0F0F0F0F0F0F0L,
    0xFF00FF00FF00FF00L,
    0xFFFF0000FFFF0000L,
    0xFFFFFFFF00000000L
  };

  private TruthTable() {}

  /** Number of words a table over d inputs takes. */
  public static long words(int d) {
    return d <= 6 ? 1 : 1L << (d - 6);
  }

  /** The plain truth table of output k: bit y is f(y). */
  public static long[] of(Circuit c, int k) {
    int d = c.dimension();
    boolean[] one = new boolean[d];
    java.util.Arrays.fill(one, true);
    return substituted(c, k, one, new boolean[d]);
  }

  /** The table of output k with coordinate i taking onSet[i] where y's bit i is 1, else onClear[i]. */
  public static long[] substituted(Circuit c, int k, boolean[] onSet, boolean[] onClear) {
    final int d = c.dimension();
    if (d > MAX_D) {
      throw new TooLargeException("a truth table over d=" + d + " inputs has 2^" + d
          + " entries; at most d=" + MAX_D + " is tabulated");
    }
    final long nWords = words(d);
    final long[] table = new long[(int) nWords];
    final int block = BitSlicedEvaluator.BLOCK;
    final int nBlocks = (int) ((nWords + block - 1) / block);
    final ThreadLocal<BitSlicedEvaluator> evaluators =
        ThreadLocal.withInitial(() -> new BitSlicedEvaluator(c, k));
    final ThreadLocal<long[]> inputs = ThreadLocal.withInitial(() -> new long[d * block]);
    IntStream.range(0, nBlocks).parallel().forEach(b -> {
      BitSlicedEvaluator ev = evaluators.get();
      long[] in = inputs.get();
      int first = b * block;
      int words = (int) Math.min(block, nWords - first);
      for (int i = 0; i < d; i++) {
        long set = onSet[i] ? -1L : 0L;
        long clear = onClear[i] ? -1L : 0L;
        for (int w = 0; w < words; w++) {
          long pattern;
          if (i < 6) {
            pattern = LOW_PATTERNS[i];
          } else {
            pattern = (((first + w) >>> (i - 6)) & 1) != 0 ? -1L : 0L;
          }
          in[i * block + w] = (pattern & set) | (~pattern & clear);
        }
      }
      ev.evaluate(in, words, table, first);
    });
    if (d < 6) {
      table[0] &= (1L << (1 << d)) - 1;
    }
    return table;
  }

  /** Bit y of a packed table. */
  public static boolean get(long[] table, long y) {
    return ((table[(int) (y >>> 6)] >>> (y & 63)) & 1L) != 0;
  }
}
