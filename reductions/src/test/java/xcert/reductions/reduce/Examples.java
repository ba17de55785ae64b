package xcert.reductions.reduce;

import java.nio.file.Files;
import java.nio.file.Path;

/** The examples/ folder of the checkout, found from the working directory upwards. */
final class Examples {

  private Examples() {}

  static Path file(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("examples").resolve(name))) {
        return dir.resolve("examples").resolve(name);
      }
    }
    throw new IllegalStateException("examples/" + name + " not found");
  }
}
