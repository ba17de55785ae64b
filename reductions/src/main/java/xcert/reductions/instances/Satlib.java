package xcert.reductions.instances;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import xcert.solvers.errors.InputException;

/**
 * The SATLIB instances shipped with xcert (data/satlib: uf20-91, uf50-218, uuf50-218), found under
 * the folder named by the system property {@code xcert.home}, else under the working directory or one
 * of its parents.
 */
public final class Satlib {

  /** The three families, satisfiable first. */
  public static final List<String> FAMILIES = List.of("uf20-91", "uf50-218", "uuf50-218");

  private Satlib() {}

  /** The data/satlib folder. */
  public static Path dir() {
    String home = System.getProperty("xcert.home");
    if (home != null && Files.isDirectory(Path.of(home, "data"))) {
      return Path.of(home, "data", "satlib");
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("data/satlib"))) {
        return dir.resolve("data/satlib");
      }
    }
    throw InputException.of("data", "the data/ folder of xcert (SATLIB instances) was not found "
        + "under xcert.home or the working directory; run xcert from its checkout");
  }

  /** The .cnf files of one family, sorted by name. */
  public static List<Path> family(String name) {
    return cnfs(dir().resolve(name));
  }

  /** The .cnf files of a folder, sorted by name. */
  public static List<Path> cnfs(Path folder) {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.toString().endsWith(".cnf")).sorted().toList();
    } catch (IOException e) {
      throw InputException.of(folder.toString(), "cannot list: " + e.getMessage());
    }
  }
}
