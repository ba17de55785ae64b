package xcert.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The xcert command line: one subcommand per job. */
@Command(name = "xcert", mixinStandardHelpOptions = true, version = "xcert 0.1.0",
    description = "Executable theory of ML explanations.")
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
