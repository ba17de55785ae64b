package xcert.solvers.errors;

/**
 * How error messages show text the user gave: offending tokens cut to a readable length (one rule for
 * every reader and option), and numbers checked to be written in ASCII digits.
 */
public final class Excerpt {

  /** Most characters of a token a message shows before cutting it. */
  public static final int MAX_SHOWN = 40;

  private Excerpt() {}

  /**
   * The token in single quotes; a token longer than {@link #MAX_SHOWN} characters is cut to its first
   * {@link #MAX_SHOWN} and followed by its length, e.g. {@code 'aaaa…aaaa...' (2000000 characters)}.
   * Control characters are shown as {@code \}{@code uXXXX} so that the message stays one line.
   */
  public static String quote(String token) {
    return "'" + cut(token) + "'" + (token.length() > MAX_SHOWN
        ? " (" + token.length() + " characters)" : "");
  }

  /** The token in double quotes (a JSON key or string), cut as {@link #quote} cuts it. */
  public static String quoteJson(String token) {
    return "\"" + cut(token) + "\"" + (token.length() > MAX_SHOWN
        ? " (" + token.length() + " characters)" : "");
  }

  /**
   * The token without quotes (a number the message names), cut as {@link #quote} cuts it:
   * {@code 123456…(2000000 characters)}.
   */
  public static String show(String token) {
    return cut(token) + (token.length() > MAX_SHOWN ? " (" + token.length() + " characters)" : "");
  }

  /** The token cut as {@link #quote} cuts it, without quotes or length. */
  public static String cut(String token) {
    String t = token.length() > MAX_SHOWN ? token.substring(0, MAX_SHOWN) : token;
    StringBuilder sb = new StringBuilder(t.length() + 3);
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        sb.append(String.format("\\u%04X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return token.length() > MAX_SHOWN ? sb.append("...").toString() : sb.toString();
  }

  /** The index of the first character of the text that is not ASCII, or -1 when there is none. */
  public static int firstNonAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7F) {
        return i;
      }
    }
    return -1;
  }
}
