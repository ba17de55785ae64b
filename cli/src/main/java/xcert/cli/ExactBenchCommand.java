package xcert.cli;

import xcert.explainers.explain.Backends;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.exact.GameValues;
import xcert.solvers.exact.RestrictedPredictionTable;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.errors.InputException;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.TruthTable;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.MemoryBudget;

/** The exact core on random 3-CNFs: bit-sliced evaluation and the f_S table with Shapley values. */
@Command(name = "exact", mixinStandardHelpOptions = true,
    description = "The exact core on random 3-CNFs: bit-sliced evaluation and the f_S table with Shapley values.")
final class ExactBenchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--d", split = ",", paramLabel = "D",
      description = "numbers of variables (default 16,20,24,28)")
  List<Integer> ds = List.of(16, 20, 24, 28);

  @Option(names = "--seed", defaultValue = "1", description = "seed of the random 3-CNFs (default 1)")
  long seed;

  @Option(names = "--json", description = "print JSON instead of a table")
  boolean json;

  @Override
  public Integer call() {
    for (int d : ds) {
      if (d < 6 || d > 30) {
        throw InputException.of("--d", d + " is out of range; expected 6..30");
      }
    }
    int cores = Runtime.getRuntime().availableProcessors();
    spec.commandLine().getErr().println("bench exact: warming up (d = 16)");
    runOne(16, seed, false);
    List<List<Object>> rows = new ArrayList<>();
    List<Object> jsonRows = new ArrayList<>();
    for (int d : ds) {
      spec.commandLine().getErr().println("bench exact: d = " + d);
      Map<String, Object> r;
      try {
        r = runOne(d, seed, true);
      } catch (TooLargeException e) {
        r = new LinkedHashMap<>();
        r.put("d", d);
        r.put("skipped", e.getMessage());
        rows.add(List.of(d, "skipped: " + e.getMessage(), "", "", "", "", ""));
        jsonRows.add(r);
        continue;
      }
      jsonRows.add(r);
      rows.add(List.of(d, r.get("clauses"), fmt((double) r.get("evals_per_s")),
          fmt((double) r.get("bitsliced_vs_scalar")) + "x", secs((double) r.get("table_s")),
          secs((double) r.get("shapley_s")), secs((double) r.get("total_s"))
              + target(d, (double) r.get("total_s"))));
    }
    Output o = new Output().put("benchmark", "exact").put("cores", cores)
        .put("max_heap", MemoryBudget.human(Runtime.getRuntime().maxMemory()))
        .put("family", "random 3-CNF, round(4.26 d) clauses, seed " + seed + ", uniform V");
    if (json) {
      o.put("rows", jsonRows);
      spec.commandLine().getOut().println(o.toJson());
    } else {
      o.put("results", new Output.Rows(List.of("d", "clauses", "evals/s (bit-sliced)",
          "vs scalar", "f_S table", "Shapley", "table+Shapley"), rows));
      spec.commandLine().getOut().print(o.toTable());
      spec.commandLine().getOut().println("\ntargets on 2 cores: d = 24 under 2 s, d = 28 under 40 s"
          + " (table + exact Shapley values)");
    }
    return 0;
  }

  private static String target(int d, double total) {
    if (d == 24) {
      return total < 2 ? " (target < 2 s: met)" : " (target < 2 s: missed)";
    }
    if (d == 28) {
      return total < 40 ? " (target < 40 s: met)" : " (target < 40 s: missed)";
    }
    return "";
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }

  private static String secs(double v) {
    return String.format(Locale.ROOT, "%.3f s", v);
  }

  /** A random 3-CNF on d variables with round(4.26 d) clauses of distinct variables. */
  static Circuit random3Cnf(int d, long seed) {
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

  private static Map<String, Object> runOne(int d, long seed, boolean measure) {
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
    if (!measure) {
      return r;
    }
    double evalsPerS = Math.pow(2, d) / evalSeconds;
    r.put("d", d);
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
