package xcert.solvers.bench;

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
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.num.WideArray;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.ExactSetFunction;
import xcert.solvers.setfunction.MemoryBudget;

/**
 * Exact against float64 on ReLU networks (seed 003 Section 4.1) in the same run: the f_S table of
 * seed 004 Eq. 1 and the Shapley and Banzhaf values from it (seed 004 Section 5), under the uniform
 * distribution on {0,1}^d and under an empirical background of real-valued rows. Each side is timed
 * three times, alternating, and the median is kept; the ratio exact / float64 is the figure of merit
 * (at most 2 is the target). Memory is compared by the bytes of the finished table: one double per
 * entry against the exact numerator's words.
 */
public final class NetworkExactBenchmark {

  /** The numbers of inputs measured by default. */
  public static final List<Integer> DEFAULT_DS = List.of(16, 20, 24);

  /**
   * Largest d with a background case: each background row costs 2^d network evaluations in either
   * arithmetic, so 30 rows at d = 24 take minutes per run.
   */
  public static final int BACKGROUND_MAX_D = 20;

  /** Hidden widths of the benchmark networks. */
  public static final int[] HIDDEN = {16, 8};

  private NetworkExactBenchmark() {}

  /**
   * What to measure.
   *
   * @param ds numbers of inputs, each in 4..26
   * @param rows background rows for the empirical case (10..100)
   * @param seed seed of the networks, inputs and rows
   */
  public record Settings(List<Integer> ds, int rows, long seed) {
    public Settings {
      ds = List.copyOf(ds);
    }

    /** d = 16, 20, 24; 30 rows; seed 1. */
    public static Settings defaults() {
      return new Settings(DEFAULT_DS, 30, 1);
    }

    public Settings withDs(List<Integer> d) {
      return new Settings(d, rows, seed);
    }

    public Settings withRows(int r) {
      return new Settings(ds, r, seed);
    }

    public Settings withSeed(long s) {
      return new Settings(ds, rows, s);
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
   * @param rows one per d and distribution
   */
  public record Result(int cores, String maxHeap, String family, List<Row> rows) {
    public Result {
      rows = List.copyOf(rows);
    }
  }

  /**
   * Warms up at d = 12, then measures each d under the uniform distribution and, up to
   * {@link #BACKGROUND_MAX_D}, under the background rows.
   */
  public static Result run(Settings s, Consumer<String> progress) {
    for (int d : s.ds()) {
      if (d < 4 || d > 26) {
        throw InputException.setting("d", d + " is out of range for networks; expected 4..26");
      }
    }
    if (s.rows() < 10 || s.rows() > 100) {
      throw InputException.setting("rows", s.rows() + " is out of range; expected 10..100");
    }
    progress.accept("networks: warming up (d = 12)");
    measure(12, "uniform", s);
    measure(12, "background", s);
    List<Row> rows = new ArrayList<>();
    for (int d : s.ds()) {
      progress.accept("networks: d = " + d + ", uniform");
      rows.add(measure(d, "uniform", s));
      if (d <= BACKGROUND_MAX_D) {
        progress.accept("networks: d = " + d + ", " + s.rows() + " background rows");
        rows.add(measure(d, "background", s));
      }
    }
    return new Result(Runtime.getRuntime().availableProcessors(),
        MemoryBudget.human(Runtime.getRuntime().maxMemory()),
        "random ReLU networks d-" + HIDDEN[0] + "-" + HIDDEN[1] + "-1, float32 He-normal weights,"
            + " seed " + s.seed(), rows);
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
