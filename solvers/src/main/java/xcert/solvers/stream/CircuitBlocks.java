package xcert.solvers.stream;

import java.util.IdentityHashMap;
import java.util.Map;
import xcert.solvers.model.BitSlicedEvaluator;
import xcert.solvers.model.Circuit;

/**
 * Counts the blocks of a circuit's stream 64 inputs per word with {@link BitSlicedEvaluator}. Inside
 * a word the six lowest players vary across the 64 lanes; the next players are fixed per word, the
 * rest per block. Per non-zero output word r, the lanes are split by their agreement offset (masks
 * M_g), and popcount(r ∧ M_g) adds to T, popcount(r ∧ M_g ∧ lane mask of player l) to G_l, and
 * popcount(r ∧ M_g) to G_t of every word-level player t that agrees. Block-level players are added
 * once per block. Most work is the evaluation itself.
 */
final class CircuitBlocks implements BlockCounter {

  private static final long[] LANE = {
    0xAAAAAAAAAAAAAAAAL,
    0xCCCCCCCCCCCCCCCCL,
    0xF0F0F0F0F0F0F0F0L,
    0xFF00FF00FF00FF00L,
    0xFFFF0000FFFF0000L,
    0xFFFFFFFF00000000L
  };
  private static final int CHUNK = BitSlicedEvaluator.BLOCK;

  private final StreamPlan plan;
  private final BitSlicedEvaluator ev;
  private final int d;
  private final long[] in;
  private final long[] out = new long[CHUNK];
  private final Map<StreamPart, Layout> layouts = new IdentityHashMap<>();
  private final BlockTally tally = new BlockTally();

  CircuitBlocks(StreamPlan plan, Circuit c) {
    this.plan = plan;
    this.ev = new BitSlicedEvaluator(c, 0);
    this.d = c.dimension();
    this.in = new long[d * CHUNK];
  }

  /** The word structure of one part's blocks, computed once per part and thread. */
  private static final class Layout {
    final int lanes;
    final long valid;
    final int words;
    final int[] groupOffset;
    final long[] groupMask;
    final long[][] groupLaneMask; // [g][l]
    final int[] midOffset;
    final int[] midAgree;
    final int localStates;

    Layout(StreamPart p, int states) {
      int k = p.blockBits;
      lanes = Math.min(6, k);
      valid = lanes == 6 ? -1L : (1L << (1 << lanes)) - 1;
      int mid = k - lanes;
      words = 1 << mid;
      Map<Integer, Long> masks = new java.util.TreeMap<>();
      for (int lane = 0; lane < (1 << lanes); lane++) {
        int o = 0;
        for (int l = 0; l < lanes; l++) {
          if (((lane >>> l) & 1) != 0) {
            o += p.step[l];
          }
        }
        masks.merge(o, 1L << lane, (a, b) -> a | b);
      }
      groupOffset = new int[masks.size()];
      groupMask = new long[masks.size()];
      groupLaneMask = new long[masks.size()][lanes];
      int g = 0;
      for (Map.Entry<Integer, Long> e : masks.entrySet()) {
        groupOffset[g] = e.getKey();
        groupMask[g] = e.getValue();
        for (int l = 0; l < lanes; l++) {
          groupLaneMask[g][l] = e.getValue() & LANE[l];
        }
        g++;
      }
      midOffset = new int[words];
      midAgree = new int[words];
      for (int w = 0; w < words; w++) {
        int o = 0;
        for (int t = 0; t < mid; t++) {
          if (((w >>> t) & 1) != 0) {
            o += p.step[lanes + t];
          }
        }
        midOffset[w] = o;
        midAgree[w] = w;
      }
      localStates = states;
    }
  }

  private Layout layout(StreamPart p) {
    return layouts.computeIfAbsent(p, q -> new Layout(q, plan.group(q.group).states));
  }

  /** Fills the input words of words [first, first+n) of the block; returns nothing. */
  private void fill(StreamPart p, Layout lay, long block, int first, int n) {
    double[] x = p.x;
    for (int i = 0; i < d; i++) {
      long v = x[i] != 0 ? -1L : 0L;
      for (int w = 0; w < n; w++) {
        in[i * CHUNK + w] = v;
      }
    }
    int k = p.blockBits;
    for (int t = 0; t < p.m(); t++) {
      int i = p.players[t];
      long xv = x[i] != 0 ? -1L : 0L;
      long av = p.alt[i] != 0 ? -1L : 0L;
      if (t < lay.lanes) {
        long a = LANE[t];
        long word = (a & xv) | (~a & av);
        for (int w = 0; w < n; w++) {
          in[i * CHUNK + w] = word;
        }
      } else if (t < k) {
        int bit = t - lay.lanes;
        for (int w = 0; w < n; w++) {
          in[i * CHUNK + w] = (((first + w) >>> bit) & 1) != 0 ? xv : av;
        }
      } else {
        long word = ((block >>> (t - k)) & 1) != 0 ? xv : av;
        for (int w = 0; w < n; w++) {
          in[i * CHUNK + w] = word;
        }
      }
    }
  }

  @Override
  public long evaluateOnly(StreamPart p, long block) {
    Layout lay = layout(p);
    long sum = 0;
    for (int first = 0; first < lay.words; first += CHUNK) {
      int n = Math.min(CHUNK, lay.words - first);
      fill(p, lay, block, first, n);
      ev.evaluate(in, n, out, 0);
      for (int w = 0; w < n; w++) {
        sum += Long.bitCount(out[w] & lay.valid);
      }
    }
    return sum;
  }

  @Override
  public void count(StreamPart p, long block, StreamCounts sink) {
    Layout lay = layout(p);
    int states = lay.localStates;
    tally.prepare(states, p.blockBits);
    final long[] t = tally.t;
    final long[] g = tally.g;
    final int lanes = lay.lanes;
    final int groups = lay.groupOffset.length;
    for (int first = 0; first < lay.words; first += CHUNK) {
      int n = Math.min(CHUNK, lay.words - first);
      fill(p, lay, block, first, n);
      ev.evaluate(in, n, out, 0);
      for (int w = 0; w < n; w++) {
        long r = out[w] & lay.valid;
        if (r == 0) {
          continue;
        }
        int word = first + w;
        int ow = lay.midOffset[word];
        int agree = lay.midAgree[word];
        for (int gi = 0; gi < groups; gi++) {
          long rm = r & lay.groupMask[gi];
          if (rm == 0) {
            continue;
          }
          int c = Long.bitCount(rm);
          int s = ow + lay.groupOffset[gi];
          t[s] += c;
          long[] lm = lay.groupLaneMask[gi];
          for (int l = 0; l < lanes; l++) {
            g[l * states + s] += Long.bitCount(r & lm[l]);
          }
          for (int a = agree; a != 0; a &= a - 1) {
            int l = lanes + Integer.numberOfTrailingZeros(a);
            g[l * states + s] += c;
          }
        }
      }
    }
    tally.flushInto(p, block, plan.group(p.group), sink, p.group);
    sink.addBlocks(1);
  }
}
