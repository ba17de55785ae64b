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
    List<Integer> dims = ds;
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
