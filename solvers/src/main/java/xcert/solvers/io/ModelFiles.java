package xcert.solvers.io;

import xcert.solvers.errors.InputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import xcert.solvers.model.FeedForwardNetwork;
import xcert.solvers.model.HeadUse;
import xcert.solvers.model.Model;
import xcert.solvers.model.OutputHead;

/**
 * Reads a model file, choosing the format by its extension (the models f of seed 004 Section 2 and the classifiers Φ of seed 003 Sections 3–4):
 * {@code .aag} ({@link AigerFormat}), {@code .cnf} ({@link DimacsFormat}), {@code .expr}
 * ({@link ExprFormat}) and {@code .nnf} ({@link NnfFormat}, c2d/d4 compiled forms) give a
 * {@link xcert.solvers.model.Circuit}; {@code .json}
 * ({@link ReluJsonFormat}) and {@code .onnx} ({@link OnnxFormat}) give a network, of which a
 * {@link ModelSelection} picks the output, the head use and the threshold.
 */
public final class ModelFiles {

  /** The extensions {@link #read(Path)} accepts. */
  public static final List<String> EXTENSIONS = List.of(".aag", ".cnf", ".expr", ".json",
      ".nnf", ".onnx");

  private static final String ACCEPTED = ".aag (AIGER ASCII), .cnf (DIMACS CNF), .expr (infix"
      + " expression), .json (ReLU network), .nnf (c2d/d4 compiled NNF) or .onnx (ONNX network)";

  private ModelFiles() {}

  /**
   * Reads a model.
   *
   * @throws InputException for an unknown extension, a missing or unreadable file, or bad content
   */
  public static Model read(Path file) {
    return read(file, ModelSelection.DEFAULT);
  }

  /**
   * Reads a model and applies a selection to it.
   *
   * @throws InputException as {@link #read(Path)}, and for a selection that does not apply to the
   *     file (an output that does not exist, a network with several outputs and none chosen, a
   *     probability without a head, any selection on a circuit)
   */
  public static Model read(Path file, ModelSelection selection) {
    String ext = extension(file);
    if (ext.equals(".json") || ext.equals(".onnx")) {
      NetworkFile nf = ext.equals(".json") ? ReluJsonFormat.readNetwork(file)
          : OnnxFormat.read(file);
      return select(Sources.name(file), nf, selection);
    }
    if (selection.output().isPresent()) {
      throw InputException.setting("output", "applies to networks; "
          + Sources.name(file) + " is a circuit with one output");
    }
    if (selection.headUse().isPresent()) {
      throw InputException.setting("head", "applies to networks; "
          + Sources.name(file) + " is a circuit");
    }
    if (selection.threshold().isPresent() || selection.strict().isPresent()) {
      throw InputException.setting(selection.threshold().isPresent() ? "threshold"
          : "strictThreshold", "applies to networks; " + Sources.name(file)
          + " is a circuit, already a 0/1 classifier");
    }
    return readPlain(file);
  }

  /** The one-output model a selection makes of a network file. */
  public static Model select(String source, NetworkFile nf, ModelSelection selection) {
    FeedForwardNetwork net = nf.network();
    int k;
    if (selection.output().isPresent()) {
      k = selection.output().getAsInt();
      if (k < 1 || k > net.outputs()) {
        throw InputException.setting("output", k + " is out of range; " + source + " has "
            + net.outputs() + " output" + (net.outputs() == 1 ? "" : "s")
            + (net.outputs() == 1 ? " (1)" : " (1.." + net.outputs() + ")"));
      }
    } else if (net.outputs() > 1) {
      throw InputException.setting("output", "is needed: " + source + " has " + net.outputs()
          + " outputs; choose one with --output K, K in 1.." + net.outputs());
    } else {
      k = 1;
    }
    OptionalDouble t = selection.threshold().isPresent() ? selection.threshold() : nf.threshold();
    boolean strict = selection.strict().orElse(nf.strict());
    if (selection.strict().isPresent() && t.isEmpty()) {
      throw InputException.setting("strictThreshold", "needs a threshold; pass --threshold T"
          + " (" + source + " names none)");
    }
    HeadUse use = selection.headUse().orElse(HeadUse.LOGIT);
    if (use == HeadUse.PROBABILITY) {
      if (net.head() == OutputHead.NONE) {
        throw InputException.setting("head", "probability needs a Sigmoid or Softmax head; "
            + source + " has none (its outputs are scores)");
      }
      return net.probability(k, t, strict);
    }
    return net.logit(k, t, strict);
  }

  private static String extension(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
  }

  private static Model readPlain(Path file) {
    String ext = extension(file);
    return switch (ext) {
      case ".aag" -> AigerFormat.read(file);
      case ".cnf" -> DimacsFormat.read(file);
      case ".expr" -> ExprFormat.read(file);
      case ".nnf" -> NnfFormat.read(file);
      case ".aig" -> throw InputException.of(Sources.name(file), "binary AIGER (.aig) is not"
          + " supported; convert it with 'aigtoaig file.aig file.aag', or give one of " + ACCEPTED);
      case "" -> throw InputException.of(Sources.name(file), "the file name has no extension;"
          + " expected " + ACCEPTED);
      default -> throw InputException.of(Sources.name(file), "unknown model file extension '"
          + ext + "'; expected " + ACCEPTED);
    };
  }
}
