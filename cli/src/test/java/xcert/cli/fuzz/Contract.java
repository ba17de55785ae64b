package xcert.cli.fuzz;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import xcert.cli.Main;

/**
 * One command run in-process through {@link Main#run} with captured streams, and the contract it is
 * held to: it ends (within {@link #LIMIT_MS}) without a {@link Throwable} escaping; it exits 0, 1
 * (a verdict such as a failing check) or 2; stderr never holds a stack trace; on exit 2 stderr is
 * exactly one line, starting {@code xcert: }, at most {@link #MAX_LINE} characters, naming no
 * library internals. A case marked as one that must be refused must exit 2.
 */
final class Contract {

  /** Time one case may take; generous for 2 shared cores, far below a runaway computation. */
  static final long LIMIT_MS = 10_000;

  /** Longest readable error line (issue 18 point 5: offending tokens cut to a readable length). */
  static final int MAX_LINE = 1_000;

  private Contract() {}

  /** The outcome of one run. */
  record Outcome(int status, String out, String err, Throwable escaped, boolean timedOut,
      long millis) {}

  /** Runs the command on its own thread, so that a runaway case is stopped at the limit. */
  @SuppressWarnings({"deprecation", "removal"})
  static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicReference<Integer> status = new AtomicReference<>();
    AtomicReference<Throwable> escaped = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        status.set(Main.run(args, new PrintWriter(out), new PrintWriter(err)));
      } catch (Throwable e) {
        escaped.set(e);
      }
    }, "fuzz-case", 0); // the default stack, as the java launcher gives main
    t.setDaemon(true);
    long start = System.nanoTime();
    t.start();
    boolean timedOut = false;
    try {
      t.join(LIMIT_MS);
      if (t.isAlive()) {
        timedOut = true;
        t.interrupt();
        t.join(2_000);
        if (t.isAlive()) {
          t.stop(); // Java 17: a runaway case must not keep the CPU or the heap for the next one
          t.join(5_000);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    Integer s = status.get();
    return new Outcome(s == null ? -1 : s, out.toString(), err.toString(), escaped.get(),
        timedOut, ms);
  }

  /** Every way the outcome breaks the contract; empty when it keeps it. */
  static List<String> violations(Outcome o, boolean mustRefuse) {
    List<String> v = new ArrayList<>();
    if (o.timedOut()) {
      v.add("did not end within " + LIMIT_MS / 1000 + " s");
      return v;
    }
    if (o.escaped() != null) {
      v.add("escaped: " + o.escaped().getClass().getName() + ": " + cut(o.escaped().getMessage()));
      return v;
    }
    String err = o.err();
    if (err.contains("\tat ") || err.contains("Exception in") || err.contains("Caused by:")) {
      v.add("stack trace on stderr (exit " + o.status() + "): " + cut(firstLine(err)));
    }
    if (o.status() != 0 && o.status() != 1 && o.status() != 2) {
      v.add("exit " + o.status());
    }
    if (mustRefuse && o.status() != 2) {
      v.add("accepted (exit " + o.status() + "), expected a refusal with exit 2");
    }
    if (o.status() == 2) {
      String e = err.endsWith("\n") ? err.substring(0, err.length() - 1) : err;
      long lines = e.isEmpty() ? 0 : e.split("\n", -1).length;
      if (lines != 1) {
        v.add("exit 2 with " + lines + " lines on stderr: " + cut(e));
      } else {
        if (!e.startsWith("xcert: ")) {
          v.add("exit 2, line does not start with 'xcert: ': " + cut(e));
        }
        if (e.length() > MAX_LINE) {
          v.add("exit 2 with a " + e.length() + "-character line: " + cut(e));
        }
        if (e.contains("com.fasterxml") || e.contains("java.") || e.contains("Exception")
            || e.contains("Input length = ")) {
          v.add("library internals in the message: " + cut(e));
        }
      }
    }
    return v;
  }

  private static String firstLine(String s) {
    int i = s.indexOf('\n');
    return i < 0 ? s : s.substring(0, i);
  }

  /** At most 200 characters of a message, for the report. */
  static String cut(String s) {
    if (s == null) {
      return "null";
    }
    String one = s.replace("\n", "\\n").replace("\r", "\\r");
    return one.length() <= 200 ? one : one.substring(0, 200) + "… (" + one.length() + " chars)";
  }
}
