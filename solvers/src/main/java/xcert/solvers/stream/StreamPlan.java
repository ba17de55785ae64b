package xcert.solvers.stream;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.dist.EmpiricalDistribution;
import xcert.solvers.dist.FeatureSupport;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.exact.NetworkGrid;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;

/**
 * The streaming computation of exact Shapley or Banzhaf values of v(S) = f_S(x) for one model, input
 * and reference distribution, cut into independent blocks (see the package documentation for the
 * identity it rests on). Immutable and thread-safe: {@link #countBlocks} may run for disjoint ranges in
 * any number of threads or machines; {@link #finish} turns the sum of all their counts into values.
 *
 * <pre>{@code
 * StreamPlan plan = StreamPlan.of(model, x, ProductDistribution.uniform(d), Semivalue.SHAPLEY);
 * StreamCounts c = plan.countBlocks(0, plan.blockCount());
 * StreamValues v = plan.finish(c, 0);
 * }</pre>
 */
public final class StreamPlan {

  /** Most inputs per block of a circuit (2^16: 1024 words). */
  static final int CIRCUIT_BLOCK_BITS = 16;
  /** Most inputs per block of a network. */
  static final int NETWORK_BLOCK_BITS = 14;
  /** Most players of one game: 2^62 inputs. */
  public static final int MAX_PLAYERS = 62;
  /** Most 64-bit words of a network's exact numerators the stream sums. */
  static final int MAX_WORDS = 8;
  /** Most counters (128-bit) the counts of one plan may take. */
  static final long MAX_COUNTERS = 1L << 22;
  /** Most terms the weights of one group may take. */
  static final long MAX_WEIGHT_WORK = 20_000_000L;

  private final Model model;
  private final Semivalue query;
  private final int d;
  private final List<WeightGroup> groups;
  private final List<StreamPart> parts;
  private final long[] firstBlock;
  private final long blocks;
  private final long totalMultiplicity;
  private final NetworkGrid grid;
  private final String describe;

  private StreamPlan(Model model, Semivalue query, List<WeightGroup> groups, List<StreamPart> parts,
      long totalMultiplicity, NetworkGrid grid, String describe) {
    this.model = model;
    this.query = query;
    this.d = model.dimension();
    this.groups = List.copyOf(groups);
    this.parts = List.copyOf(parts);
    this.firstBlock = new long[parts.size() + 1];
    for (int p = 0; p < parts.size(); p++) {
      firstBlock[p + 1] = firstBlock[p] + parts.get(p).blocks();
    }
    this.blocks = firstBlock[parts.size()];
    this.totalMultiplicity = totalMultiplicity;
    this.grid = grid;
    this.describe = describe;
  }

