package xcert.solvers.io;

import xcert.solvers.errors.Excerpt;
import xcert.solvers.errors.Excerpt;
import xcert.solvers.errors.InputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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

  /**
   * Opens p as UTF-8 text and applies the reader; the file is closed afterwards. Bytes that are not
   * UTF-8 end the read with one line naming the file, the line and the byte offset of the first one.
   */
  static <T> T read(Path p, BiFunction<String, Reader, T> reader) {
    String name = name(p);
    if (Files.isDirectory(p)) {
      throw new InputException(name, 0, 0, "is a directory, expected a file");
    }
    Reader r;
    try {
      r = new Utf8Reader(name, p, Files.newInputStream(p));
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

  /** The whole of p as UTF-8 text, without a leading byte-order mark; errors as {@link #read}. */
  static String readString(Path p) {
    return read(p, (name, in) -> {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[8192];
      try {
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
          if (sb.length() + n > Limits.MAX_TEXT) {
            throw Limits.tooLarge(name, 0, 0, "the file is longer than " + Limits.MAX_TEXT
                + " characters, the most xcert reads");
          }
          sb.append(buf, 0, n);
        }
      } catch (IOException e) {
        throw new InputException(name, 0, 0, "cannot read: " + LineReader.oneLine(e));
      }
      return sb.length() > 0 && sb.charAt(0) == '\uFEFF' ? sb.substring(1) : sb.toString();
    });
  }

  /** A strict UTF-8 reader whose decoding errors name the file, line and byte offset. */
  private static final class Utf8Reader extends java.io.FilterReader {
    private final String name;
    private final Path file;

    Utf8Reader(String name, Path file, java.io.InputStream in) {
      super(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)));
      this.name = name;
      this.file = file;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (CharacterCodingException e) {
        throw notUtf8(name, file);
      }
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      try {
        return super.read(cbuf, off, len);
      } catch (CharacterCodingException e) {
        throw notUtf8(name, file);
      }
    }
  }

  /**
   * The refusal of a file that is not UTF-8: scans it again to name the line and byte offset (0-based)
   * of the first byte that does not decode.
   */
  static InputException notUtf8(String name, Path file) {
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    byte[] buf = new byte[1 << 16];
    ByteBuffer bb = ByteBuffer.wrap(buf);
    bb.limit(0);
    CharBuffer cb = CharBuffer.allocate(1 << 16);
    long offset = 0;
    int line = 1;
    boolean cr = false;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      while (true) {
        bb.compact();
        int n = in.read(buf, bb.position(), bb.remaining());
        boolean eof = n < 0;
        if (!eof) {
          bb.position(bb.position() + n);
        }
        bb.flip();
        while (true) {
          int start = bb.position();
          CoderResult res = dec.decode(bb, cb, eof);
          for (int i = start; i < bb.position(); i++) {
            byte b = buf[i];
            if (b == '\n') {
              if (!cr) {
                line++;
              }
              cr = false;
            } else if (b == '\r') {
              line++;
              cr = true;
            } else {
              cr = false;
            }
            offset++;
          }
          cb.clear();
          if (res.isError()) {
            int bad = buf[bb.position()] & 0xFF;
            return new InputException(name, line, 0, String.format("byte 0x%02X at byte offset %d"
                + " is not UTF-8; expected UTF-8 text (save the file as UTF-8)", bad, offset));
          }
          if (!res.isOverflow()) {
            break;
          }
        }
        if (eof) {
          break;
        }
      }
    } catch (IOException e) {
      // fall through to the message without a place
    }
    return new InputException(name, 0, 0, "is not UTF-8 text; expected UTF-8 (save the file as"
        + " UTF-8)");
  }

  /** True when a decimal's text is zero ("0", "-0.00", "0e5"), so that a double of 0 is exact. */
  static boolean isZero(String text) {
    String t = text.strip();
    int e = Math.max(t.indexOf('e'), t.indexOf('E'));
    String mantissa = e >= 0 ? t.substring(0, e) : t;
    for (int i = 0; i < mantissa.length(); i++) {
      char c = mantissa.charAt(i);
      if (c >= '1' && c <= '9') {
        return false;
      }
    }
    return true;
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
        throw new NumberFormatException(Excerpt.quote(text) + " is not a number");
      }
      if (Math.abs((long) v.scale()) > 10_000) {
        throw new NumberFormatException(Excerpt.quote(text) + " has an exponent beyond ±10000");
      }
    }
    return Rationals.parse(t);
  }

  /** A short rendering of a token for messages. */
  static String quote(String token) {
    return xcert.solvers.errors.Excerpt.quote(token);
  }
}
