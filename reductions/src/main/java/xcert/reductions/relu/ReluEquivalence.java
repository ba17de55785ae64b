package xcert.reductions.relu;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.model.BitSlicedEvaluator;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.model.TruthTable;

/**
 * Compares a circuit output with a ReLU classifier's exact label, on all of {0,1}^d ({@link
 * #exhaustive}) or on seeded uniform samples ({@link #sampled}).
 *
 * <p>The circuit side is computed bit-sliced (64 inputs per word, {@link TruthTable} and {@link
 * BitSlicedEvaluator}). The network side is exact: a network whose weights and biases are integers
 * (as {@link CircuitToRelu} builds them) is evaluated in {@code long} arithmetic on sparse rows, with
 * an overflow bound checked up front; the exhaustive check visits each block of 4096 points in
 * Gray-code order, so the first layer is updated by the one input column that changed. Any other
 * network goes through {@link ReluNetwork#label}, which is exact but slower. Work is split into fixed blocks run in parallel; results do not depend on the
 * number of threads. A disagreement found by the fast path is re-checked with {@link
 * Circuit#evaluate(int, boolean[])} and {@link ReluNetwork#label} before it is reported.
 *
 * <p>A sampled agreement is evidence, not proof: the structural argument in {@link CircuitToRelu}
 * is the proof that compiled networks agree everywhere; the exhaustive check confirms it for small d.
 */
public final class ReluEquivalence {

  /** Largest d for which {@link #exhaustive} enumerates {0,1}^d (2^26 ≈ 6.7·10^7 points). */
  public static final int MAX_EXHAUSTIVE_D = 26;

  /** log2 of the points per parallel block of the exhaustive check. */
  private static final int EXHAUSTIVE_BLOCK_BITS = 12;

  /** Words (64 samples each) per parallel block of the sampled check. */
  private static final int SAMPLE_WORDS = BitSlicedEvaluator.BLOCK;

  private ReluEquivalence() {}

  /**
   * The result of an exhaustive comparison on all 2^d points.
   *
   * @param d the number of inputs
   * @param points 2^d
   * @param disagreements the number of points where the circuit and the label differ
   * @param firstCounterexample the smallest disagreeing point y (feature i+1 is bit i of y), or −1
   * @param integerArithmetic whether the network was evaluated in exact integer arithmetic (else
   *     with {@link ReluNetwork#label})
   */
  public record Exhaustive(int d, long points, long disagreements, long firstCounterexample,
      boolean integerArithmetic) {

    public boolean agrees() {
      return disagreements == 0;
    }

    /** The first counterexample as a 0/1 vector (x[i] is feature i+1), if any. */
    public Optional<boolean[]> counterexample() {
      if (firstCounterexample < 0) {
        return Optional.empty();
      }
      boolean[] x = new boolean[d];
      for (int i = 0; i < d; i++) {
        x[i] = (firstCounterexample >>> i & 1L) != 0;
      }
      return Optional.of(x);
    }

    @Override
    public String toString() {
      return agrees()
          ? "agree on all " + points + " points of {0,1}^" + d
          : disagreements + " of " + points + " points disagree; first " + bitString(
              counterexample().orElseThrow());
    }
  }

  /**
   * The result of a sampled comparison.
   *
   * @param n the number of samples
   * @param seed the seed they were drawn with
   * @param disagreements how many samples disagree
   * @param firstDisagreementIndex the 0-based index of the first disagreeing sample, or −1
   */
  public record Sampled(long n, long seed, long disagreements, long firstDisagreementIndex,
      Optional<String> firstDisagreement) {

    public boolean agrees() {
      return disagreements == 0;
    }

    @Override
    public String toString() {
      return agrees()
          ? "agree on " + n + " uniform samples (seed " + seed + ")"
          : disagreements + " of " + n + " samples (seed " + seed + ") disagree; first, sample "
              + firstDisagreementIndex + ": " + firstDisagreement.orElse("?");
    }
  }

