package xcert.solvers.stream;

import java.util.IdentityHashMap;
import java.util.Map;
import xcert.solvers.exact.NetworkGrid;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.num.WideArray;

/**
 * Counts the blocks of a ReLU network's stream one input at a time: the block's 2^k values come from
 * {@link NetworkGrid} as exact one-word numerators (a score network), or are the 0/1 labels of a
 * classifier (certified by {@link ReluNetwork#label}). Each value is added to T at the input's local
 * agreement offset and to G_t of every block player t that agrees; the sums are kept as a high and a
 * low 32-bit half in two {@code long}s each, which cannot overflow within a block of at most 2^16
 * inputs, and are joined into 128-bit counts at the block's end.
 */
final class PointBlocks implements BlockCounter {

  private final StreamPlan plan;
  private final ReluNetwork net;
  private final NetworkGrid grid;
  private final int d;
  private final Map<StreamPart, int[]> offsets = new IdentityHashMap<>();
  private long[] values = new long[0];
  private WideArray buffer;
  private long[] tl = new long[0];
  private long[] th = new long[0];
  private long[] gl = new long[0];
  private long[] gh = new long[0];
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

  /** Computes the block's values into {@link #values}; returns the number of points. */
  private int evaluate(StreamPart p, long block) {
    int k = p.blockBits;
    int n = 1 << k;
    if (values.length < n) {
      values = new long[n];
    }
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
      if (grid.words() == 1) {
        System.arraycopy(buffer.data(), 0, values, 0, n);
      }
    } else {
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
    long sum = 0;
    if (grid != null && grid.words() > 1) {
      long[] data = buffer.data();
      for (int y = 0; y < n * grid.words(); y++) {
        sum += data[y];
      }
      return sum;
    }
    for (int y = 0; y < n; y++) {
      sum += values[y];
    }
    return sum;
  }

  @Override
  public void count(StreamPart p, long block, StreamCounts sink) {
    if (plan.channels() > 1) {
      countChannels(p, block, sink);
      return;
    }
    int n = evaluate(p, block);
    int[] off = offsets(p);
    int states = plan.group(p.group).states;
    int k = p.blockBits;
    if (tl.length < states || gl.length < states * Math.max(k, 1)) {
      tl = new long[states];
      th = new long[states];
      gl = new long[states * Math.max(k, 1)];
      gh = new long[states * Math.max(k, 1)];
    }
    for (int y = 0; y < n; y++) {
      long v = values[y];
      if (v == 0) {
        continue;
      }
      long vl = v & 0xFFFFFFFFL;
      long vh = v >> 32;
      int s = off[y];
      tl[s] += vl;
      th[s] += vh;
      for (int a = y; a != 0; a &= a - 1) {
        int at = Integer.numberOfTrailingZeros(a) * states + s;
        gl[at] += vl;
        gh[at] += vh;
      }
    }
    flush(p, block, sink, states);
  }

  private void flush(StreamPart p, long block, StreamCounts sink, int states) {
    WeightGroup grp = plan.group(p.group);
    long[] lo = sink.lo[p.group];
    long[] hi = sink.hi[p.group];
    int oh = p.highOffset(block);
    int k = p.blockBits;
    long mu = p.multiplicity;
    for (int s = 0; s + oh < states; s++) {
      if (tl[s] == 0 && th[s] == 0) {
        boolean any = false;
        for (int t = 0; t < k && !any; t++) {
          any = gl[t * states + s] != 0 || gh[t * states + s] != 0;
        }
        if (!any) {
          continue;
        }
      }
      int gs = s + oh;
      long[] tv = join(tl[s], th[s]);
      Int128.addTimes(lo, hi, WeightGroup.tIndex(gs), tv[0], tv[1], mu);
      for (int t = 0; t < p.m(); t++) {
        int i = p.players[t];
        Int128.addTimes(lo, hi, grp.tFreeIndex(i, gs), tv[0], tv[1], mu);
        if (t < k) {
          int at = t * states + s;
          long[] gv = join(gl[at], gh[at]);
          Int128.addTimes(lo, hi, grp.gIndex(i, gs), gv[0], gv[1], mu);
          gl[at] = 0;
          gh[at] = 0;
        } else if (((block >>> (t - k)) & 1) != 0) {
          Int128.addTimes(lo, hi, grp.gIndex(i, gs), tv[0], tv[1], mu);
        }
      }
      tl[s] = 0;
      th[s] = 0;
    }
    sink.addBlocks(1);
  }

  private long[][] ct = new long[0][];
  private long[][] cg = new long[0][];

  /**
   * A block of a network whose numerators take w ≥ 2 words: each numerator is cut into 2w pieces
   * of 32 bits (the top one signed), each counted in its own channel with plain {@code long} sums
   * (at most 2^14 pieces of 32 bits per block), joined by {@link StreamPlan#finish}.
   */
  private void countChannels(StreamPart p, long block, StreamCounts sink) {
    int n = evaluate(p, block);
    int[] off = offsets(p);
    int states = plan.group(p.group).states;
    int k = p.blockBits;
    int ch = plan.channels();
    int words = ch / 2;
    if (ct.length != ch || ct[0].length < states || cg[0].length < states * Math.max(k, 1)) {
      ct = new long[ch][states];
      cg = new long[ch][states * Math.max(k, 1)];
    }
    long[] data = buffer.data();
    for (int y = 0; y < n; y++) {
      int s = off[y];
      for (int c = 0; c < ch; c++) {
        long word = data[y * words + c / 2];
        long piece = c == ch - 1 ? word >> 32 : (c % 2 == 0 ? word & 0xFFFFFFFFL : word >>> 32);
        if (piece == 0) {
          continue;
        }
        ct[c][s] += piece;
        long[] g = cg[c];
        for (int a = y; a != 0; a &= a - 1) {
          g[Integer.numberOfTrailingZeros(a) * states + s] += piece;
        }
      }
    }
    WeightGroup grp = plan.group(p.group);
    int oh = p.highOffset(block);
    long mu = p.multiplicity;
    for (int c = 0; c < ch; c++) {
      long[] lo = sink.lo[p.group * ch + c];
      long[] hi = sink.hi[p.group * ch + c];
      long[] t = ct[c];
      long[] g = cg[c];
      for (int s = 0; s + oh < states; s++) {
        int gs = s + oh;
        long tv = t[s];
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
    sink.addBlocks(1);
  }

  /** low + high·2^32 as a 128-bit (lo, hi) pair, for |high| < 2^62 and 0 ≤ low < 2^62. */
  private static long[] join(long low, long high) {
    long shiftedLo = high << 32;
    long shiftedHi = high >> 32;
    long s = shiftedLo + low;
    long carry = Long.compareUnsigned(s, shiftedLo) < 0 ? 1 : 0;
    return new long[] {s, shiftedHi + carry};
  }
}
