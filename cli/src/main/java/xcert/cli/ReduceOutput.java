package xcert.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import xcert.solvers.errors.TooLargeException;

/**
 * The output options every {@code reduce} subcommand shares (a picocli mixin): the table or JSON,
 * the Markdown walkthrough, and the files written to {@code --out}.
 */
final class ReduceOutput {

  /** Text of one file; may refuse with TooLargeException (a drawing too large to read). */
  @FunctionalInterface
  interface Content {
    String text() throws IOException;
  }

  @Option(names = "--explain", description = "print a Markdown walkthrough of the proof's steps")
  boolean explain;

  @Option(names = "--out", paramLabel = "DIR",
      description = "write the construction (AIGER .aag or network .json), a Graphviz drawing "
          + "(.dot, small instances) and the walkthrough (.md) here")
  Path out;

  @Option(names = "--json", description = "one JSON object instead of a table")
  boolean json;

  private final Map<String, Object> files = new LinkedHashMap<>();

  /**
   * Writes one file to --out (nothing without --out) and records it under {@code key}. A drawing the
   * content refuses as too large is skipped with one line on stderr and recorded as null.
   */
  void write(CommandSpec spec, String key, String fileName, Content content) throws IOException {
    if (out == null) {
      return;
    }
    Files.createDirectories(out);
    String text;
    try {
      text = content.text();
    } catch (TooLargeException e) {
      spec.commandLine().getErr().println("xcert: no " + fileName + " written: " + e.getMessage());
      files.put(key, null);
      return;
    }
    Path p = out.resolve(fileName);
    Files.writeString(p, text);
    files.put(key, p.toString());
  }

  /** Prints the answer: JSON (with the walkthrough under --explain) or the table then the walkthrough. */
  void print(CommandSpec spec, Output o, String walkthrough) {
    if (!files.isEmpty()) {
      o.put("files", files);
    }
    var w = spec.commandLine().getOut();
    if (json) {
      if (explain) {
        o.put("walkthrough", walkthrough);
      }
      w.println(o.toJson());
    } else {
      w.print(o.toTable());
      if (explain) {
        w.println();
        w.print(walkthrough);
      }
    }
  }

  /** A file name's stem: "uf20-01.cnf" → "uf20-01". */
  static String stem(Path file) {
    return file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
  }
}
