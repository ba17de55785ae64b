package xcert.spark.stream;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Stream;
import xcert.solvers.errors.InputException;
import xcert.solvers.io.ModelFiles;
import xcert.solvers.io.ModelSelection;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.HeadUse;
import xcert.solvers.model.Model;

/**
 * A model file as bytes with the choice of its output, which executors turn back into the model
 * ({@link ModelFiles#read(Path, ModelSelection)} on a copy of the file), since a {@link Model} is not
 * serializable.
 *
 * @param fileName the file's name (its extension names the format)
 * @param bytes the file's contents
 * @param output a network's output, 1-based, or null
 * @param headUse a network head's use (logit, probability), or null
 * @param threshold a classifier threshold, or null
 * @param strict the strict threshold rule, or null
 * @param circuitOutput a circuit's output, 1-based
 */
public record ModelSource(String fileName, byte[] bytes, Integer output, String headUse,
    Double threshold, Boolean strict, int circuitOutput) implements Serializable {

  private static final long serialVersionUID = 1L;

  public ModelSource {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The file as it is now, with the selection the command line made. */
  public static ModelSource of(Path file, ModelSelection selection, int circuitOutput) {
    byte[] b;
    try {
      b = Files.readAllBytes(file);
    } catch (IOException e) {
      throw InputException.of(file.toString(), "cannot read: " + e.getMessage());
    }
    return new ModelSource(file.getFileName().toString(), b,
        selection.output().isPresent() ? selection.output().getAsInt() : null,
        selection.headUse().map(HeadUse::id).orElse(null),
        selection.threshold().isPresent() ? selection.threshold().getAsDouble() : null,
        selection.strict().orElse(null), circuitOutput);
  }

  /** The selection as {@link ModelFiles} takes it. */
  public ModelSelection selection() {
    return new ModelSelection(output == null ? OptionalInt.empty() : OptionalInt.of(output),
        headUse == null ? Optional.empty() : HeadUse.fromId(headUse),
        threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold),
        Optional.ofNullable(strict));
  }

  /** The model: the file read from a private copy, then a circuit's output chosen. */
  public Model read() {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("xcert-model");
      Path copy = dir.resolve(fileName);
      Files.write(copy, bytes);
      Model m = ModelFiles.read(copy, selection());
      if (m instanceof Circuit c) {
        if (circuitOutput < 1 || circuitOutput > c.outputCount()) {
          throw InputException.setting("output", circuitOutput + " is out of range; the circuit "
              + "has " + c.outputCount() + " output(s)");
        }
        m = c.withOutput(circuitOutput - 1);
      }
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (dir != null) {
        try (Stream<Path> s = Files.walk(dir)) {
          s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
          // a temporary copy left behind is harmless
        }
      }
    }
  }

  /** What identifies the model: the name, the selection and a digest of the bytes. */
  String fingerprint() {
    return fileName + "|" + output + "|" + headUse + "|" + threshold + "|" + strict + "|"
        + circuitOutput + "|" + Arrays.hashCode(bytes) + "|" + bytes.length + "|"
        + java.util.Base64.getEncoder().encodeToString(bytes);
  }
}
