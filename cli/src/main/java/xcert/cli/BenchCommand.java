package xcert.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code xcert bench}: benchmarks, each reported as ratios against a baseline measured in the same
 * run (or a floor), never as a timed test.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Benchmarks, reported as ratios against a baseline measured in the same run.",
        "",
        "Examples:",
        "  xcert bench exact --d 16,20,24",
        "  xcert bench compiled",
        "  xcert bench compiled --full",
        "  xcert bench certificates",
        "  xcert bench reductions",
        "  xcert bench explainers --backend cpu",
        "  xcert bench explainers --backend gpu --widths 256,4096 --batches-log2 14,20",
        "  xcert bench oracle --write /tmp/oracle-bench"},
    subcommands = {ExactBenchCommand.class, CompiledBenchCommand.class, CertificatesBenchCommand.class,
        ReductionsBenchCommand.class, ExplainersBenchCommand.class, OracleBenchCommand.class})
final class BenchCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
