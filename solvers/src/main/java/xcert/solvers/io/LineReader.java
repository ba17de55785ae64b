package xcert.solvers.io;

import xcert.solvers.errors.InputException;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads text line by line, counting 1-based line numbers, accepting \n, \r\n and \r endings, dropping
 * a leading byte-order mark, and refusing a line longer than {@link Limits#MAX_LINE} before it is held
 * in memory.
 */
final class LineReader {
  private final String source;
  private final Reader in;
  private final char[] buf = new char[8192];
  private int pos;
  private int len;
  private int lineNumber;
  private boolean pendingCr;
  private boolean eof;

  LineReader(String source, Reader in) {
    this.source = source;
    this.in = in;
  }

  /** The number of the line last returned (0 before the first). */
  int lineNumber() {
    return lineNumber;
  }

  /** The next line without its terminator, or null at the end of the input. */
  String next() {
    if (eof) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    boolean any = false;
    while (true) {
      if (pos == len) {
        try {
          len = in.read(buf);
        } catch (IOException e) {
          throw new InputException(source, lineNumber + 1, 0, "cannot read: " + oneLine(e));
        }
        pos = 0;
        if (len <= 0) {
          len = 0;
          eof = true;
          if (!any) {
            return null;
          }
          return finish(sb);
        }
      }
      char c = buf[pos++];
      if (pendingCr) {
        pendingCr = false;
        if (c == '\n') {
          continue;
        }
      }
      if (c == '\n') {
        return finish(sb);
      }
      if (c == '\r') {
        pendingCr = true;
        return finish(sb);
      }
      any = true;
      if (sb.length() >= Limits.MAX_LINE) {
        throw Limits.tooLarge(source, lineNumber + 1, 0,
            "line is longer than " + Limits.MAX_LINE + " characters, the most xcert reads");
      }
      sb.append(c);
    }
  }

  private String finish(StringBuilder sb) {
    lineNumber++;
    if (lineNumber == 1 && sb.length() > 0 && sb.charAt(0) == '\uFEFF') {
      sb.deleteCharAt(0);
    }
    return sb.toString();
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl >= 0 ? m.substring(0, nl) : m;
  }
}
