package xcert.solvers.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.exact.GameValues;
import xcert.solvers.exact.RestrictedPredictionTable;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.model.Circuit;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.MemoryBudget;
import xcert.solvers.stream.StreamOptions;
import xcert.solvers.stream.Semivalue;
import xcert.solvers.stream.StreamPlan;
import xcert.solvers.stream.StreamValues;
import xcert.solvers.stream.StreamingValues;

/**
 * Exact Shapley values of random 3-CNFs against the evaluation floor (seed 004, Section 5; issue 19):
 * for each d, all 2^d evaluations alone ({@link StreamingValues#evaluationFloor}, best of two runs),
 * the streaming exact values ({@link StreamingValues#run} on the same {@link StreamPlan}, the identity
 * of the {@code xcert.solvers.stream} package documentation) and, where it fits, the f_S table of seed
 * 004 Eq. 1 with Shapley values from it; each as a ratio to the floor, measured in the same run, with
 * the peak heap of the row. Where both run, the stream's values are checked to equal the table's.
 */
public final class ExactBenchmark {

  /** The numbers of variables measured by default. */
  public static final List<Integer> DEFAULT_DS = List.of(16, 20, 24, 28);

  /** The numbers of variables of a full run ({@code --full}): the defaults and d = 32. */
  public static final List<Integer> FULL_DS = List.of(16, 20, 24, 28, 32);

  /** Largest d the benchmark accepts (the stream only). */
  public static final int MAX_D = 40;

  /** Largest d at which the f_S table route is timed (2^d entries of at least 8 bytes). */
  public static final int TABLE_MAX_D = 28;

  private ExactBenchmark() {}

  /**
   * What to measure.
   *
   * @param ds numbers of variables, each in 6..40
   * @param seed seed of the random 3-CNFs
   * @param timeLimit the longest stream (or floor) run accepted, judged from its first blocks; a d
   *     whose run would take longer is skipped with the estimate; null for no limit
   */
  public record Settings(List<Integer> ds, long seed, Duration timeLimit) {
    public Settings {
      ds = List.copyOf(ds);
    }

    /** d = 16, 20, 24, 28; seed 1; the stream's default time limit. */
    public static Settings defaults() {
      return new Settings(DEFAULT_DS, 1, StreamOptions.DEFAULT_TIME_LIMIT);
    }

    public Settings withDs(List<Integer> d) {
      return new Settings(d, seed, timeLimit);
    }

    public Settings withSeed(long s) {
      return new Settings(ds, s, timeLimit);
    }

    /** A time limit per stream run, or null for none. */
    public Settings withTimeLimit(Duration limit) {
      return new Settings(ds, seed, limit);
    }
  }

  /**
   * One measured d, or a skipped one.
   *
   * @param d number of variables
   * @param skipped why d was skipped (the stream would exceed the time limit), or null
   * @param fields the measurements in order: clauses, satisfying_fraction, floor_s, evals_per_s,
   *     scalar_evals_per_s, bitsliced_vs_scalar, stream_s, stream_ratio, then either table_s,
   *     table_ratio and stream_equals_table or table_skipped, then phi_1, stream_peak_heap_bytes,
   *     peak_heap_bytes, max_heap_bytes (empty when skipped)
   */
  public record Row(int d, String skipped, Map<String, Object> fields) {
    public Row {
      fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The row as ordered JSON-ready fields, d first. */
    public Map<String, Object> data() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("d", d);
      if (skipped != null) {
        m.put("skipped", skipped);
      }
      m.putAll(fields);
      return m;
    }

    /** A measured number (floor_s, stream_s, table_s, ...). */
    public double number(String key) {
      return ((Number) fields.get(key)).doubleValue();
    }

    /** Whether the table route was timed in this row. */
    public boolean hasTable() {
      return fields.containsKey("table_s");
    }
  }

  /**
   * The result.
   *
   * @param cores available processors
   * @param maxHeap the JVM's maximum heap, human-readable
   * @param family the instances measured
   * @param rows one per d, in the order asked
   */
  public record Result(int cores, String maxHeap, String family, List<Row> rows) {
    public Result {
      rows = List.copyOf(rows);
    }
  }

  /** Warms up at d = 16, then measures each d; one progress line per step. */
  public static Result run(Settings s, Consumer<String> progress) {
    for (int d : s.ds()) {
      if (d < 6 || d > MAX_D) {
        throw InputException.setting("d", d + " is out of range; expected 6.." + MAX_D
            + " (the f_S table only up to " + TABLE_MAX_D + ")");
      }
    }
    int cores = Runtime.getRuntime().availableProcessors();
    progress.accept("warming up (d = 16)");
    measure(16, s, progress, false);
    List<Row> rows = new ArrayList<>();
    for (int d : s.ds()) {
      progress.accept("d = " + d);
      try {
        rows.add(new Row(d, null, measure(d, s, progress, true)));
      } catch (TooLargeException e) {
        rows.add(new Row(d, e.getMessage(), Map.of()));
      }
    }
    return new Result(cores, MemoryBudget.human(Runtime.getRuntime().maxMemory()),
        "random 3-CNF, round(4.26 d) clauses, seed " + s.seed() + ", uniform V, x = 0", rows);
  }

