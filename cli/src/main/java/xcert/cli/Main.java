package xcert.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import xcert.solvers.errors.InputException;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.setfunction.MemoryBudget;

/**
 * The xcert command line: one subcommand per job. Every failure a user can cause (bad input, an
 * option out of range, a file that cannot be read or written, a question too large, running out of
 * memory or stack, an interrupt) ends with one line on stderr and exit status {@value #BAD_INPUT},
 * never a stack trace. Only a bug in xcert prints a trace, followed by one line asking for a report,
 * and exits with {@value #INTERNAL_ERROR}.
 */
@Command(name = "xcert", mixinStandardHelpOptions = true, version = "xcert 0.1.0",
    description = "Executable theory of ML explanations: exact enumerators, reproductions, benchmarks.",
    subcommands = {ExactCommand.class, EvalCommand.class, ExplainCommand.class,
        OracleCommand.class, CertifyCommand.class, ReduceCommand.class,
        ReproduceCommand.class, BenchCommand.class})
public final class Main implements Runnable {

  /** Exit status for bad input, parameters out of range, refused sizes, I/O errors, OOM, interrupts. */
  public static final int BAD_INPUT = 2;

  /** Exit status for a bug in xcert (sysexits' EX_SOFTWARE): a trace and a request for a report. */
  public static final int INTERNAL_ERROR = 70;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams; returns the exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(new CommandLine(new Main()), args, out, err);
  }

  /**
   * Runs {@code cl} (xcert's command line, possibly with extra subcommands added by a test) with the
   * given streams; returns the exit status. The one error path of the command line: exceptions of a
   * command arrive at the execution-exception handler, errors (which picocli rethrows from its
   * execution strategy) at the catch around {@code execute}; both end in {@link #report}.
   */
  static int run(CommandLine cl, String[] args, PrintWriter out, PrintWriter err) {
    AsciiNumbers.register(cl);
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("xcert: " + readable(ex.getMessage()) + " (see: xcert "
          + String.join(" ", ex.getCommandLine().getCommandSpec().qualifiedName().replaceFirst(
              "^xcert ?", "")) + " --help)");
      return BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((ex, c, parseResult) -> report(ex, err));
    int status;
    try {
      status = cl.execute(args);
    } catch (Throwable t) { // OutOfMemoryError, StackOverflowError: picocli rethrows errors
      status = report(t, err);
    }
    out.flush();
    err.flush();
    return status;
  }

  /**
   * Prints a failure: one line and {@link #BAD_INPUT} for anything a user can cause, else the trace,
   * one line asking for a report, and {@link #INTERNAL_ERROR}.
   */
  static int report(Throwable thrown, PrintWriter err) {
    String line;
    try {
      line = userMessage(thrown);
    } catch (OutOfMemoryError e) {
      line = "out of memory";
    }
    if (line != null) {
      err.println("xcert: " + readable(line));
      err.flush();
      return BAD_INPUT;
    }
    thrown.printStackTrace(err);
    err.println("xcert: internal error (please report it with the command line and the trace "
        + "above): " + thrown);
    err.flush();
    return INTERNAL_ERROR;
  }

  /** Runs of this many non-blank characters or more are cut in a printed line. */
  static final int LONG_RUN = 200;

  /**
   * The line as printed: on one line (line breaks become spaces), every run of {@value #LONG_RUN}
   * or more non-blank characters (an option value or token echoed whole) cut to its first 60
   * characters and its length, so that no refusal prints a 100,000-character token (a file path
   * is shorter than that).
   */
  static String readable(String line) {
    String flat = line.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S{" + LONG_RUN + ",}")
        .matcher(flat);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String run = m.group();
      m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(run.substring(0, 60)
          + "…(" + run.length() + " characters)"));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** The one line (without "xcert: ") for a failure a user can cause, or null for a bug. */
  static String userMessage(Throwable thrown) {
    Throwable t = unwrap(thrown);
    if (t instanceof IllegalArgumentException) {
      return t.getMessage() == null ? "invalid input" : t.getMessage();
    }
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof InputException e) {
        return e.isSetting() ? option(e.source()) + ": " + e.problem() : e.getMessage();
      }
      if (c instanceof TooLargeException) {
        return c.getMessage();
      }
      if (c instanceof OutOfMemoryError) {
        String what = null;
        for (Throwable m = c; m != null && what == null; m = m.getCause()) {
          what = m.getMessage();
        }
        return "out of memory" + (what == null ? "" : " (" + what + ")") + " with a heap of "
            + MemoryBudget.human(Runtime.getRuntime().maxMemory()) + "; raise it with "
            + "XCERT_JAVA_OPTS=-Xmx... or ask a smaller question";
      }
      if (c instanceof StackOverflowError) {
        return "out of stack space (the input is nested too deeply); raise it with "
            + "XCERT_JAVA_OPTS=-Xss64m or give a flatter input";
      }
      if (c instanceof InterruptedException || c instanceof InterruptedIOException
          || c instanceof ClosedByInterruptException) {
        return "interrupted before the command finished; no answer was given";
      }
      if (c instanceof IOException e) {
        return io(e);
      }
    }
    return null;
  }

  /** Peels the wrappers concurrency and reflection put around an exception. */
  private static Throwable unwrap(Throwable t) {
    while ((t instanceof ExecutionException || t instanceof CompletionException
        || t instanceof InvocationTargetException || t instanceof UncheckedIOException
        || t instanceof CommandLine.ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** An I/O failure as "FILE: what went wrong", without the exception's class name. */
  static String io(IOException e) {
    if (e instanceof FileSystemException f && f.getFile() != null) {
      String other = f.getOtherFile() == null ? "" : " (and " + f.getOtherFile() + ")";
      return f.getFile() + other + ": " + why(e);
    }
    if (e instanceof CharacterCodingException) {
      return "the input is not valid UTF-8 text";
    }
    return "input/output error: " + why(e);
  }

  /** What went wrong in an I/O failure, without the file: "permission denied", "Is a directory". */
  static String why(IOException e) {
    String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
    String why;
    if (e instanceof NoSuchFileException) {
      why = "no such file or folder";
    } else if (e instanceof AccessDeniedException) {
      why = "permission denied";
    } else if (e instanceof FileAlreadyExistsException) {
      why = "already exists";
    } else if (e instanceof NotDirectoryException) {
      why = "not a folder";
    } else if (e instanceof DirectoryNotEmptyException) {
      why = "folder not empty";
    } else if (e instanceof FileSystemLoopException) {
      return "symbolic links form a loop";
    } else {
      return reason == null || reason.isBlank() ? e.getClass().getSimpleName() : reason;
    }
    return reason == null || reason.isBlank() || reason.equals(why) ? why : why + " (" + reason + ")";
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
