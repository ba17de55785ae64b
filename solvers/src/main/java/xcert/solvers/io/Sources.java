package xcert.solvers.io;

import xcert.solvers.errors.InputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.BiFunction;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.num.Rationals;

/** Opening files for the readers, with every failure turned into a one-line {@link InputException}. */
final class Sources {
  private Sources() {}

  /** The name errors use for a file: the path as the user gave it. */
  /** Something that writes text to a Writer. */
  @FunctionalInterface
  interface WriteAction {
    void writeTo(java.io.Writer out) throws java.io.IOException;
  }

  /** The text a writer action produces (writing to memory cannot fail). */
  static String render(WriteAction action) {
    java.io.StringWriter w = new java.io.StringWriter();
    try {
      action.writeTo(w);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return w.toString();
  }

  /** Runs a writer action on a UTF-8 file. */
  static void toFile(Path file, WriteAction action) throws java.io.IOException {
    try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(file,
        java.nio.charset.StandardCharsets.UTF_8)) {
      action.writeTo(w);
    }
  }

  static String name(Path p) {
    return p.toString();
  }

  /** Opens p as UTF-8 text and applies the reader; the file is closed afterwards. */
  static <T> T read(Path p, BiFunction<String, Reader, T> reader) {
    String name = name(p);
    if (Files.isDirectory(p)) {
      throw new InputException(name, 0, 0, "is a directory, expected a file");
    }
    Reader r;
    try {
      r = new InputStreamReader(Files.newInputStream(p), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InputException(name, 0, 0, "file not found");
    } catch (AccessDeniedException e) {
      throw new InputException(name, 0, 0, "cannot read: permission denied");
    } catch (IOException e) {
      throw new InputException(name, 0, 0, "cannot read: " + LineReader.oneLine(e));
    }
    try (Reader in = r) {
      return reader.apply(name, in);
    } catch (IOException e) {
      throw new InputException(name, 0, 0, "cannot read: " + LineReader.oneLine(e));
    }
  }

  /**
   * {@link Rationals#parse(String)} with a bound on decimal exponents, so that text such as
   * {@code 1e-999999999} is refused instead of computing 10^999999999.
   */
  static BigFraction rational(String text) {
    String t = text.trim();
    if (t.indexOf('/') < 0 && (t.indexOf('e') >= 0 || t.indexOf('E') >= 0)) {
      BigDecimal v;
      try {
        v = new BigDecimal(t);
      } catch (NumberFormatException e) {
        throw new NumberFormatException("'" + text + "' is not a number");
      }
      if (Math.abs((long) v.scale()) > 10_000) {
        throw new NumberFormatException("'" + text + "' has an exponent beyond ±10000");
      }
    }
    return Rationals.parse(t);
  }

  /** A short rendering of a token for messages. */
  static String quote(String token) {
    String t = token.length() > 40 ? token.substring(0, 37) + "..." : token;
    return "'" + t + "'";
  }
}
