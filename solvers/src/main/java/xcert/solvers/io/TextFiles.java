package xcert.solvers.io;

import java.io.Reader;
import java.nio.file.Path;
import java.util.function.BiFunction;
import xcert.solvers.errors.InputException;

/**
 * Opening UTF-8 text files for readers outside this package, with the failures of this package's
 * readers: a missing or unreadable file, a directory, and bytes that are not UTF-8 (named by line and
 * byte offset) each end in one {@link InputException} line naming the file.
 */
public final class TextFiles {
  private TextFiles() {}

  /**
   * Applies {@code reader} to the file's name (as the user gave it) and its text; the file is closed
   * afterwards.
   *
   * @throws InputException when the file cannot be read or is not UTF-8
   */
  public static <T> T read(Path file, BiFunction<String, Reader, T> reader) {
    return Sources.read(file, reader);
  }

  /** The whole text of a UTF-8 file without a leading byte-order mark. */
  public static String readString(Path file) {
    return Sources.readString(file);
  }
}
