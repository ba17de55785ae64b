package xcert.solvers;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository's data/ folder (SATLIB instances) from a module's working directory. */
public final class TestData {

  private TestData() {}

  /** data/satlib, found in the working directory or one of its parents. */
  public static Path satlib() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("data/satlib"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new AssertionError("data/satlib not found above " + Path.of("").toAbsolutePath());
    }
    return dir.resolve("data/satlib");
  }
}
