package xcert.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;
import xcert.solvers.bench.ExactBenchmark;
import xcert.solvers.bench.NetworkExactBenchmark;
import xcert.solvers.errors.InputException;

/**
 * The exact core on random 3-CNFs (bit-sliced evaluation and the f_S table with Shapley values) and
 * on random ReLU networks (exact against float64 in the same run).
 */
@Command(name = "exact", mixinStandardHelpOptions = true,
    description = "The exact core: random 3-CNFs (bit-sliced evaluation, f_S table, Shapley values)"
        + " and random ReLU networks (exact against float64 in the same run, as a ratio).")
final class ExactBenchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--d", split = ",", paramLabel = "D",
      description = "numbers of variables (default 16,20,24,28)")
  List<Integer> ds = ExactBenchmark.DEFAULT_DS;

  @Option(names = "--seed", defaultValue = "1",
      description = "seed of the random 3-CNFs and networks (default 1)")
  long seed;

  @Option(names = "--family", paramLabel = "F", defaultValue = "all",
      description = "cnf, network or all (default all)")
  String family;

  @Option(names = "--network-d", split = ",", paramLabel = "D",
      description = "numbers of network inputs (default 16,20,24)")
  List<Integer> networkDs = NetworkExactBenchmark.DEFAULT_DS;

  @Option(names = "--rows", paramLabel = "N", defaultValue = "30",
      description = "background rows for the networks' empirical case, 10..100 (default 30)")
  int rows;

  @Option(names = "--json", description = "print JSON instead of a table")
  boolean json;

  @Override
  public Integer call() {
    if (!List.of("all", "cnf", "network").contains(family)) {
      throw InputException.setting("family", "'" + family + "' is not a family; expected cnf,"
          + " network or all");
    }
    boolean cnf = !family.equals("network");
    boolean nets = !family.equals("cnf");
    CommandLine.ParseResult pr = spec.commandLine().getParseResult();
    if (!nets && (pr.hasMatchedOption("--network-d") || pr.hasMatchedOption("--rows"))) {
      throw InputException.setting(pr.hasMatchedOption("--rows") ? "rows" : "networkD",
          "applies to the network family; --family cnf measures none");
    }
    if (!cnf && pr.hasMatchedOption("--d")) {
      throw InputException.setting("d", "applies to the cnf family; use --network-d for"
          + " networks");
    }
    if (cnf) {
      cnf();
    }
    if (nets) {
      networks();
    }
    return 0;
  }

  private void networks() {
    NetworkExactBenchmark.Result res = NetworkExactBenchmark.run(
        NetworkExactBenchmark.Settings.defaults().withDs(networkDs).withRows(rows).withSeed(seed),
        line -> spec.commandLine().getErr().println("bench exact: " + line));
    Output o = new Output().put("benchmark", "exact-networks").put("cores", res.cores())
        .put("max_heap", res.maxHeap()).put("family", res.family());
    if (json) {
      o.put("rows", res.rows().stream().map(NetworkExactBenchmark.Row::data).toList());
      spec.commandLine().getOut().println(o.toJson());
      return;
    }
    List<List<Object>> table = new ArrayList<>();
    for (NetworkExactBenchmark.Row r : res.rows()) {
      table.add(List.of(r.d(), r.distribution(), secs(r.floatSeconds()), secs(r.exactSeconds()),
          String.format(Locale.ROOT, "%.2fx", r.timeRatio()) + (r.timeRatio() <= 2 ? " (met)"
              : " (missed)"), r.words(), String.format(Locale.ROOT, "%.1e",
              r.maxShapleyDifference())));
    }
    o.put("results", new Output.Rows(List.of("d", "V", "float64", "exact", "exact/float64",
        "words per entry (double = 1)", "max |φ exact − φ float64|"), table));
    spec.commandLine().getOut().print(o.toTable());
    spec.commandLine().getOut().println("\ntarget: exact f_S table + Shapley + Banzhaf within 2x"
        + " of float64 in time (medians of 3 alternating runs); peak memory of whole runs: see the"
        + " README");
  }

  private void cnf() {
    ExactBenchmark.Result res = ExactBenchmark.run(ExactBenchmark.Settings.defaults().withDs(ds)
        .withSeed(seed), line -> spec.commandLine().getErr().println("bench exact: " + line));
    List<List<Object>> rows = new ArrayList<>();
    for (ExactBenchmark.Row r : res.rows()) {
      int d = r.d();
      rows.add(r.skipped() != null ? List.of(d, "skipped: " + r.skipped(), "", "", "", "", "")
          : List.of(d, r.fields().get("clauses"), fmt(r.number("evals_per_s")),
              fmt(r.number("bitsliced_vs_scalar")) + "x", secs(r.number("table_s")),
              secs(r.number("shapley_s")), secs(r.number("total_s")) + target(d,
                  r.number("total_s"))));
    }
    Output o = new Output().put("benchmark", "exact").put("cores", res.cores())
        .put("max_heap", res.maxHeap()).put("family", res.family());
    if (json) {
      o.put("rows", res.rows().stream().map(ExactBenchmark.Row::data).toList());
      spec.commandLine().getOut().println(o.toJson());
    } else {
      o.put("results", new Output.Rows(List.of("d", "clauses", "evals/s (bit-sliced)",
          "vs scalar", "f_S table", "Shapley", "table+Shapley"), rows));
      spec.commandLine().getOut().print(o.toTable());
      spec.commandLine().getOut().println("\ntargets on 2 cores: d = 24 under 2 s, d = 28 under 40 s"
          + " (table + exact Shapley values)");
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
}
