package xcert.solvers.bench;

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
import xcert.solvers.model.TruthTable;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.MemoryBudget;

/**
 * The exact core on random 3-CNFs: bit-sliced evaluation of all 2^d inputs against one input at a
 * time, and the f_S table of seed 004 Eq. 1 with exact Shapley values (seed 004, Section 5).
 */
public final class ExactBenchmark {

  /** The numbers of variables measured by default. */
  public static final List<Integer> DEFAULT_DS = List.of(16, 20, 24, 28);

  private ExactBenchmark() {}

  /**
   * What to measure.
   *
   * @param ds numbers of variables, each in 6..30
   * @param seed seed of the random 3-CNFs
   */
  public record Settings(List<Integer> ds, long seed) {
    public Settings {
      ds = List.copyOf(ds);
    }

    /** d = 16, 20, 24, 28; seed 1. */
    public static Settings defaults() {
      return new Settings(DEFAULT_DS, 1);
    }

    public Settings withDs(List<Integer> d) {
      return new Settings(d, seed);
    }

    public Settings withSeed(long s) {
      return new Settings(ds, s);
    }
  }

  /**
   * One measured d, or a skipped one.
   *
   * @param d number of variables
   * @param skipped why d was skipped (the table did not fit), or null
   * @param fields the measurements in order: clauses, satisfying_fraction, evals_per_s,
   *     scalar_evals_per_s, bitsliced_vs_scalar, table_s, shapley_s, total_s, phi_1,
   *     baseline_checksum (empty when skipped)
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

    /** A measured number (evals_per_s, table_s, ...). */
    public double number(String key) {
      return ((Number) fields.get(key)).doubleValue();
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
      if (d < 6 || d > 30) {
        throw InputException.setting("d", d + " is out of range; expected 6..30");
      }
    }
    int cores = Runtime.getRuntime().availableProcessors();
    progress.accept("warming up (d = 16)");
    measure(16, s.seed(), false);
    List<Row> rows = new ArrayList<>();
    for (int d : s.ds()) {
      progress.accept("d = " + d);
      try {
        rows.add(new Row(d, null, measure(d, s.seed(), true)));
      } catch (TooLargeException e) {
        rows.add(new Row(d, e.getMessage(), Map.of()));
      }
    }
    return new Result(cores, MemoryBudget.human(Runtime.getRuntime().maxMemory()),
        "random 3-CNF, round(4.26 d) clauses, seed " + s.seed() + ", uniform V", rows);
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

  private static Map<String, Object> measure(int d, long seed, boolean keep) {
    Circuit c = random3Cnf(d, seed);
    double[] x = new double[d];
    ProductDistribution v = ProductDistribution.uniform(d);
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
    long t1 = System.nanoTime();
    long[] bits = TruthTable.of(c, 0);
    double evalSeconds = (System.nanoTime() - t1) / 1e9;
    bits = null; // let the table go before the f_S table is built
    long t2 = System.nanoTime();
    RestrictedPredictionTable t = RestrictedPredictions.table(c, x, v);
    long t3 = System.nanoTime();
    Scalar[] phi = GameValues.shapley(t.values());
    long t4 = System.nanoTime();
    Map<String, Object> r = new LinkedHashMap<>();
    if (!keep) {
      return r;
    }
    double evalsPerS = Math.pow(2, d) / evalSeconds;
    r.put("clauses", (int) Math.round(4.26 * d));
    r.put("satisfying_fraction", t.fEmpty().toString());
    r.put("evals_per_s", evalsPerS);
    r.put("scalar_evals_per_s", scalarRate);
    r.put("bitsliced_vs_scalar", evalsPerS / scalarRate);
    r.put("table_s", (t3 - t2) / 1e9);
    r.put("shapley_s", (t4 - t3) / 1e9);
    r.put("total_s", (t4 - t2) / 1e9);
    r.put("phi_1", phi[0].toString());
    r.put("baseline_checksum", ones);
    return r;
  }
}
