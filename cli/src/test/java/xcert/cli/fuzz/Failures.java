package xcert.cli.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The violations of one suite, collected so that a run reports every failing case (not only the
 * first), each with the command that reproduces it; the inputs of file cases are kept under
 * {@code target/fuzz-failures}.
 */
final class Failures {

  /** Where the inputs of failing file cases are written (relative to the module). */
  static final Path KEPT = Path.of("target", "fuzz-failures");

  private final List<String> lines = new ArrayList<>();
  private int cases;
  private int skipped;
  private long slowestMs;
  private String slowest = "";

  /**
   * Holds one outcome to the contract; records it when it breaks it, with the command that
   * reproduces it ({@code reproduce}, called only then).
   *
   * @return whether the case kept the contract
   */
  boolean check(String id, Contract.Outcome o, boolean mustRefuse,
      java.util.function.Supplier<String[]> reproduce) {
    cases++;
    if (o.millis() > slowestMs) {
      slowestMs = o.millis();
      slowest = id;
    }
    List<String> v = Contract.violations(o, mustRefuse);
    if (!v.isEmpty()) {
      lines.add(id + ": " + String.join("; ", v) + "\n    reproduce: xcert "
          + quote(reproduce.get()));
    }
    return v.isEmpty();
  }

  void skipped() {
    skipped++;
  }

  /** Keeps a failing input for its reproduction; returns where. */
  static Path keep(String id, String extension, byte[] bytes) {
    try {
      Files.createDirectories(KEPT);
      Reader.writeSupport(KEPT);
      Path p = KEPT.resolve(id.replace('/', '-') + "." + extension).toAbsolutePath();
      Files.write(p, bytes);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int count() {
    return lines.size();
  }

  /** Fails with every violation, one per case, or passes; prints the run's size either way. */
  void report(String suite) {
    System.out.println(suite + ": " + cases + " cases run, " + skipped + " known failures skipped, "
        + lines.size() + " broke the contract; slowest " + slowestMs + " ms (" + slowest + ")");
    if (!lines.isEmpty()) {
      fail(lines.size() + " case(s) of " + suite + " broke the one-line/exit-2 contract (add an id "
          + "to KnownFailures only for a fix under way elsewhere):\n" + String.join("\n", lines));
    }
  }

  static String quote(String[] args) {
    List<String> q = new ArrayList<>();
    for (String a : args) {
      String shown = a.length() > 120 ? a.substring(0, 40) + "…(" + a.length() + " chars)" : a;
      q.add(shown.matches("[A-Za-z0-9_./:,=+-]+") ? shown : "'" + shown.replace("'", "'\\''")
          + "'");
    }
    return String.join(" ", q);
  }
}