  /**
   * Compares output {@code output} of c with the label of {@code net} on every x ∈ {0,1}^d.
   *
   * @throws TooLargeException when d &gt; {@link #MAX_EXHAUSTIVE_D}
   * @throws IllegalArgumentException when the dimensions differ or the network is not a classifier
   */
  public static Exhaustive exhaustive(Circuit c, int output, ReluNetwork net) {
    int d = check(c, output, net);
    if (d > MAX_EXHAUSTIVE_D) {
      throw new TooLargeException("an exhaustive check over d=" + d + " inputs visits 2^" + d
          + " points; at most d=" + MAX_EXHAUSTIVE_D + " is enumerated (use a sampled check)");
    }
    long[] table = TruthTable.of(c, output);
    IntegerRelu fast = IntegerRelu.of(net);
    long points = 1L << d;
    int blockBits = Math.min(d, EXHAUSTIVE_BLOCK_BITS);
    int blocks = (int) (points >>> blockBits);
    long[] total = IntStream.range(0, blocks).parallel().mapToObj(blk -> {
      long from = (long) blk << blockBits;
      long count = 0;
      long first = -1;
      if (fast != null) {
        // The block's points in Gray-code order: each step flips one low bit, so the first layer
        // is updated by one column instead of recomputed.
        long[][] scratch = fast.scratch();
        long[] pre = new long[scratch[2].length];
        long y = from;
        fast.firstLayer(new long[] {y}, pre);
        for (long i = 0; i < 1L << blockBits; i++) {
          if (i > 0) {
            int b = Long.numberOfTrailingZeros(i);
            y ^= 1L << b;
            fast.flip(pre, b, (y >>> b & 1L) != 0);
          }
          int label = fast.labelFromFirstLayer(pre, scratch);
          if (label != (int) ((table[(int) (y >>> 6)] >>> (y & 63)) & 1L)) {
            count++;
            first = first < 0 ? y : Math.min(first, y);
          }
        }
      } else {
        double[] x = new double[d];
        for (long y = from; y < from + (1L << blockBits); y++) {
          for (int i = 0; i < d; i++) {
            x[i] = (y >>> i) & 1L;
          }
          if (net.label(x) != (int) ((table[(int) (y >>> 6)] >>> (y & 63)) & 1L)) {
            count++;
            first = first < 0 ? y : first;
          }
        }
      }
      return new long[] {count, first};
    }).reduce(new long[] {0, -1}, (a, b) -> new long[] {a[0] + b[0],
        a[1] < 0 ? b[1] : b[1] < 0 ? a[1] : Math.min(a[1], b[1])});
    Exhaustive result = new Exhaustive(d, points, total[0], total[1], fast != null);
    result.counterexample().ifPresent(x -> confirm(c, output, net, x));
    return result;
  }

