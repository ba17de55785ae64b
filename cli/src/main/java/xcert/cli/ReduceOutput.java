package xcert.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import xcert.reductions.reduce.ReductionFiles;

/**
 * The output options every {@code reduce} subcommand shares (a picocli mixin): the table or JSON,
 * the Markdown walkthrough, and the files written to {@code --out}.
 */
final class ReduceOutput {

  @Option(names = "--explain", description = "print a Markdown walkthrough of the proof's steps")
  boolean explain;

  @Option(names = "--out", paramLabel = "DIR",
      description = "write the construction (AIGER .aag or network .json), a Graphviz drawing "
          + "(.dot, small instances) and the walkthrough (.md) here")
  Path out;

  @Option(names = "--json", description = "one JSON object instead of a table")
  boolean json;

  /** Refuses an --out that cannot be a writable folder; call before the reduction's work. */
  void checkOut() {
    if (out != null) {
      OutputLocation.checkWritableDirectory("--out", out);
    }
  }

  /** Writes the files to --out (if given), then prints the answer and, under --explain, the walkthrough. */
  void print(CommandSpec spec, Output o, String walkthrough, List<ReductionFiles.File> files)
      throws IOException {
    if (out != null) {
      OutputLocation.checkWritableDirectory("--out", out,
          files.stream().map(ReductionFiles.File::fileName).toArray(String[]::new));
      ReductionFiles.Written written = ReductionFiles.write(out, files);
      written.skipped().forEach(s -> spec.commandLine().getErr().println("xcert: " + s));
      Map<String, Object> paths = new LinkedHashMap<>();
      written.paths().forEach((k, p) -> paths.put(k, p == null ? null : p.toString()));
      o.put("files", paths);
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
}
