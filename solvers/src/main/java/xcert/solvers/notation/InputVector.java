package xcert.solvers.notation;

import xcert.solvers.errors.Excerpt;
import xcert.solvers.errors.InputException;
import java.util.regex.Pattern;

/**
 * The written form of an input x whose explanation is asked for (seed 004 Section 2: f_S(x) for a
 * model f and an input x; the point x0 of the explainers of seed 000 Definition 1). Either a bit
 * string such as {@code 1011} (only 0 and 1, exactly d characters, x1 first) or d comma-separated
 * numbers such as {@code 0.5,-1,2}. A text of only 0s
 * and 1s without a comma is always a bit string (for d = 1 write a number such as 10 as
 * {@code 10.0}).
 */
public final class InputVector {

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

  private InputVector() {}

  /**
   * Parses an input of d features; entry i of the result is feature i+1.
   *
   * @param where what errors name (an option such as "--x", or a file and line)
   *
   * @throws InputException when the text is not d bits or d numbers
   */
  public static double[] parse(String where, String text, int d) {
    if (text == null || text.isBlank()) {
      throw InputException.of(where, "empty; expected a bit string of length d=" + d
          + " (such as 1011 for d=4) or " + d + " comma-separated numbers");
    }
    String t = text.strip();
    if (t.indexOf(',') < 0 && t.chars().allMatch(c -> c == '0' || c == '1')) {
      if (t.length() != d) {
        throw InputException.of(where, "the bit string has length " + t.length()
            + ", expected d=" + d);
      }
      double[] x = new double[d];
      for (int i = 0; i < d; i++) {
        x[i] = t.charAt(i) == '1' ? 1.0 : 0.0;
      }
      return x;
    }
    String[] parts = t.split(",", -1);
    if (parts.length == 1 && d != 1) {
      throw InputException.of(where, quote(t) + " is neither a bit string (only 0 and 1)"
          + " nor a list of numbers; expected " + d + " bits or " + d
          + " comma-separated numbers");
    }
    if (parts.length != d) {
      throw InputException.of(where, parts.length + " numbers given, expected d=" + d);
    }
    double[] x = new double[d];
    for (int i = 0; i < d; i++) {
      String v = parts[i].strip();
      if (!NUMBER.matcher(v).matches()) {
        throw InputException.of(where, "value " + (i + 1) + " is "
            + (v.isEmpty() ? "empty" : quote(v)) + ", expected a number");
      }
      x[i] = Double.parseDouble(v);
      if (!Double.isFinite(x[i])) {
        throw InputException.of(where, "value " + (i + 1) + " is " + Excerpt.show(v)
            + ", which overflows a double; expected a finite number");
      }
      if (x[i] == 0 && v.replaceFirst("[eE].*$", "").chars().anyMatch(c -> c >= '1' && c <= '9')) {
        throw InputException.of(where, "value " + (i + 1) + " is " + Excerpt.show(v)
            + ", which underflows a double to 0; expected 0 or a number at least 4.9e-324 in"
            + " magnitude");
      }
    }
    return x;
  }

  private static String quote(String token) {
    return xcert.solvers.errors.Excerpt.quote(token);
  }
}
