package xcert.solvers.stream;

import java.io.Serializable;
import java.math.BigInteger;

/**
 * Partial counts of a stream: for every {@link WeightGroup}, the sums T(a), T_i(a) (over the games in
 * which feature i is a player) and G_i(a) of the package documentation, as exact 128-bit integers,
 * and how many blocks they cover. Counts of disjoint block ranges add up ({@link #plus}); the sum
 * over all blocks of a {@link StreamPlan} is what {@link StreamPlan#finish} turns into values.
 * Serializable, so that a cluster can ship them.
 */
public final class StreamCounts implements Serializable {

  private static final long serialVersionUID = 1L;

  final long[][] lo;
  final long[][] hi;
  private long blocks;

  StreamCounts(int[] counters) {
    lo = new long[counters.length][];
    hi = new long[counters.length][];
    for (int g = 0; g < counters.length; g++) {
      lo[g] = new long[counters[g]];
      hi[g] = new long[counters[g]];
    }
  }

  /** Number of blocks these counts cover. */
  public long blocks() {
    return blocks;
  }

  void addBlocks(long n) {
    blocks += n;
  }

  /** The sum of these counts and {@code o}'s, as new counts (both are left as they are). */
  public StreamCounts plus(StreamCounts o) {
    if (o.lo.length != lo.length) {
      throw new IllegalArgumentException("counts of different streams cannot be added");
    }
    int[] sizes = new int[lo.length];
    for (int g = 0; g < lo.length; g++) {
      if (o.lo[g].length != lo[g].length) {
        throw new IllegalArgumentException("counts of different streams cannot be added");
      }
      sizes[g] = lo[g].length;
    }
    StreamCounts s = new StreamCounts(sizes);
    for (int g = 0; g < lo.length; g++) {
      for (int i = 0; i < lo[g].length; i++) {
        s.lo[g][i] = lo[g][i];
        s.hi[g][i] = hi[g][i];
        Int128.add(s.lo[g], s.hi[g], i, o.lo[g][i], o.hi[g][i]);
      }
    }
    s.blocks = blocks + o.blocks;
    return s;
  }

  /** Adds {@code o} into these counts (for one thread's running total). */
  void addInPlace(StreamCounts o) {
    for (int g = 0; g < lo.length; g++) {
      for (int i = 0; i < lo[g].length; i++) {
        if (o.lo[g][i] != 0 || o.hi[g][i] != 0) {
          Int128.add(lo[g], hi[g], i, o.lo[g][i], o.hi[g][i]);
        }
      }
    }
    blocks += o.blocks;
  }

  BigInteger get(int group, int i) {
    return Int128.get(lo[group], hi[group], i);
  }
}
