package xcert.solvers.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import xcert.solvers.dist.EmpiricalDistribution;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.exact.GameValues;
import xcert.solvers.exact.RestrictedPredictionTable;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.num.WideArray;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.ExactSetFunction;
import xcert.solvers.setfunction.MemoryBudget;
import xcert.solvers.stream.StreamOptions;
import xcert.solvers.stream.Semivalue;
import xcert.solvers.stream.StreamPlan;
import xcert.solvers.stream.StreamValues;
import xcert.solvers.stream.StreamingValues;

/**
 * Exact against float64 on ReLU networks (seed 003 Section 4.1) in the same run: the f_S table of
 * seed 004 Eq. 1 and the Shapley and Banzhaf values from it (seed 004 Section 5), under the uniform
 * distribution on {0,1}^d and under an empirical background of real-valued rows. Each side is timed
 * three times, alternating, and the median is kept; the ratio exact / float64 is the figure of merit
 * (at most 2 is the target). Memory is compared by the bytes of the finished table: one double per
 * entry against the exact numerator's words. Under the uniform distribution it also times the
 * streaming exact Shapley values ({@code xcert.solvers.stream}, issue 19) against the evaluation
 * floor (all 2^d exact evaluations alone, best of two runs, on the same plan) with the exact table
 * route (f_S table and Shapley values, one run) beside it as a ratio to the same floor, and checks
 * that the stream equals the table; on three variants of the network ({@link #STREAM_VARIANTS}):
 * the float32 score (whose exact numerators take two words, streamed in 32-bit channels), the same
 * network as a classifier (label = [score ≥ 0], certified float64 scores) and the network with its
 * weights and biases rounded to multiples of 2^-8 (one-word exact numerators).
 */
public final class NetworkExactBenchmark {

  /** The numbers of inputs measured by default (d = 24 and up: {@code --network-d}, --full). */
  public static final List<Integer> DEFAULT_DS = List.of(16, 20);

  /**
   * Largest d at which the classifier's table route is timed in the stream rows: it certifies every
   * label of the f_S table's 2^d inputs through exact scores (about 25 s at d = 20 on 2 cores).
   */
  public static final int CLASSIFIER_TABLE_MAX_D = 20;

  /**
   * Largest d with a background case: each background row costs 2^d network evaluations in either
   * arithmetic, so 30 rows at d = 24 take minutes per run.
   */
  public static final int BACKGROUND_MAX_D = 20;

  /** Largest d at which the f_S tables (exact and float64) are timed; the stream goes on to 40. */
  public static final int TABLE_MAX_D = 26;

  /** Largest d the benchmark accepts (the stream only past {@link #TABLE_MAX_D}). */
  public static final int MAX_D = 40;

  /** The network d's of a full run ({@code --full}). */
  public static final List<Integer> FULL_DS = List.of(20, 24, 28);

  /** The networks of the stream rows, in order. */
  public static final List<String> STREAM_VARIANTS = List.of("float32 score",
      "float32 classifier (score >= 0)", "8-bit fixed-point score");

  /** Hidden widths of the benchmark networks. */
  public static final int[] HIDDEN = {16, 8};

  private NetworkExactBenchmark() {}

  /**
   * What to measure.
   *
   * @param ds numbers of inputs, each in 4..40 (the tables only up to {@link #TABLE_MAX_D})
   * @param rows background rows for the empirical case (10..100)
   * @param seed seed of the networks, inputs and rows
   * @param timeLimit the longest stream (or floor) run accepted, from its first blocks; null for none
   */
  public record Settings(List<Integer> ds, int rows, long seed, Duration timeLimit) {
    public Settings {
      ds = List.copyOf(ds);
    }

    /** d = 16, 20; 30 rows; seed 1; the stream's default time limit. */
    public static Settings defaults() {
      return new Settings(DEFAULT_DS, 30, 1, StreamOptions.DEFAULT_TIME_LIMIT);
    }

    public Settings withDs(List<Integer> d) {
      return new Settings(d, rows, seed, timeLimit);
    }

    public Settings withRows(int r) {
      return new Settings(ds, r, seed, timeLimit);
    }

    public Settings withSeed(long s) {
      return new Settings(ds, rows, s, timeLimit);
    }

    /** A time limit per stream run, or null for none. */
    public Settings withTimeLimit(Duration limit) {
      return new Settings(ds, rows, seed, limit);
    }
  }

