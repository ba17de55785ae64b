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
import xcert.solvers.stream.StreamOptions;

/**
 * The exact core on random 3-CNFs and random ReLU networks: the evaluation floor (all 2^d evaluations
 * alone), the streaming exact Shapley values and the f_S table route, each as a ratio to the floor
 * measured in the same run; for networks also exact against float64 in the same run.
 */
@Command(name = "exact", mixinStandardHelpOptions = true,
    description = "The exact core: random 3-CNFs and ReLU networks, streaming exact Shapley values"
        + " and the f_S table route against the evaluation floor (all 2^d evaluations alone, in"
        + " the same run, as a ratio), with the peak heap; networks also exact against float64.")
final class ExactBenchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--d", split = ",", paramLabel = "D",
      description = "numbers of variables, 6..40; the f_S table up to 28 (default 16,20,24,28)")
  List<Integer> ds = ExactBenchmark.DEFAULT_DS;

  @Option(names = "--full", description = "the long run: 3-CNFs at d = 16,20,24,28,32 and networks"
      + " at d = 20,24,28 (instead of --d and --network-d)")
  boolean full;

  @Option(names = "--no-time-limit", description = "run every stream however long its estimate;"
      + " by default a d whose stream would take over 10 minutes is skipped with the estimate")
  boolean noTimeLimit;

  @Option(names = "--seed", defaultValue = "1",
      description = "seed of the random 3-CNFs and networks (default 1)")
  long seed;

  @Option(names = "--family", paramLabel = "F", defaultValue = "all",
      description = "cnf, network or all (default all)")
  String family;

  @Option(names = "--network-d", split = ",", paramLabel = "D",
      description = "numbers of network inputs, 4..40; the tables up to 26 (default 16,20)")
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
    if (full && (pr.hasMatchedOption("--d") || pr.hasMatchedOption("--network-d"))) {
      throw InputException.setting("full", "picks the d's itself; give --full or "
          + (pr.hasMatchedOption("--d") ? "--d" : "--network-d") + ", not both");
    }
    if (full) {
      ds = ExactBenchmark.FULL_DS;
      networkDs = NetworkExactBenchmark.FULL_DS;
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
    if (differs) {
      spec.commandLine().getErr().println("xcert: the stream's values differ from the f_S table's"
          + " in a row marked DIFFERS");
      return 1;
    }
    return 0;
  }

  /** Whether a row's stream differed from its table (the command then exits 1). */
  private boolean differs;

  private void networks() {
    NetworkExactBenchmark.Result res = NetworkExactBenchmark.run(
        NetworkExactBenchmark.Settings.defaults().withDs(networkDs).withRows(rows).withSeed(seed)
            .withTimeLimit(noTimeLimit ? null : StreamOptions.DEFAULT_TIME_LIMIT),
        line -> spec.commandLine().getErr().println("bench exact: " + line));
    Output o = new Output().put("benchmark", "exact-networks").put("cores", res.cores())
        .put("max_heap", res.maxHeap()).put("family", res.family());
    if (json) {
      o.put("rows", res.rows().stream().map(NetworkExactBenchmark.Row::data).toList());
      o.put("stream_rows", res.streamRows().stream().map(NetworkExactBenchmark.StreamRow::data)
          .toList());
      spec.commandLine().getOut().println(o.toJson());
      return;
    }
    List<List<Object>> stream = new ArrayList<>();
    for (NetworkExactBenchmark.StreamRow r : res.streamRows()) {
      differs |= Boolean.FALSE.equals(r.equalsTable());
    }
    for (NetworkExactBenchmark.StreamRow r : res.streamRows()) {
      if (r.skipped() != null) {
        stream.add(List.of(r.d(), r.network(), "skipped: " + r.skipped(), "", "", "", "", ""));
        continue;
      }
      stream.add(List.of(r.d(), r.network(), secs(r.floorSeconds()) + " (" + fmt(Math.pow(2, r.d())
          / r.floorSeconds()) + " evals/s)", secs(r.streamSeconds()), ratio(r.streamRatio()),
          r.tableSkipped() != null ? "skipped: " + r.tableSkipped() : secs(r.tableSeconds())
              + (r.equalsTable() ? " (equal to the stream)" : " (DIFFERS from the stream)"),
          r.tableSkipped() != null ? "" : ratio(r.tableRatio()),
          mib(r.peakHeapBytes()) + " of " + mib(r.maxHeapBytes())));
    }
    List<List<Object>> table = new ArrayList<>();
    for (NetworkExactBenchmark.Row r : res.rows()) {
      table.add(List.of(r.d(), r.distribution(), secs(r.floatSeconds()), secs(r.exactSeconds()),
          String.format(Locale.ROOT, "%.2fx", r.timeRatio()) + (r.timeRatio() <= 2 ? " (met)"
              : " (missed)"), r.words(), String.format(Locale.ROOT, "%.1e",
              r.maxShapleyDifference())));
    }
    if (!table.isEmpty()) {
      o.put("results", new Output.Rows(List.of("d", "V", "float64", "exact", "exact/float64",
          "words per entry (double = 1)", "max |φ exact − φ float64|"), table));
    }
    o.put("stream (uniform V)", new Output.Rows(List.of("d", "network",
        "evaluation floor (best of 2)", "stream Shapley", "stream/floor", "exact table + Shapley",
        "table/floor",
        "peak heap (floor + stream)"), stream));
    spec.commandLine().getOut().print(o.toTable());
    spec.commandLine().getOut().println("\ntarget: exact f_S table + Shapley + Banzhaf within 2x"
        + " of float64 in time (medians of 3 alternating runs), for d <= "
        + NetworkExactBenchmark.TABLE_MAX_D + "; peak memory of whole runs: see the README");
  }

  private void cnf() {
    ExactBenchmark.Result res = ExactBenchmark.run(ExactBenchmark.Settings.defaults().withDs(ds)
        .withSeed(seed).withTimeLimit(noTimeLimit ? null : StreamOptions.DEFAULT_TIME_LIMIT),
        line -> spec.commandLine().getErr().println("bench exact: " + line));
    List<List<Object>> rows = new ArrayList<>();
    for (ExactBenchmark.Row r : res.rows()) {
      differs |= Boolean.FALSE.equals(r.fields().get("stream_equals_table"));
    }
    for (ExactBenchmark.Row r : res.rows()) {
      int d = r.d();
      if (r.skipped() != null) {
        rows.add(List.of(d, r.fields().getOrDefault("clauses", (int) Math.round(4.26 * d)),
            "skipped: " + r.skipped(), "", "", "", "", ""));
        continue;
      }
      boolean table = r.hasTable();
      rows.add(List.of(d, r.fields().get("clauses"), secs(r.number("floor_s")) + " ("
          + fmt(r.number("evals_per_s")) + " evals/s)", secs(r.number("stream_s"))
          + streamTarget(d, r.number("stream_s")), ratio(r.number("stream_ratio"))
          + (d == 28 ? (r.number("stream_ratio") <= 2 ? " (target <= 2x: met)"
              : " (target <= 2x: missed)") : ""),
          table ? secs(r.number("table_s")) + (Boolean.TRUE.equals(r.fields()
              .get("stream_equals_table")) ? " (equal to the stream)"
              : " (DIFFERS from the stream)") : "skipped: " + r.fields().get("table_skipped"),
          table ? ratio(r.number("table_ratio")) : "",
          mib(r.number("stream_peak_heap_bytes")) + " / " + mib(r.number("peak_heap_bytes"))));
    }
    Output o = new Output().put("benchmark", "exact").put("cores", res.cores())
        .put("max_heap", res.maxHeap()).put("family", res.family());
    if (json) {
      o.put("rows", res.rows().stream().map(ExactBenchmark.Row::data).toList());
      spec.commandLine().getOut().println(o.toJson());
    } else {
      o.put("results", new Output.Rows(List.of("d", "clauses", "evaluation floor (best of 2)",
          "stream Shapley", "stream/floor", "f_S table + Shapley", "table/floor",
          "peak heap (stream / row)"), rows));
      spec.commandLine().getOut().print(o.toTable());
      spec.commandLine().getOut().println("\ntargets on 2 cores: d = 28 within 2x of the floor,"
          + " d = 32 under 60 s with under 1 GiB of heap (XCERT_JAVA_OPTS=-Xmx1g), d = 36 under 20"
          + " min; peak heap: the heap pools' peaks added (an upper bound), after a collection");
    }
  }

  private static String streamTarget(int d, double s) {
    if (d == 32) {
      return s < 60 ? " (target < 60 s: met)" : " (target < 60 s: missed)";
    }
    if (d == 36) {
      return s < 1200 ? " (target < 20 min: met)" : " (target < 20 min: missed)";
    }
    return "";
  }

  private static String ratio(double r) {
    return String.format(Locale.ROOT, "%.2fx", r);
  }

  private static String mib(double bytes) {
    return String.format(Locale.ROOT, "%.0f MiB", bytes / (1 << 20));
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }

  private static String secs(double v) {
    return String.format(Locale.ROOT, "%.3f s", v);
  }
}
