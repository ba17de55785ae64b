package xcert.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xcert.explainers.backend.Backend;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.bench.DeviceComparison;
import xcert.explainers.bench.ExplainersBenchmark;
import xcert.explainers.explain.Backends;
import xcert.explainers.limits.ExactLimits;
import xcert.explainers.methods.Methods;
import xcert.solvers.errors.InputException;
import xcert.solvers.report.Report;

/** Throughput and convergence of the sampled explainers, and the device table. */
@Command(name = "explainers", mixinStandardHelpOptions = true,
    description = "Throughput and convergence of the sampled explainers, and the device table.")
final class ExplainersBenchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--d", split = ",", paramLabel = "D",
      description = "numbers of inputs of the convergence networks (default 10,16,20)")
  List<Integer> ds = List.of(10, 16, 20);

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
    for (int d : ds) {
      if (d < 2 || d > ExactLimits.MAX_DIMENSION) {
        throw InputException.of("--d", d + " is out of range; expected 2.."
            + ExactLimits.MAX_DIMENSION);
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
      if (!Methods.NAMES.contains(m)) {
        throw InputException.of("--device-methods", "unknown method '" + m + "'; expected "
            + "one of " + String.join(", ", Methods.NAMES));
      }
    }
    Backend b;
    try {
      b = Backends.select(backendName);
    } catch (IllegalArgumentException e) {
      throw InputException.of("--backend", e.getMessage());
    }
    var err = spec.commandLine().getErr();
    if (backendName.equals("auto")) {
      err.println("backend: " + b.name());
    }
    boolean onCpu = b instanceof CpuBackend;
    DeviceComparison device = null;
    if (!onCpu || deviceTable) {
      List<Integer> ws = widths != null ? widths.stream().distinct().toList()
          : onCpu ? DeviceComparison.CPU_ALONE_WIDTHS : DeviceComparison.WIDTHS;
      List<Integer> ks = batchesLog2 != null ? batchesLog2.stream().distinct().sorted().toList()
          : onCpu ? DeviceComparison.CPU_ALONE_LOG2_SIZES : DeviceComparison.LOG2_SIZES;
      device = new DeviceComparison(b, !onCpu, ws, ks, methods,
          line -> err.println("bench explainers: " + line));
    } else if (widths != null || batchesLog2 != null || deviceMethods != null) {
      throw InputException.of(widths != null ? "--widths" : batchesLog2 != null
          ? "--batches-log2" : "--device-methods", "does not apply: the device table is skipped "
          + "on the CPU backend" + (backendName.equals("auto") ? " (--backend auto chose cpu)" : "")
          + "; it applies with a GPU backend or --device-table");
    }
    ExplainersBenchmark.Result r = ExplainersBenchmark.run(b, ExplainersBenchmark.Settings
        .defaults().withDs(ds).withMaxLog2(maxLog2), device,
        line -> err.println("bench explainers: " + line));
    print(r);
    return r.passed() ? 0 : 1;
  }

  static final String SKIPPED = "skipped: the backend is the CPU (--device-table runs it on "
      + "the CPU alone)";

  private void print(ExplainersBenchmark.Result r) {
    var out = spec.commandLine().getOut();
    Output o = new Output();
    if (json) {
      r.data().forEach(o::put);
      if (r.device() == null) {
        o.put("device_comparison", Map.of("skipped", SKIPPED));
      }
      out.println(o.toJson());
      return;
    }
    r.data().entrySet().stream().limit(5).forEach(e -> o.put(e.getKey(), e.getValue()));
    put(o, r.throughputTable());
    put(o, r.convergenceTable());
    out.print(o.toTable());
    out.println("\nLimits: lime and glime-binomial against their "
        + "enumerated limits (λ → 0 as n grows, since Ridge(α) is on the sum scale), kernelshap "
        + "against the exact Shapley values of f(x_S, r_{S^c}), smoothgrad, c-lime and glime-gauss "
        + "against the closed-form SmoothGrad (Stein's lemma), integrated-gradients (n Riemann "
        + "midpoints) against exact IG, occlusion against its exact value.");
    Output d = new Output();
    if (r.agreement() != null) {
      put(d, r.agreement().table());
      d.put("all within", r.agreement().allWithin() ? "yes" : "NO");
    }
    if (r.device() != null) {
      d.put("device network", r.device().network());
      d.put("device CPU rule", r.device().cpuRule());
      put(d, r.device().table());
      r.device().paysTables().forEach(t -> put(d, t));
    } else {
      d.put("device table", SKIPPED);
    }
    out.print("\n" + d.toTable());
  }

  private static void put(Output o, Report.Table t) {
    o.put(t.title(), new Output.Rows(t.columns(), t.rows()));
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
}