  /**
   * The stream against the evaluation floor at one d, uniform distribution.
   *
   * @param d inputs
   * @param network which variant of the network ({@link #STREAM_VARIANTS})
   * @param skipped why the stream was not run (it cannot stream this network, or its estimate
   *     exceeds the time limit), or null
   * @param floorSeconds all 2^d exact evaluations alone, best of two runs
   * @param streamSeconds the streaming exact Shapley values
   * @param tableSeconds the exact table route (f_S table and Shapley values, one run) or NaN when not
   *     timed
   * @param tableSkipped why the table route was not timed, or null
   * @param equalsTable whether the stream's Shapley values equal the table's (null when no table)
   * @param peakHeapBytes peak heap of the floor and stream runs (sum of the heap pools' peaks)
   * @param maxHeapBytes the JVM's maximum heap
   */
  public record StreamRow(int d, String network, String skipped, double floorSeconds,
      double streamSeconds,
      double tableSeconds, String tableSkipped, Boolean equalsTable, long peakHeapBytes,
      long maxHeapBytes) {

    public double streamRatio() {
      return streamSeconds / floorSeconds;
    }

    public double tableRatio() {
      return tableSeconds / floorSeconds;
    }

    public Map<String, Object> data() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("d", d);
      m.put("network", network);
      m.put("distribution", "uniform");
      if (skipped != null) {
        m.put("skipped", skipped);
        return m;
      }
      m.put("floor_s", floorSeconds);
      m.put("stream_s", streamSeconds);
      m.put("stream_ratio", streamRatio());
      if (tableSkipped != null) {
        m.put("table_skipped", tableSkipped);
      } else {
        m.put("table_s", tableSeconds);
        m.put("table_ratio", tableRatio());
        m.put("stream_equals_table", equalsTable);
      }
      m.put("peak_heap_bytes", peakHeapBytes);
      m.put("max_heap_bytes", maxHeapBytes);
      return m;
    }
  }

  /**
   * One measured case.
   *
   * @param d inputs
   * @param distribution "uniform" or "background (n rows)"
   * @param floatSeconds median float64 seconds (table + Shapley + Banzhaf)
   * @param exactSeconds median exact seconds (the same)
   * @param words 64-bit words per exact numerator (1 = as small as a double)
   * @param maxShapleyDifference max over features of |φ_exact − φ_float64|
   * @param method how the exact table was computed
   */
  public record Row(int d, String distribution, double floatSeconds, double exactSeconds,
      int words, double maxShapleyDifference, String method) {

    public double timeRatio() {
      return exactSeconds / floatSeconds;
    }

    /** Table bytes, exact over float64. */
    public double memoryRatio() {
      return words;
    }

    public Map<String, Object> data() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("d", d);
      m.put("distribution", distribution);
      m.put("float64_s", floatSeconds);
      m.put("exact_s", exactSeconds);
      m.put("time_ratio", timeRatio());
      m.put("words_per_entry", words);
      m.put("table_memory_ratio", memoryRatio());
      m.put("max_shapley_difference", maxShapleyDifference);
      m.put("method", method);
      return m;
    }
  }

  /**
   * The result.
   *
   * @param cores available processors
   * @param maxHeap the JVM's maximum heap
   * @param family the networks measured
   * @param rows one per d and distribution, for d up to {@link #TABLE_MAX_D}
   * @param streamRows the stream against the floor, one per d
   */
  public record Result(int cores, String maxHeap, String family, List<Row> rows,
      List<StreamRow> streamRows) {
    public Result {
      rows = List.copyOf(rows);
      streamRows = List.copyOf(streamRows);
    }
  }

  /**
   * Warms up at d = 12, then measures each d under the uniform distribution and, up to
   * {@link #BACKGROUND_MAX_D}, under the background rows.
   */
  public static Result run(Settings s, Consumer<String> progress) {
    for (int d : s.ds()) {
      if (d < 4 || d > MAX_D) {
        throw InputException.setting("d", d + " is out of range for networks; expected 4.."
            + MAX_D + " (the tables only up to " + TABLE_MAX_D + ")");
      }
    }
    if (s.rows() < 10 || s.rows() > 100) {
      throw InputException.setting("rows", s.rows() + " is out of range; expected 10..100");
    }
    progress.accept("networks: warming up (d = 12)");
    measure(12, "uniform", s);
    measure(12, "background", s);
    for (String variant : STREAM_VARIANTS) {
      stream(12, variant, s, progress, false);
    }
    List<Row> rows = new ArrayList<>();
    List<StreamRow> streamRows = new ArrayList<>();
    for (int d : s.ds()) {
      if (d <= TABLE_MAX_D) {
        progress.accept("networks: d = " + d + ", uniform");
        rows.add(measure(d, "uniform", s));
        if (d <= BACKGROUND_MAX_D) {
          progress.accept("networks: d = " + d + ", " + s.rows() + " background rows");
          rows.add(measure(d, "background", s));
        }
      }
      for (String variant : STREAM_VARIANTS) {
        progress.accept("networks: d = " + d + ", " + variant + ", uniform, stream against the"
            + " evaluation floor");
        streamRows.add(stream(d, variant, s, progress, true));
      }
    }
    return new Result(Runtime.getRuntime().availableProcessors(),
        MemoryBudget.human(Runtime.getRuntime().maxMemory()),
        "random ReLU networks d-" + HIDDEN[0] + "-" + HIDDEN[1] + "-1, float32 He-normal weights,"
            + " seed " + s.seed(), rows, streamRows);
  }

  /** The network of a stream row. */
  static ReluNetwork variant(int d, String variant, long seed) {
    ReluNetwork net = network(d, seed);
    return switch (STREAM_VARIANTS.indexOf(variant)) {
      case 0 -> net;
      case 1 -> net.withThreshold(OptionalDouble.of(0), false);
      default -> fixedPoint(d, seed);
    };
  }

  /** {@link #network} with every weight and bias rounded to a multiple of 2^-8. */
  static ReluNetwork fixedPoint(int d, long seed) {
    ReluNetwork net = network(d, seed);
    int[] widths = {HIDDEN[0], HIDDEN[1], 1};
    double[][][] w = new double[widths.length][][];
    double[][] b = new double[widths.length][];
    for (int l = 0; l < widths.length; l++) {
      w[l] = new double[widths[l]][];
      b[l] = new double[widths[l]];
      for (int j = 0; j < widths[l]; j++) {
        w[l][j] = new double[l == 0 ? d : widths[l - 1]];
        for (int i = 0; i < w[l][j].length; i++) {
          w[l][j][i] = Math.rint(net.weight(l, j, i) * 256) / 256;
        }
        b[l][j] = Math.rint(net.bias(l, j) * 256) / 256;
      }
    }
    return new ReluNetwork(w, b, OptionalDouble.empty());
  }

  /** The stream and its floor at d under the uniform distribution, beside the table route. */
  private static StreamRow stream(int d, String variant, Settings s, Consumer<String> progress,
      boolean keep) {
    ReluNetwork net = variant(d, variant, s.seed());
    double[] x = uniformX(d, s);
    ProductDistribution v = ProductDistribution.uniform(d);
    HeapPeak.reset();
    StreamOptions opts = StreamOptions.defaults().withTimeLimit(s.timeLimit())
        .withProgress(keep ? line -> progress.accept("networks: " + line) : null);
    double floor;
    StreamValues sv;
    try {
      StreamPlan plan = StreamPlan.of(net, x, v, Semivalue.SHAPLEY);
      // floor, stream, floor: the best floor of two runs that bracket the stream
      floor = StreamingValues.evaluationFloor(plan, opts);
      sv = StreamingValues.run(plan, opts);
      floor = Math.min(floor, StreamingValues.evaluationFloor(plan, opts));
    } catch (TooLargeException | InputException e) {
      return new StreamRow(d, variant, e.getMessage(), Double.NaN, Double.NaN, Double.NaN, null,
          null, 0, HeapPeak.max());
    }
    long peak = HeapPeak.peakUsed();
    if (d > TABLE_MAX_D) {
      return new StreamRow(d, variant, null, floor, sv.seconds(), Double.NaN, "the f_S tables are"
          + " timed up to d = " + TABLE_MAX_D, null, peak, HeapPeak.max());
    }
    if (net.isClassifier() && d > CLASSIFIER_TABLE_MAX_D) {
      return new StreamRow(d, variant, null, floor, sv.seconds(), Double.NaN, "the classifier's"
          + " table route (a label per input through exact scores) is timed up to d = "
          + CLASSIFIER_TABLE_MAX_D, null, peak, HeapPeak.max());
    }
    try {
      long t0 = System.nanoTime();
      RestrictedPredictionTable t = RestrictedPredictions.table(net, x, v, Arithmetic.EXACT);
      Scalar[] phi = GameValues.shapley(t.values());
      double tableSeconds = (System.nanoTime() - t0) / 1e9;
      boolean same = true;
      for (int i = 0; i < d; i++) {
        same &= phi[i].exact().equals(sv.values().get(i).exact());
      }
      return new StreamRow(d, variant, null, floor, sv.seconds(), tableSeconds, null, same, peak,
          HeapPeak.max());
    } catch (TooLargeException e) {
      return new StreamRow(d, variant, null, floor, sv.seconds(), Double.NaN, e.getMessage(), null,
          peak, HeapPeak.max());
    }
  }

  /** The input x of the uniform case (the first draws of the case's generator). */
  private static double[] uniformX(int d, Settings s) {
    SplittableRandom rnd = new SplittableRandom(s.seed() * 31 + d);
    double[] x = new double[d];
    for (int i = 0; i < d; i++) {
      x[i] = rnd.nextInt(2);
    }
    return x;
  }

  /** A random d-16-8-1 network with float32 weights N(0, 2/fan-in) and biases N(0, 0.01). */
  public static ReluNetwork network(int d, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed * 7_919L + d);
    int[] widths = {HIDDEN[0], HIDDEN[1], 1};
    double[][][] w = new double[widths.length][][];
    double[][] b = new double[widths.length][];
    int in = d;
    for (int l = 0; l < widths.length; l++) {
      w[l] = new double[widths[l]][in];
      b[l] = new double[widths[l]];
      for (int j = 0; j < widths[l]; j++) {
        for (int i = 0; i < in; i++) {
          w[l][j][i] = (float) (gaussian(rnd) * Math.sqrt(2.0 / in));
        }
        b[l][j] = (float) (gaussian(rnd) * 0.1);
      }
      in = widths[l];
    }
    return new ReluNetwork(w, b, OptionalDouble.empty());
  }

  private static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  private static Row measure(int d, String kind, Settings s) {
    // x of the uniform case: the first d draws of this generator (uniformX)
    ReluNetwork net = network(d, s.seed());
    SplittableRandom rnd = new SplittableRandom(s.seed() * 31 + d);
    double[] x = new double[d];
    ReferenceDistribution v;
    String label;
    if (kind.equals("uniform")) {
      for (int i = 0; i < d; i++) {
        x[i] = rnd.nextInt(2);
      }
      v = ProductDistribution.uniform(d);
      label = "uniform";
    } else {
      double[][] rows = new double[s.rows()][d];
      for (double[] r : rows) {
        for (int i = 0; i < d; i++) {
          r[i] = (float) (gaussian(rnd) * 2 + 1); // real-valued data as float32 files hold it
        }
      }
      for (int i = 0; i < d; i++) {
        x[i] = (float) (gaussian(rnd) * 2 + 1);
      }
      v = new EmpiricalDistribution(rows, "generated rows");
      label = "background (" + s.rows() + " rows)";
    }
    double[] ft = new double[3];
    double[] et = new double[3];
    Scalar[] phiF = null;
    Scalar[] phiE = null;
    RestrictedPredictionTable exact = null;
    for (int rep = 0; rep < 3; rep++) {
      long t0 = System.nanoTime();
      RestrictedPredictionTable tf = RestrictedPredictions.table(net, x, v, Arithmetic.FLOAT64);
      phiF = GameValues.shapley(tf.values());
      GameValues.banzhaf(tf.values());
      tf = null;
      long t1 = System.nanoTime();
      exact = RestrictedPredictions.table(net, x, v, Arithmetic.EXACT);
      phiE = GameValues.shapley(exact.values());
      GameValues.banzhaf(exact.values());
      long t2 = System.nanoTime();
      ft[rep] = (t1 - t0) / 1e9;
      et[rep] = (t2 - t1) / 1e9;
      if (rep < 2) {
        exact = null;
      }
    }
    double diff = 0;
    for (int j = 0; j < d; j++) {
      diff = Math.max(diff, Math.abs(phiE[j].exact().doubleValue() - phiF[j].value()));
    }
    ExactSetFunction e = (ExactSetFunction) exact.values();
    WideArray wide = e.wideNumeratorsView();
    int words = wide != null ? wide.words() : e.hasLongNumerators() ? 1 : -1;
    return new Row(d, label, median(ft), median(et), words, diff,
        exact.provenance().method());
  }

  private static double median(double[] t) {
    double[] c = t.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }
}
