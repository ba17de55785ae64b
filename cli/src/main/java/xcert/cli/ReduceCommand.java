package xcert.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code xcert reduce}: the constructions behind seed 003's hardness results, built as code and
 * checked on the instance given.
 */
@Command(name = "reduce", mixinStandardHelpOptions = true,
    description = "The reductions of seed 003, built and checked on an instance.",
    subcommands = {SatToApCommand.class, EmajsatToRelevantCommand.class,
        CircuitToReluCommand.class})
final class ReduceCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