  /** A random 3-CNF on d variables with round(4.26 d) clauses of distinct variables. */
  public static Circuit random3Cnf(int d, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + d);
    int m = (int) Math.round(4.26 * d);
    Circuit.Builder b = Circuit.builder(d);
    int[] neg = new int[d];
    for (int i = 0; i < d; i++) {
      neg[i] = b.not(b.input(i + 1));
    }
    int[] clauses = new int[m];
    for (int c = 0; c < m; c++) {
      int[] vars = new int[3];
      for (int k = 0; k < 3; k++) {
        boolean fresh;
        do {
          vars[k] = rnd.nextInt(d);
          fresh = true;
          for (int j = 0; j < k; j++) {
            fresh &= vars[j] != vars[k];
          }
        } while (!fresh);
      }
      int[] lits = new int[3];
      for (int k = 0; k < 3; k++) {
        lits[k] = rnd.nextBoolean() ? b.input(vars[k] + 1) : neg[vars[k]];
      }
      clauses[c] = b.or(lits);
    }
    return b.output(b.and(clauses)).build();
  }

  private static Map<String, Object> measure(int d, Settings s, Consumer<String> progress,
      boolean keep) {
    Circuit c = random3Cnf(d, s.seed());
    double[] x = new double[d];
    ProductDistribution v = ProductDistribution.uniform(d);
    HeapPeak.reset();
    // baseline: one input at a time, on 2^16 inputs
    int sample = 1 << 16;
    boolean[] in = new boolean[d];
    long t0 = System.nanoTime();
    int ones = 0;
    for (int y = 0; y < sample; y++) {
      for (int i = 0; i < d; i++) {
        in[i] = ((y >>> (i % 31)) & 1) != 0;
      }
      ones += c.evaluate(0, in) ? 1 : 0;
    }
    double scalarRate = sample / ((System.nanoTime() - t0) / 1e9);
    StreamPlan plan = StreamPlan.of(c, x, v, Semivalue.SHAPLEY);
    StreamOptions opts = StreamOptions.defaults().withTimeLimit(s.timeLimit())
        .withProgress(keep ? progress : null);
    // floor, stream, floor: the best floor of two runs that bracket the stream
    double floor = StreamingValues.evaluationFloor(plan, opts);
    StreamValues stream = StreamingValues.run(plan, opts);
    floor = Math.min(floor, StreamingValues.evaluationFloor(plan, opts));
    long streamPeak = HeapPeak.peakUsed();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("clauses", (int) Math.round(4.26 * d));
    r.put("satisfying_fraction", stream.fEmpty().toString());
    double evalsPerS = Math.pow(2, d) / floor;
    r.put("floor_s", floor);
    r.put("evals_per_s", evalsPerS);
    r.put("scalar_evals_per_s", scalarRate);
    r.put("bitsliced_vs_scalar", evalsPerS / scalarRate);
    r.put("stream_s", stream.seconds());
    r.put("stream_ratio", stream.seconds() / floor);
    if (d > TABLE_MAX_D) {
      r.put("table_skipped", "the f_S table takes 2^" + d + " entries; it is timed up to d = "
          + TABLE_MAX_D);
    } else {
      try {
        long t2 = System.nanoTime();
        RestrictedPredictionTable t = RestrictedPredictions.table(c, x, v);
        Scalar[] phi = GameValues.shapley(t.values());
        long t4 = System.nanoTime();
        boolean same = t.fEmpty().exact().equals(stream.fEmpty().exact());
        for (int i = 0; i < d; i++) {
          same &= phi[i].exact().equals(stream.values().get(i).exact());
        }
        r.put("table_s", (t4 - t2) / 1e9);
        r.put("table_ratio", (t4 - t2) / 1e9 / floor);
        r.put("stream_equals_table", same);
      } catch (TooLargeException e) {
        r.put("table_skipped", e.getMessage());
      }
    }
    r.put("phi_1", stream.values().get(0).toString());
    r.put("baseline_checksum", ones);
    r.put("stream_peak_heap_bytes", streamPeak);
    r.put("peak_heap_bytes", HeapPeak.peakUsed());
    r.put("max_heap_bytes", HeapPeak.max());
    return r;
  }
}
