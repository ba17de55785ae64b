package xcert.solvers.stream;

/**
 * One block's counts before they join the stream's: T(s) and G_t(s) by local agreement offset s
 * (the block's own players' agreements) and block player t, as plain {@code long} sums, which cannot
 * overflow for the values one block adds (at most 2^16 values below 2^32 in magnitude).
 * {@link #flushInto} shifts them by the offset of the block's high players, adds them to a group's
 * 128-bit counts times the game's multiplicity (T to T and to T_i of every player, G_t to G of
 * player t, T to G of every high player that agrees), and clears them. Not thread-safe.
 */
final class BlockTally {

  long[] t = new long[0];
  long[] g = new long[0];
  private int states;

  /** Makes room for {@code states} offsets and {@code k} block players; the counts are zero. */
  void prepare(int states, int k) {
    this.states = states;
    if (t.length < states || g.length < states * Math.max(k, 1)) {
      t = new long[states];
      g = new long[states * Math.max(k, 1)];
    }
  }

  /** Index of G_q(s) in {@link #g}. */
  int gIndex(int q, int s) {
    return q * states + s;
  }

  /** Adds these counts of block {@code block} of {@code p} to counts group {@code counts}. */
  void flushInto(StreamPart p, long block, WeightGroup grp, StreamCounts sink, int counts) {
    long[] lo = sink.lo[counts];
    long[] hi = sink.hi[counts];
    int oh = p.highOffset(block);
    int k = p.blockBits;
    long mu = p.multiplicity;
    for (int s = 0; s + oh < states; s++) {
      long tv = t[s];
      boolean any = tv != 0;
      for (int q = 0; q < k && !any; q++) {
        any = g[q * states + s] != 0;
      }
      if (!any) {
        continue;
      }
      int gs = s + oh;
      if (tv != 0) {
        Int128.addTimes(lo, hi, WeightGroup.tIndex(gs), tv, tv >> 63, mu);
      }
      for (int q = 0; q < p.m(); q++) {
        int i = p.players[q];
        if (tv != 0) {
          Int128.addTimes(lo, hi, grp.tFreeIndex(i, gs), tv, tv >> 63, mu);
        }
        if (q < k) {
          long gv = g[q * states + s];
          if (gv != 0) {
            Int128.addTimes(lo, hi, grp.gIndex(i, gs), gv, gv >> 63, mu);
            g[q * states + s] = 0;
          }
        } else if (tv != 0 && ((block >>> (q - k)) & 1) != 0) {
          Int128.addTimes(lo, hi, grp.gIndex(i, gs), tv, tv >> 63, mu);
        }
      }
      t[s] = 0;
    }
  }
}
