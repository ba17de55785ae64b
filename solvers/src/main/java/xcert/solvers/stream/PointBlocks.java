package xcert.solvers.stream;

import java.util.IdentityHashMap;
import java.util.Map;
import xcert.solvers.exact.NetworkGrid;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.num.WideArray;

/**
 * Counts the blocks of a ReLU network's stream one input at a time: the block's 2^k values come from
 * {@link NetworkGrid} as exact numerators (a score network), or are the 0/1 labels of a classifier
 * (certified by {@link ReluNetwork#label}). Each value, cut into 32-bit pieces (one channel each),
 * is added to T at the input's local agreement offset and to G_t of every block player t that
 * agrees, in a {@link BlockTally} per channel.
 */
final class PointBlocks implements BlockCounter {

  private final StreamPlan plan;
  private final ReluNetwork net;
  private final NetworkGrid grid;
  private final int d;
  private final Map<StreamPart, int[]> offsets = new IdentityHashMap<>();
  private long[] values = new long[0];
  private WideArray buffer;
  private BlockTally[] tallies = new BlockTally[0];
  private final double[] z;
  private final double[][] sub;

  PointBlocks(StreamPlan plan, ReluNetwork net, NetworkGrid grid) {
    this.plan = plan;
    this.net = net;
    this.grid = grid;
    this.d = net.dimension();
    this.z = new double[d];
    this.sub = new double[d][];
  }

  private int[] offsets(StreamPart p) {
    return offsets.computeIfAbsent(p, q -> {
      int k = q.blockBits;
      int[] o = new int[1 << k];
      for (int y = 1; y < o.length; y++) {
        int t = Integer.numberOfTrailingZeros(y);
        o[y] = o[y & (y - 1)] + q.step[t];
      }
      return o;
    });
  }

  /**
   * Evaluates the block: a score network's numerators into {@link #buffer}, a classifier's labels
   * into {@link #values}; returns the number of points.
   */
  private int evaluate(StreamPart p, long block) {
    int k = p.blockBits;
    int n = 1 << k;
    if (grid != null) {
      for (int i = 0; i < d; i++) {
        sub[i] = new double[] {p.x[i]};
      }
      for (int t = 0; t < p.m(); t++) {
        int i = p.players[t];
        if (t < k) {
          sub[i] = new double[] {p.alt[i], p.x[i]};
        } else {
          sub[i] = new double[] {((block >>> (t - k)) & 1) != 0 ? p.x[i] : p.alt[i]};
        }
      }
      if (buffer == null || buffer.size() != n) {
        buffer = new WideArray(n, grid.words());
      }
      grid.evaluate(sub, buffer);
    } else {
      if (values.length < n) {
        values = new long[n];
      }
      System.arraycopy(p.x, 0, z, 0, d);
      for (int t = k; t < p.m(); t++) {
        int i = p.players[t];
        z[i] = ((block >>> (t - k)) & 1) != 0 ? p.x[i] : p.alt[i];
      }
      for (int y = 0; y < n; y++) {
        for (int t = 0; t < k; t++) {
          int i = p.players[t];
          z[i] = ((y >>> t) & 1) != 0 ? p.x[i] : p.alt[i];
        }
        values[y] = net.label(z);
      }
    }
    return n;
  }

  @Override
  public long evaluateOnly(StreamPart p, long block) {
    int n = evaluate(p, block);
    long[] data = grid == null ? values : buffer.data();
    int len = grid == null ? n : n * grid.words();
    long sum = 0;
    for (int y = 0; y < len; y++) {
      sum += data[y];
    }
    return sum;
  }

  /**
   * Counts the block: each value is cut into {@link StreamPlan#channels()} pieces of 32 bits (a
   * label is one piece; a numerator of w words 2w pieces, the top one signed), each piece counted in
   * its own channel's {@link BlockTally}; {@link StreamPlan#finish} joins the channels.
   */
  @Override
  public void count(StreamPart p, long block, StreamCounts sink) {
    int n = evaluate(p, block);
    int[] off = offsets(p);
    int states = plan.group(p.group).states;
    int k = p.blockBits;
    int ch = plan.channels();
    if (tallies.length != ch) {
      tallies = new BlockTally[ch];
      for (int c = 0; c < ch; c++) {
        tallies[c] = new BlockTally();
      }
    }
    for (BlockTally tally : tallies) {
      tally.prepare(states, k);
    }
    long[] data = grid == null ? values : buffer.data();
    int words = grid == null ? 1 : grid.words();
    for (int y = 0; y < n; y++) {
      int s = off[y];
      for (int c = 0; c < ch; c++) {
        long piece;
        if (grid == null) {
          piece = data[y];
        } else {
          long word = data[y * words + c / 2];
          piece = c == ch - 1 ? word >> 32 : (c % 2 == 0 ? word & 0xFFFFFFFFL : word >>> 32);
        }
        if (piece == 0) {
          continue;
        }
        BlockTally tally = tallies[c];
        tally.t[s] += piece;
        for (int a = y; a != 0; a &= a - 1) {
          tally.g[tally.gIndex(Integer.numberOfTrailingZeros(a), s)] += piece;
        }
      }
    }
    WeightGroup grp = plan.group(p.group);
    for (int c = 0; c < ch; c++) {
      tallies[c].flushInto(p, block, grp, sink, p.group * ch + c);
    }
    sink.addBlocks(1);
  }
}
