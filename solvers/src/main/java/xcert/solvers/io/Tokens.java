package xcert.solvers.io;

import java.util.ArrayList;
import java.util.List;

/** Whitespace-separated tokens of one line, each with its 1-based column. */
final class Tokens {
  private Tokens() {}

  /** One token and the column of its first character. */
  record Token(String text, int column) {}

  static List<Token> split(String line) {
    List<Token> out = new ArrayList<>();
    int n = line.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(line.charAt(i))) {
        i++;
      }
      if (i == n) {
        break;
      }
      int start = i;
      while (i < n && !isSpace(line.charAt(i))) {
        i++;
      }
      out.add(new Token(line.substring(start, i), start + 1));
    }
    return out;
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\u000B';
  }

  static boolean isBlank(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (!isSpace(line.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** True when the text is a non-empty run of ASCII digits. */
  static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The value of a run of digits, or Long.MAX_VALUE when it does not fit in a long. */
  static long digitsValue(String s) {
    int i = 0;
    while (i < s.length() - 1 && s.charAt(i) == '0') {
      i++;
    }
    if (s.length() - i > 18) {
      return Long.MAX_VALUE;
    }
    return Long.parseLong(s.substring(i));
  }
}
