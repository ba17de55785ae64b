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
import picocli.CommandLine.Parameters;
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

/**
 * {@code xcert bench exact}: throughput of the exact core on random 3-CNFs at 4.26 clauses per
 * variable (the SAT phase transition): evaluations per second of the bit-sliced evaluator, against
 * one-input-at-a-time evaluation measured in the same run, and the time for the full f_S table plus
 * exact Shapley values under the uniform distribution.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Benchmarks, reported as ratios against a baseline measured in the same run.",
        "",
        "Examples:",
        "  xcert bench exact --d 16,20,24",
        "  xcert bench certificates",
        "  xcert bench reductions",
        "  xcert bench explainers --backend cpu",
        "  xcert bench explainers --backend gpu --widths 256,4096 --batches-log2 14,20"})
final class BenchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "WHAT",
      description = "what to benchmark: exact, certificates, reductions or explainers")
  String what;

  @Option(names = "--baseline-d", split = ",", paramLabel = "D",
      description = "certificates: d at which GLOP solves the full LP as the baseline "
          + "(default 10,12,14)")
  List<Integer> baselineDs = List.of(10, 12, 14);

  @Option(names = "--d", split = ",", paramLabel = "D",
      description = "numbers of variables (default 16,20,24,28)")
  List<Integer> ds = List.of(16, 20, 24, 28);

  @Option(names = "--seed", defaultValue = "1", description = "seed of the random 3-CNFs (default 1)")
  long seed;

  @Option(names = "--delta", paramLabel = "D", defaultValue = "1/2",
      description = "reductions: δ of Lemma 3.6 (default 1/2)")
  String deltaText;

  @Option(names = "--baseline-n", paramLabel = "N", defaultValue = "3",
      description = "reductions: instances per family timed with the BDD baseline (default 3)")
  int baselineN;

  @Option(names = "--backend", paramLabel = "B", defaultValue = "cpu",
      description = "explainers: auto, cpu or gpu (default cpu)")
  String backendName;

  @Option(names = "--max-log2-samples", paramLabel = "K", defaultValue = "18",
      description = "explainers: largest n = 2^K tried when counting the samples a method needs "
          + "(default 18)")
  int maxLog2;

  @Option(names = "--widths", split = ",", paramLabel = "W",
      description = "explainers, device table: hidden widths W of the 64 → W → W → 1 networks, "
          + "each 1..8192 (default 64,256,1024,4096; 64,256 on the CPU alone)")
  List<Integer> widths;

  @Option(names = "--batches-log2", split = ",", paramLabel = "K",
      description = "explainers, device table: explanation sizes n = 2^K, each 4..22 "
          + "(default 10,14,17,20; 10,14 on the CPU alone)")
  List<Integer> batchesLog2;

  @Option(names = "--device-methods", split = ",", paramLabel = "M",
      description = "explainers, device table: the sampled methods timed (default smoothgrad,c-lime)")
  List<String> deviceMethods;

  @Option(names = "--device-table",
      description = "explainers: run the device table although the backend is the CPU (it then "
          + "shows the CPU alone, at small sizes); with a GPU backend it always runs")
  boolean deviceTable;

  @Option(names = "--json", description = "print JSON instead of a table")
  boolean json;

  @Override
  public Integer call() {
    if (what.equals("certificates")) {
      for (int d : baselineDs) {
        if (d < 3 || d > 20) {
          throw InputException.of("--baseline-d", d + " is out of range; expected 3..20");
        }
      }
      new CertificatesBench(spec, json, baselineDs).run();
      return 0;
    }
    if (what.equals("reductions")) {
      if (baselineN < 0 || baselineN > 100) {
        throw InputException.of("--baseline-n", baselineN + " is out of range; expected 0..100");
      }
      return new ReductionsBench(spec, json, ReduceArgs.openUnit("--delta", deltaText, "δ"),
          baselineN).run();
    }
    if (what.equals("explainers")) {
      List<Integer> dims = spec.commandLine().getParseResult().hasMatchedOption("--d") ? ds
          : List.of(10, 16, 20);
      for (int d : dims) {
        if (d < 2 || d > xcert.explainers.limits.ExactLimits.MAX_DIMENSION) {
          throw InputException.of("--d", d + " is out of range; expected 2.."
              + xcert.explainers.limits.ExactLimits.MAX_DIMENSION);
        }
      }
      if (maxLog2 < 6 || maxLog2 > 24) {
        throw InputException.of("--max-log2-samples", maxLog2 + " is out of range; expected 6..24");
      }
      checkRange("--widths", widths, 1, DeviceComparison.MAX_WIDTH);
      checkRange("--batches-log2", batchesLog2, DeviceComparison.MIN_LOG2,
          DeviceComparison.MAX_LOG2);
      List<String> methods = deviceMethods == null ? DeviceComparison.METHODS
          : deviceMethods.stream().distinct().toList();
      for (String m : methods) {
        if (!xcert.explainers.methods.Methods.NAMES.contains(m)) {
          throw InputException.of("--device-methods", "unknown method '" + m + "'; expected "
              + "one of " + String.join(", ", xcert.explainers.methods.Methods.NAMES));
        }
      }
      xcert.explainers.backend.Backend b;
      try {
        b = xcert.explainers.explain.Backends.select(backendName);
      } catch (IllegalArgumentException e) {
        throw InputException.of("--backend", e.getMessage());
      }
      if (backendName.equals("auto")) {
        spec.commandLine().getErr().println("backend: " + b.name());
      }
      boolean onCpu = b instanceof xcert.explainers.backend.CpuBackend;
      DeviceComparison device = null;
      if (!onCpu || deviceTable) {
        List<Integer> ws = widths != null ? widths.stream().distinct().toList()
            : onCpu ? DeviceComparison.CPU_ALONE_WIDTHS : DeviceComparison.WIDTHS;
        List<Integer> ks = batchesLog2 != null ? batchesLog2.stream().distinct().sorted().toList()
            : onCpu ? DeviceComparison.CPU_ALONE_LOG2_SIZES : DeviceComparison.LOG2_SIZES;
        device = new DeviceComparison(b, !onCpu, ws, ks, methods,
            line -> spec.commandLine().getErr().println("bench explainers: " + line));
      } else if (widths != null || batchesLog2 != null || deviceMethods != null) {
        spec.commandLine().getErr().println("bench explainers: the device table is skipped on "
            + "the CPU backend; --widths, --batches-log2 and --device-methods apply with a GPU "
            + "backend or --device-table");
      }
      return new ExplainersBench(spec, json, b, dims, maxLog2, device).run();
    }
    if (!what.equals("exact")) {
      throw InputException.of("WHAT", "unknown benchmark '" + what + "'; expected exact, "
          + "certificates, reductions or explainers");
    }
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

  /** Each value of a list option within lo..hi (an absent option passes). */
  private static void checkRange(String option, List<Integer> values, int lo, int hi) {
    if (values == null) {
      return;
    }
    for (int v : values) {
      if (v < lo || v > hi) {
        throw InputException.of(option, v + " is out of range; expected " + lo + ".." + hi);
      }
    }
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
