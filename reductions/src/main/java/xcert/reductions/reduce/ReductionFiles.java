package xcert.reductions.reduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import xcert.solvers.errors.InputException;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.io.ModelFiles;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;

/** The files a reduction writes: the construction, a Graphviz drawing and the walkthrough. */
public final class ReductionFiles {

  private ReductionFiles() {}

  /**
   * One file, its text made on demand.
   *
   * @param key what it holds ("aiger", "network", "dot", "walkthrough")
   * @param fileName its name in the output folder
   * @param text its text; may throw {@link TooLargeException} (a drawing too large to read)
   */
  public record File(String key, String fileName, Supplier<String> text) {}

  /**
   * What {@link #write} did.
   *
   * @param paths every key with the path written, or null where the text was refused as too large
   * @param skipped one line per refused file: "no NAME written: why"
   */
  public record Written(Map<String, Path> paths, List<String> skipped) {
    public Written {
      paths = Collections.unmodifiableMap(new LinkedHashMap<>(paths));
      skipped = List.copyOf(skipped);
    }
  }

  /** Writes the files into {@code dir} (created if needed), in order; skips a drawing too large. */
  public static Written write(Path dir, List<File> files) throws IOException {
    Files.createDirectories(dir);
    Map<String, Path> paths = new LinkedHashMap<>();
    List<String> skipped = new ArrayList<>();
    for (File f : files) {
      String text;
      try {
        text = f.text().get();
      } catch (TooLargeException e) {
        skipped.add("no " + f.fileName() + " written: " + e.getMessage());
        paths.put(f.key(), null);
        continue;
      }
      Path p = dir.resolve(f.fileName());
      Files.writeString(p, text);
      paths.put(f.key(), p);
    }
    return new Written(paths, skipped);
  }

  /**
   * Reads a Boolean circuit (.aag, .expr, .cnf); a ReLU network is refused with {@code problem}.
   */
  static Circuit readCircuit(Path file, String problem) {
    Model model = ModelFiles.read(file);
    if (!(model instanceof Circuit c)) {
      throw InputException.of(file.toString(), problem);
    }
    return c;
  }

  /** A file name's stem: "uf20-01.cnf" → "uf20-01". */
  public static String stem(String fileName) {
    return fileName.replaceFirst("\\.[^.]*$", "");
  }
}