  /**
   * Compares output {@code output} of c with the label of {@code net} on n inputs drawn uniformly
   * from {0,1}^d. The samples depend only on (n, seed, d): blocks of 2048 samples each take the next
   * {@link SplittableRandom#split()} of {@code new SplittableRandom(seed)}, and in a block feature i of
   * word w is the (w·d + i)-th {@code nextLong()}, so sample 64w + b has feature i+1 = bit b of it.
   */
  public static Sampled sampled(Circuit c, int output, ReluNetwork net, long n, long seed) {
    int d = check(c, output, net);
    if (n < 0) {
      throw new IllegalArgumentException("negative number of samples: " + n);
    }
    long perBlock = 64L * SAMPLE_WORDS;
    long blocksL = (n + perBlock - 1) / perBlock;
    if (blocksL > Integer.MAX_VALUE) {
      throw new TooLargeException(n + " samples are too many; at most "
          + (Integer.MAX_VALUE * perBlock) + " are drawn");
    }
    int blocks = (int) blocksL;
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom[] gens = new SplittableRandom[blocks];
    for (int b = 0; b < blocks; b++) {
      gens[b] = root.split();
    }
    IntegerRelu fast = IntegerRelu.of(net);
    ThreadLocal<BitSlicedEvaluator> evaluators =
        ThreadLocal.withInitial(() -> new BitSlicedEvaluator(c, output));
    int inWords = (d + 63) / 64;
    long[] total = IntStream.range(0, blocks).parallel().mapToObj(blk -> {
      SplittableRandom rnd = gens[blk];
      long from = (long) blk * perBlock;
      long count = Math.min(perBlock, n - from);
      int words = (int) ((count + 63) / 64);
      long[] in = new long[Math.max(1, d) * SAMPLE_WORDS];
      for (int w = 0; w < words; w++) {
        for (int i = 0; i < d; i++) {
          in[i * SAMPLE_WORDS + w] = rnd.nextLong();
        }
      }
      long[] outWords = new long[SAMPLE_WORDS];
      evaluators.get().evaluate(in, words, outWords, 0);
      long[] bits = new long[Math.max(1, inWords)];
      long[][] scratch = fast == null ? null : fast.scratch();
      double[] x = fast == null ? new double[d] : null;
      long bad = 0;
      long first = -1;
      for (long s = 0; s < count; s++) {
        int w = (int) (s >>> 6);
        int bit = (int) (s & 63);
        java.util.Arrays.fill(bits, 0L);
        for (int i = 0; i < d; i++) {
          bits[i >>> 6] |= (in[i * SAMPLE_WORDS + w] >>> bit & 1L) << i;
        }
        int label;
        if (fast != null) {
          label = fast.label(bits, scratch);
        } else {
          for (int i = 0; i < d; i++) {
            x[i] = bits[i >>> 6] >>> i & 1L;
          }
          label = net.label(x);
        }
        int circuit = (int) (outWords[w] >>> bit & 1L);
        if (label != circuit) {
          bad++;
          if (first < 0) {
            first = from + s;
          }
        }
      }
      long[] firstBits = first < 0 ? new long[0] : firstInput(in, d, first - from);
      long[] r = new long[2 + firstBits.length];
      r[0] = bad;
      r[1] = first;
      System.arraycopy(firstBits, 0, r, 2, firstBits.length);
      return r;
    }).reduce(new long[] {0, -1}, (a, b) -> {
      long[] keep = a[1] < 0 ? b : b[1] < 0 ? a : a[1] <= b[1] ? a : b;
      long[] r = keep.clone();
      r[0] = a[0] + b[0];
      return r;
    });
    Optional<String> firstX = Optional.empty();
    if (total[1] >= 0) {
      boolean[] x = new boolean[d];
      for (int i = 0; i < d; i++) {
        x[i] = (total[2 + (i >>> 6)] >>> i & 1L) != 0;
      }
      confirm(c, output, net, x);
      firstX = Optional.of(bitString(x));
    }
    return new Sampled(n, seed, total[0], total[1], firstX);
  }

  private static long[] firstInput(long[] in, int d, long s) {
    long[] bits = new long[Math.max(1, (d + 63) / 64)];
    int w = (int) (s >>> 6);
    int bit = (int) (s & 63);
    for (int i = 0; i < d; i++) {
      bits[i >>> 6] |= (in[i * SAMPLE_WORDS + w] >>> bit & 1L) << i;
    }
    return bits;
  }

  /** Re-checks a reported disagreement with the plain evaluators; a mismatch is an internal error. */
  private static void confirm(Circuit c, int output, ReluNetwork net, boolean[] x) {
    double[] xd = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      xd[i] = x[i] ? 1 : 0;
    }
    if ((c.evaluate(output, x) ? 1 : 0) == net.label(xd)) {
      throw new IllegalStateException("internal error: the fast comparison reported a disagreement"
          + " at " + bitString(x) + " that the plain evaluators do not confirm");
    }
  }

  private static int check(Circuit c, int output, ReluNetwork net) {
    if (output < 0 || output >= c.outputCount()) {
      throw new IllegalArgumentException("output " + (output + 1) + " does not exist; the circuit has "
          + c.outputCount());
    }
    if (!net.isClassifier()) {
      throw new IllegalArgumentException("the network has no threshold; a classifier is needed");
    }
    if (net.dimension() != c.dimension()) {
      throw new IllegalArgumentException("the circuit has d=" + c.dimension()
          + " inputs but the network " + net.dimension());
    }
    return c.dimension();
  }

  /** x1 x2 … as a 0/1 string. */
  static String bitString(boolean[] x) {
    StringBuilder sb = new StringBuilder(x.length);
    for (boolean b : x) {
      sb.append(b ? '1' : '0');
    }
    return sb.toString();
  }
}
