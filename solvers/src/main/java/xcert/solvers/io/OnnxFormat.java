package xcert.solvers.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import xcert.solvers.errors.InputException;
import xcert.solvers.onnx.OnnxNetworks;

/**
 * Reads a feed-forward ReLU network from an ONNX file (the subset {@link OnnxNetworks} describes).
 * ONNX files carry no classifier threshold.
 */
public final class OnnxFormat {

  private OnnxFormat() {}

  /**
   * Reads a network from an ONNX file.
   *
   * @throws InputException for a missing or unreadable file, a file that is not ONNX, or a graph
   *     outside the supported subset (naming the operator and the node)
   */
  public static NetworkFile read(Path file) {
    String source = Sources.name(file);
    if (Files.isDirectory(file)) {
      throw InputException.of(source, "is a directory, expected a file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw InputException.of(source, "file not found");
    } catch (java.nio.file.AccessDeniedException e) {
      throw InputException.of(source, "cannot read: permission denied");
    } catch (IOException e) {
      throw InputException.of(source, "cannot read: " + LineReader.oneLine(e));
    }
    return new NetworkFile(OnnxNetworks.parse(source, bytes), OptionalDouble.empty(), false);
  }
}
