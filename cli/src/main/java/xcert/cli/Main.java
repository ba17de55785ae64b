package xcert.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import xcert.solvers.errors.InputException;
import xcert.solvers.errors.TooLargeException;

/**
 * The xcert command line: one subcommand per job. Bad input and questions too large to answer end
 * with one line on stderr and exit status 2, never a stack trace.
 */
@Command(name = "xcert", mixinStandardHelpOptions = true, version = "xcert 0.1.0",
    description = "Executable theory of ML explanations: exact enumerators, reproductions, benchmarks.",
    subcommands = {ExactCommand.class, EvalCommand.class, ExplainCommand.class,
        OracleCommand.class, CertifyCommand.class, ReduceCommand.class,
        ReproduceCommand.class, BenchCommand.class})
public final class Main implements Runnable {

  /** Exit status for bad input, parameters out of range, and refused sizes. */
  public static final int BAD_INPUT = 2;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams; returns the exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    AsciiNumbers.register(cl);
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("xcert: " + ex.getMessage() + " (see: xcert "
          + String.join(" ", ex.getCommandLine().getCommandSpec().qualifiedName().replaceFirst(
              "^xcert ?", "")) + " --help)");
      return BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
      Throwable t = ex;
      if (t instanceof InputException e && e.isSetting()) {
        err.println("xcert: " + option(e.source()) + ": " + e.problem());
        return BAD_INPUT;
      }
      if (t instanceof InputException || t instanceof TooLargeException) {
        err.println("xcert: " + t.getMessage());
        return BAD_INPUT;
      }
      if (t instanceof IllegalArgumentException) {
        err.println("xcert: " + t.getMessage());
        return BAD_INPUT;
      }
      if (t instanceof OutOfMemoryError) {
        err.println("xcert: out of memory (" + t.getMessage() + "); raise the heap with "
            + "XCERT_JAVA_OPTS=-Xmx... or ask a smaller question");
        return BAD_INPUT;
      }
      throw ex;
    });
    int status = cl.execute(args);
    out.flush();
    err.flush();
    return status;
  }

  /** The option of a library setting: its Java name in kebab case, "kernelWidth" → "--kernel-width". */
  static String option(String setting) {
    return "--" + setting.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
