package xcert.solvers.io;

import xcert.solvers.errors.InputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import xcert.solvers.model.Model;

/**
 * Reads a model file, choosing the format by its extension (the models f of seed 004 Section 2 and the classifiers Φ of seed 003 Sections 3–4):
 * {@code .aag} ({@link AigerFormat}), {@code .cnf} ({@link DimacsFormat}) and {@code .expr}
 * ({@link ExprFormat}) give a {@link xcert.solvers.model.Circuit}; {@code .json}
 * ({@link ReluJsonFormat}) gives a {@link xcert.solvers.model.ReluNetwork}.
 */
public final class ModelFiles {

  /** The extensions {@link #read(Path)} accepts. */
  public static final List<String> EXTENSIONS = List.of(".aag", ".cnf", ".expr", ".json");

  private static final String ACCEPTED = ".aag (AIGER ASCII), .cnf (DIMACS CNF), .expr (infix"
      + " expression) or .json (ReLU network)";

  private ModelFiles() {}

  /**
   * Reads a model.
   *
   * @throws InputException for an unknown extension, a missing or unreadable file, or bad content
   */
  public static Model read(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    return switch (ext) {
      case ".aag" -> AigerFormat.read(file);
      case ".cnf" -> DimacsFormat.read(file);
      case ".expr" -> ExprFormat.read(file);
      case ".json" -> ReluJsonFormat.read(file);
      case ".aig" -> throw InputException.of(Sources.name(file), "binary AIGER (.aig) is not"
          + " supported; convert it with 'aigtoaig file.aig file.aag', or give one of " + ACCEPTED);
      case "" -> throw InputException.of(Sources.name(file), "the file name has no extension;"
          + " expected " + ACCEPTED);
      default -> throw InputException.of(Sources.name(file), "unknown model file extension '"
          + ext + "'; expected " + ACCEPTED);
    };
  }
}
