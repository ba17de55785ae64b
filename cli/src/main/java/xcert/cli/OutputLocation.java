package xcert.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import xcert.solvers.errors.InputException;

/**
 * The output folders of the commands ({@code --out} of certify, reduce and reproduce), checked before
 * any long work starts: a run never computes for minutes and then fails to write.
 */
final class OutputLocation {

  private OutputLocation() {}

  /**
   * Refuses, naming {@code option}, a {@code dir} that cannot be a writable folder: a regular file,
   * a folder that cannot be written, or a path under which no folder can be created (a file on the
   * way, {@code /proc}, a read-only file system). A missing folder is not created here; a probe is
   * created and removed in the nearest folder that exists. Each of {@code fileNames} the command
   * will write into {@code dir} must not be a folder there.
   *
   * @throws InputException with one line: the option, the path and why it cannot be written
   */
  static void checkWritableDirectory(String option, Path dir, String... fileNames) {
    if (Files.isDirectory(dir)) {
      probe(option, dir, dir, false);
      for (String name : fileNames) {
        Path f = dir.resolve(name);
        if (Files.isDirectory(f)) {
          throw InputException.of(option, f + " is a folder, but xcert writes a file of that name "
              + "there; remove or rename it, or give another folder");
        }
        if (Files.exists(f) && !Files.isWritable(f)) {
          throw InputException.of(option, f + " exists and cannot be overwritten (permission "
              + "denied)");
        }
      }
      return;
    }
    if (Files.exists(dir)) {
      throw InputException.of(option, dir + " is a file, not a folder; expected a folder "
          + "(created if absent)");
    }
    Path abs = dir.toAbsolutePath().normalize();
    Path existing = abs.getParent();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      throw InputException.of(option, "cannot create the folder " + dir + ": no part of the path "
          + "exists");
    }
    if (!Files.isDirectory(existing)) {
      throw InputException.of(option, "cannot create the folder " + dir + ": " + existing
          + " is a file, not a folder");
    }
    probe(option, dir, existing, true);
  }

  /** Creates and removes a file (or, for a folder still to be made, a folder) in {@code where}. */
  private static void probe(String option, Path dir, Path where, boolean create) {
    Path p = null;
    try {
      p = create ? Files.createTempDirectory(where, ".xcert-probe-")
          : Files.createTempFile(where, ".xcert-probe-", ".tmp");
    } catch (IOException | SecurityException e) {
      String why = e instanceof IOException io ? Main.why(io) : "permission denied";
      throw InputException.of(option, create
          ? "cannot create the folder " + dir + ": " + where + " does not accept new folders ("
              + why + ")"
          : "cannot write into the folder " + dir + ": it does not accept new files (" + why + ")");
    } finally {
      if (p != null) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // the probe is empty and hidden; leaving it is harmless
        }
      }
    }
  }
}
