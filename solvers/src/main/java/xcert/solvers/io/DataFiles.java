package xcert.solvers.io;

import java.nio.file.Files;
import java.nio.file.Path;
import xcert.solvers.errors.InputException;

/**
 * Finds the data shipped with xcert (data/satlib): under the folder named by the system property
 * {@code xcert.home} (the launcher sets it), else under the working directory or one of its parents,
 * so that a clean clone finds it from anywhere inside the checkout.
 */
public final class DataFiles {

  private DataFiles() {}

  /** The data/ folder of xcert; an {@link InputException} for "data" when there is none. */
  public static Path dataDir() {
    String home = System.getProperty("xcert.home");
    if (home != null && Files.isDirectory(Path.of(home, "data"))) {
      return Path.of(home, "data");
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("data/satlib"))) {
        return dir.resolve("data");
      }
    }
    throw InputException.of("data", "the data/ folder of xcert (SATLIB instances) was not found "
        + "under xcert.home or the working directory; run xcert from its checkout");
  }
}