  /**
   * Plans the stream of {@code semivalue}'s values for a circuit or a ReLU network at x under
   * v: a product distribution in which every feature takes x_i and at most one other value, or the
   * empirical distribution of a background's rows.
   *
   * @throws InputException (setting "method") naming why the question cannot be streamed
   * @throws TooLargeException when a game has more than {@link #MAX_PLAYERS} players or the counts
   *     would not fit
   */
  public static StreamPlan of(Model model, double[] x, ReferenceDistribution v, Semivalue semivalue) {
    if (!(model instanceof Circuit) && !(model instanceof ReluNetwork)) {
      throw refuse("it evaluates circuits and ReLU networks; this model is neither");
    }
    if (x.length != model.dimension() || v.dimension() != model.dimension()) {
      throw InputException.setting("x", "x has " + x.length + " values and the distribution "
          + v.dimension() + " features; the model takes " + model.dimension());
    }
    List<double[]> alts = new ArrayList<>();
    List<BigFraction[]> qs = new ArrayList<>();
    List<Long> mults = new ArrayList<>();
    long total;
    String what;
    if (v instanceof ProductDistribution pd) {
      double[] alt = x.clone();
      BigFraction[] q = new BigFraction[x.length];
      for (int i = 0; i < x.length; i++) {
        q[i] = agreement(pd.feature(i), x[i], i, alt);
      }
      alts.add(alt);
      qs.add(q);
      mults.add(1L);
      total = 1;
      what = v.describe();
    } else if (v instanceof EmpiricalDistribution ed) {
      for (int r = 0; r < ed.distinctRowCount(); r++) {
        double[] row = ed.distinctRow(r);
        BigFraction[] q = new BigFraction[x.length];
        for (int i = 0; i < x.length; i++) {
          q[i] = row[i] == x[i] ? BigFraction.ONE : BigFraction.ZERO;
        }
        alts.add(row);
        qs.add(q);
        mults.add((long) ed.count(r));
      }
      total = ed.rowCount();
      what = v.describe() + ", " + ed.distinctRowCount() + " distinct rows";
    } else {
      throw refuse("it takes a product distribution or a background's rows, not "
          + v.describe());
    }
    if (model instanceof Circuit) {
      for (double[] alt : alts) {
        for (int i = 0; i < x.length; i++) {
          if (alt[i] != x[i] && alt[i] != 1 - x[i]) {
            throw InputException.setting("distribution", "a circuit takes 0/1 inputs; value "
                + alt[i] + " of feature " + (i + 1));
          }
        }
      }
    }
    NetworkGrid grid = null;
    String values = "the circuit's 0/1 values, bit-sliced";
    if (model instanceof ReluNetwork net) {
      if (!net.isClassifier()) {
        double[][] support = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
          TreeSet<Double> s = new TreeSet<>();
          s.add(x[i]);
          for (double[] alt : alts) {
            s.add(alt[i]);
          }
          support[i] = s.stream().mapToDouble(Double::doubleValue).toArray();
        }
        Optional<NetworkGrid> g = NetworkGrid.compile(net, support);
        if (g.isEmpty()) {
          throw refuse("the network's values exceed the fixed-point bounds of exact evaluation");
        }
        grid = g.get();
        if (grid.words() > MAX_WORDS) {
          throw refuse("the network's exact numerators take " + grid.words() + " words; the "
              + "stream sums numerators of at most " + MAX_WORDS);
        }
        values = grid.describe();
      } else {
        values = "the classifier's labels (certified float64 scores)";
      }
    }
    return build(model, x, semivalue, alts, qs, mults, total, grid, what, values);
  }

  private static StreamPlan build(Model model, double[] x, Semivalue query, List<double[]> alts,
      List<BigFraction[]> qs, List<Long> mults, long total, NetworkGrid grid, String what,
      String values) {
    int d = x.length;
    Map<String, Integer> groupIds = new LinkedHashMap<>();
    List<WeightGroup> groups = new ArrayList<>();
    List<StreamPart> parts = new ArrayList<>();
    List<int[]> groupClassOf = new ArrayList<>();
    int blockBits = model instanceof Circuit ? CIRCUIT_BLOCK_BITS : NETWORK_BLOCK_BITS;
    for (int p = 0; p < alts.size(); p++) {
      BigFraction[] q = qs.get(p);
      List<BigFraction> classes = new ArrayList<>();
      List<Integer> players = new ArrayList<>();
      for (int i = 0; i < d; i++) {
        if (!q[i].equals(BigFraction.ONE)) {
          players.add(i);
          if (!classes.contains(q[i])) {
            classes.add(q[i]);
          }
        }
      }
      classes.sort(null);
      int m = players.size();
      if (m > MAX_PLAYERS) {
        throw new TooLargeException("a stream over " + m + " moving features has 2^" + m
            + " inputs; at most " + MAX_PLAYERS + " features move in one game");
      }
      int[] sizes = new int[classes.size()];
      int[] cls = new int[m];
      for (int t = 0; t < m; t++) {
        cls[t] = classes.indexOf(q[players.get(t)]);
        sizes[cls[t]]++;
      }
      String key = Arrays.toString(sizes) + classes;
      Integer gid = groupIds.get(key);
      if (gid == null) {
        checkSize(sizes, d, groups);
        gid = groups.size();
        groupIds.put(key, gid);
        int[] classOf = new int[d];
        Arrays.fill(classOf, -1);
        groupClassOf.add(classOf);
        groups.add(new WeightGroup(d, sizes, classes.toArray(new BigFraction[0]), classOf));
      }
      WeightGroup g = groups.get(gid);
      int[] step = new int[m];
      int[] playerArray = new int[m];
      for (int t = 0; t < m; t++) {
        playerArray[t] = players.get(t);
        step[t] = g.radix[cls[t]];
        groupClassOf.get(gid)[playerArray[t]] = cls[t];
      }
      parts.add(new StreamPart(playerArray, x, alts.get(p), gid, mults.get(p), step,
          Math.min(m, blockBits)));
    }
    List<WeightGroup> finalGroups = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      WeightGroup w = groups.get(g);
      finalGroups.add(new WeightGroup(d, w.sizes, w.q, groupClassOf.get(g)));
    }
    String describe = "stream over the inputs by agreement with x (" + what + "; "
        + parts.size() + " game(s), " + finalGroups.size() + " weight group(s)); " + values;
    return new StreamPlan(model, query, finalGroups, parts, total, grid, describe);
  }

  private static void checkSize(int[] sizes, int d, List<WeightGroup> groups) {
    long states = 1;
    for (int n : sizes) {
      states = Math.multiplyExact(states, n + 1);
      if (states * (2L * d + 1) > MAX_COUNTERS) {
        throw new TooLargeException("the stream's counts by agreement class would take over "
            + MAX_COUNTERS + " counters (" + sizes.length + " classes of equal probability); "
            + "the stream handles product distributions with few distinct probabilities");
      }
    }
    long counters = states * (2L * d + 1);
    for (WeightGroup g : groups) {
      counters += g.counters();
    }
    if (counters > MAX_COUNTERS) {
      throw new TooLargeException("the stream's counts would take " + counters + " counters; at "
          + "most " + MAX_COUNTERS + " are kept");
    }
    if (WeightGroup.weightWork(sizes) > MAX_WEIGHT_WORK) {
      throw new TooLargeException("the stream's weights over " + sizes.length + " classes of "
          + "equal probability would take over " + MAX_WEIGHT_WORK + " terms");
    }
  }

  /** P(X_i = x_i) for a feature that takes x_i and at most one other value; records that value. */
  private static BigFraction agreement(FeatureSupport f, double xi, int i, double[] alt) {
    BigFraction q = BigFraction.ZERO;
    int others = 0;
    for (int a = 0; a < f.size(); a++) {
      if (f.probability(a).signum() == 0) {
        continue;
      }
      if (f.value(a) == xi) {
        q = f.probability(a);
      } else {
        others++;
        alt[i] = f.value(a);
      }
    }
    if (others > 1) {
      throw refuse("feature " + (i + 1) + " takes " + others + " values other than x_" + (i + 1)
          + " = " + xi + "; the stream needs x_i and at most one other value per feature");
    }
    return q;
  }

  private static InputException refuse(String why) {
    return InputException.setting("method", "the stream cannot answer this: " + why);
  }

  /** Number of independent blocks. */
  public long blockCount() {
    return blocks;
  }

  /** Number of model evaluations all blocks take together. */
  public long inputCount() {
    long n = 0;
    for (StreamPart p : parts) {
      n += 1L << p.m();
    }
    return n;
  }

  /** Shapley or Banzhaf. */
  public Semivalue semivalue() {
    return query;
  }

  /** The model's number of features. */
  public int dimension() {
    return d;
  }

  /** One line on how the values are computed. */
  public String describe() {
    return describe;
  }

  WeightGroup group(int g) {
    return groups.get(g);
  }

  /**
   * Channels per weight group: 1 for 0/1 values (circuits, classifiers), and 2w for a score network
   * whose numerators take w words: the numerator's 32-bit pieces (the top one signed) are counted
   * apart, f = Σ_c 2^{32c} f_c, and the counts are joined the same way before the weights (the
   * values are linear in f).
   */
  int channels() {
    return grid == null ? 1 : 2 * grid.words();
  }

  /** Fresh zero counts of this plan. */
  public StreamCounts zero() {
    int ch = channels();
    int[] sizes = new int[groups.size() * ch];
    for (int g = 0; g < groups.size(); g++) {
      for (int c = 0; c < ch; c++) {
        sizes[g * ch + c] = groups.get(g).counters();
      }
    }
    return new StreamCounts(sizes);
  }

  /** Counter i of group g, its channels joined. */
  private BigInteger joined(StreamCounts counts, int g, int i) {
    int ch = channels();
    BigInteger v = BigInteger.ZERO;
    for (int c = ch - 1; c >= 0; c--) {
      v = v.shiftLeft(32).add(counts.get(g * ch + c, i));
    }
    return v;
  }

  /** A counter for one thread. */
  BlockCounter counter() {
    if (model instanceof Circuit c) {
      return new CircuitBlocks(this, c);
    }
    return new PointBlocks(this, (ReluNetwork) model, grid);
  }

  /** The part of global block b and b's number inside it. */
  int partOf(long b) {
    int p = Arrays.binarySearch(firstBlock, b);
    if (p < 0) {
      p = -p - 2;
    }
    while (p + 1 < firstBlock.length && firstBlock[p + 1] <= b) {
      p++;
    }
    return p;
  }

  /** Counts block b with {@code counter} into {@code sink}. */
  void count(BlockCounter counter, long b, StreamCounts sink) {
    int p = partOf(b);
    counter.count(parts.get(p), b - firstBlock[p], sink);
  }

  /** Evaluates block b only (the benchmark's floor); returns a checksum. */
  long evaluateOnly(BlockCounter counter, long b) {
    int p = partOf(b);
    return counter.evaluateOnly(parts.get(p), b - firstBlock[p]);
  }

  /** Number of inputs of block b. */
  long inputsOf(long b) {
    return 1L << parts.get(partOf(b)).blockBits;
  }

  /**
   * The counts of blocks [from, to), in the calling thread. Thread-safe: disjoint ranges may be
   * counted at once, here or on other machines, and added with {@link StreamCounts#plus}.
   */
  public StreamCounts countBlocks(long from, long to) {
    if (from < 0 || to > blocks || from > to) {
      throw new IllegalArgumentException("block range [" + from + ", " + to + ") is outside [0, "
          + blocks + ")");
    }
    StreamCounts sink = zero();
    BlockCounter counter = counter();
    for (long b = from; b < to; b++) {
      count(counter, b, sink);
    }
    return sink;
  }

  /**
   * The exact values from the counts of every block.
   *
   * @param counts the sum of the counts of all {@link #blockCount()} blocks
   * @param seconds the wall time the counting took, for the provenance (0 when unknown)
   * @throws IllegalArgumentException when the counts do not cover every block exactly once
   */
  public StreamValues finish(StreamCounts counts, double seconds) {
    if (counts.blocks() != blocks) {
      throw new IllegalArgumentException("the counts cover " + counts.blocks() + " blocks; the "
          + "stream has " + blocks);
    }
    BigFraction[] phi = new BigFraction[d];
    Arrays.fill(phi, BigFraction.ZERO);
    BigFraction empty = BigFraction.ZERO;
    BigInteger full = BigInteger.ZERO;
    long fullWeight = 0;
    for (int gi = 0; gi < groups.size(); gi++) {
      WeightGroup g = groups.get(gi);
      WeightGroup.Weights w = g.weights(query);
      for (int i = 0; i < d; i++) {
        int c = g.classOf[i];
        if (c < 0) {
          continue;
        }
        BigFraction sum = BigFraction.ZERO;
        for (int s = 0; s < g.states; s++) {
          BigInteger gc = joined(counts, gi, g.gIndex(i, s));
          BigInteger tc = joined(counts, gi, g.tFreeIndex(i, s));
          if (gc.signum() != 0) {
            sum = sum.add(w.plus()[c][s].add(w.minus()[s]).multiply(gc));
          }
          if (tc.signum() != 0) {
            sum = sum.subtract(w.minus()[s].multiply(tc));
          }
        }
        phi[i] = phi[i].add(sum);
      }
      for (int s = 0; s < g.states; s++) {
        BigInteger tc = joined(counts, gi, WeightGroup.tIndex(s));
        if (tc.signum() != 0) {
          empty = empty.add(w.empty()[s].multiply(tc));
        }
      }
      full = full.add(joined(counts, gi, WeightGroup.tIndex(g.fullState())));
      for (StreamPart p : parts) {
        if (p.group == gi) {
          fullWeight += p.multiplicity;
        }
      }
    }
    BigInteger den = BigInteger.valueOf(totalMultiplicity)
        .multiply(grid == null ? BigInteger.ONE : grid.denominator());
    List<Scalar> values = new ArrayList<>(d);
    for (int i = 0; i < d; i++) {
      values.add(Scalar.exact(phi[i].divide(den)));
    }
    Scalar fEmpty = Scalar.exact(empty.divide(den));
    Scalar fx = Scalar.exact(BigFraction.of(full, BigInteger.valueOf(fullWeight)
        .multiply(grid == null ? BigInteger.ONE : grid.denominator())));
    return new StreamValues(query, values, fEmpty, fx, inputCount(), blocks, seconds,
        Provenance.exact(describe + "; " + inputCount() + " evaluations in " + blocks
            + " blocks, exact integer counts by agreement class and rational weights"));
  }
}
