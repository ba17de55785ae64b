package xcert.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import picocli.CommandLine.Option;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.io.ModelFiles;
import xcert.solvers.io.ModelSelection;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.HeadUse;
import xcert.solvers.model.Model;
import xcert.solvers.notation.DistributionSpec;

/**
 * The options that turn a model file into the one-output model a command explains (a picocli mixin
 * of every command that takes {@code --model}): {@code --output K}, {@code --head},
 * {@code --threshold} and {@code --strict-threshold}, carried into a {@link ModelSelection} for
 * {@link ModelFiles#read(Path, ModelSelection)}, which refuses what does not apply to the file. On a
 * circuit {@code --output K} keeps its meaning: the circuit's K-th output.
 */
final class ModelOptions {

  @Option(names = "--model", required = true, paramLabel = "FILE",
      description = "the model: .aag (AIGER ASCII), .cnf (DIMACS), .expr (infix), .json (ReLU "
          + "network), .nnf (c2d/d4 compiled NNF) or .onnx (ONNX network)")
  Path file;

  @Option(names = "--output", paramLabel = "K",
      description = "which output to explain, 1-based: a network's output (needed when it has "
          + "several) or a circuit's (default 1)")
  Integer output;

  @Option(names = "--head", paramLabel = "logit|probability",
      description = "a network with a Sigmoid/Softmax head: explain the pre-head score (logit, "
          + "exact; the default) or the probability (float64, not exact)")
  String head;

  @Option(names = "--threshold", paramLabel = "T",
      description = "make the chosen output a classifier: label 1 when value >= T (replaces a "
          + "threshold in the file)")
  Double threshold;

  @Option(names = "--strict-threshold",
      description = "label 1 when value > T instead of >= T (scikit-learn: --threshold 0 "
          + "--strict-threshold on the logit)")
  boolean strictThreshold;

  /** The circuit output K (1-based; 1 when --output is not given). */
  int circuitOutput() {
    return output == null ? 1 : output;
  }

  /** The selection these options state; {@code --output} only when {@code withOutput}. */
  ModelSelection selection(boolean withOutput) {
    Optional<HeadUse> use = Optional.empty();
    if (head != null) {
      use = HeadUse.fromId(head.strip().toLowerCase(Locale.ROOT));
      if (use.isEmpty()) {
        throw InputException.of("--head", "'" + head + "' is not a head use; expected "
            + String.join(" or ", HeadUse.ids()));
      }
    }
    if (threshold != null && !Double.isFinite(threshold)) {
      throw InputException.of("--threshold", threshold + " is not finite; expected a number");
    }
    return new ModelSelection(withOutput && output != null ? OptionalInt.of(output)
        : OptionalInt.empty(), use, threshold == null ? OptionalDouble.empty()
        : OptionalDouble.of(threshold), strictThreshold ? Optional.of(true) : Optional.empty());
  }

  /**
   * Reads the model the options select. A network (.json, .onnx) gets the whole selection; a circuit
   * gets the selection without {@code --output} (the library refuses the rest) and then its
   * {@code --output K}-th output when {@code selectCircuitOutput}.
   */
  Model read(boolean selectCircuitOutput) {
    boolean network = isNetworkFile(file);
    Model model = ModelFiles.read(file, selection(network));
    if (!network && selectCircuitOutput && model instanceof Circuit c) {
      int k = circuitOutput();
      if (k < 1 || k > c.outputCount()) {
        throw InputException.of("--output", k + " is out of range; the circuit has "
            + c.outputCount() + " output(s)");
      }
      model = c.withOutput(k - 1);
    }
    return model;
  }

  /** True for the network formats, whose outputs a selection chooses. */
  static boolean isNetworkFile(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString()
        .toLowerCase(Locale.ROOT);
    return name.endsWith(".json") || name.endsWith(".onnx");
  }

  /**
   * The reference distribution of {@code --dist}, or, when none is given, the default uniform
   * distribution on {0,1}^d, which only fits an x in {0,1}^d: any other x is refused in one line
   * that names the value and the forms of {@code --dist}. (A circuit refuses such an x itself.)
   */
  static ReferenceDistribution distribution(String distSpec, Model model, double[] x) {
    int d = model.dimension();
    if (distSpec != null) {
      return DistributionSpec.parse("--dist", distSpec, d, Path.of("."));
    }
    if (!model.requiresBinaryInputs()) {
      requireBinary(x);
    }
    return ProductDistribution.uniform(d);
  }

  /** Refuses an x outside {0,1}^d where the default distribution (uniform on {0,1}^d) applies. */
  static void requireBinary(double[] x) {
    for (int i = 0; i < x.length; i++) {
      if (x[i] != 0.0 && x[i] != 1.0) {
        throw InputException.of("--x", "x_" + (i + 1) + " = " + number(x[i])
            + " is not in {0,1}, and without --dist the reference distribution is uniform on"
            + " {0,1}^" + x.length + "; pass --dist for real-valued inputs: csv:FILE (background"
            + " rows), point:r1,...,rd, product:FILE.json, conditional:FILE.csv or"
            + " bernoulli:p1,...,pd");
      }
    }
  }

  /** A number as the user wrote it, where that is an integer: 2 rather than 2.0. */
  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
