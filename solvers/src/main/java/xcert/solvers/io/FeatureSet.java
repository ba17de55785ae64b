package xcert.solvers.io;

import xcert.solvers.errors.InputException;

/**
 * The command-line option {@code --set}: a set S ⊆ [d] of features (SPEC section 1: "S ⊆ [d]") as a
 * bit mask, bit i-1 for feature i. Written {@code 1,3,5}, with ranges {@code 2-4}, optionally in
 * braces ({@code {1,3,5}}, as {@link #format(long)} prints it), and {@code -} or {@code {}} for the
 * empty set. Indices are 1-based, in 1..d, each at most once. A mask holds features 1..64.
 */
public final class FeatureSet {

  /** The option name errors give. */
  public static final String OPTION = "--set";

  /** The most features a mask can hold. */
  public static final int MAX_FEATURE = 64;

  private FeatureSet() {}

  /**
   * Parses a set of features of a model with d features.
   *
   * @throws InputException for bad syntax, an index outside 1..d, a duplicate, or an index above 64
   */
  public static long parse(String text, int d) {
    if (text == null || text.isBlank()) {
      throw InputException.of(OPTION, "empty; expected features such as 1,3,5 or 2-4, or - for"
          + " the empty set");
    }
    String t = text.strip();
    if (t.startsWith("{") && t.endsWith("}")) {
      t = t.substring(1, t.length() - 1).strip();
      if (t.isEmpty()) {
        return 0L;
      }
    }
    if (t.equals("-")) {
      return 0L;
    }
    long mask = 0L;
    for (String part : t.split(",", -1)) {
      String p = part.strip();
      int dash = p.indexOf('-', 1);
      int lo;
      int hi;
      if (dash > 0) {
        lo = index(p.substring(0, dash).strip(), p, d);
        hi = index(p.substring(dash + 1).strip(), p, d);
        if (hi < lo) {
          throw InputException.of(OPTION, "the range " + Sources.quote(p) + " is empty; write it"
              + " low-high, e.g. " + hi + "-" + lo);
        }
      } else {
        lo = index(p, p, d);
        hi = lo;
      }
      for (int i = lo; i <= hi; i++) {
        long bit = 1L << (i - 1);
        if ((mask & bit) != 0) {
          throw InputException.of(OPTION, "feature " + i + " is listed twice; expected each"
              + " feature once");
        }
        mask |= bit;
      }
    }
    return mask;
  }

  private static int index(String s, String part, int d) {
    if (!Tokens.isDigits(s)) {
      throw InputException.of(OPTION, (s.isEmpty() ? "an empty entry" : Sources.quote(s)
          + " is not a feature index") + (s.equals(part) ? "" : " in " + Sources.quote(part))
          + "; expected features such as 1,3,5 or 2-4, or - for the empty set");
    }
    long i = Tokens.digitsValue(s);
    if (i < 1 || i > d) {
      throw InputException.of(OPTION, "feature " + s + " is out of range; expected indices in 1.."
          + d);
    }
    if (i > MAX_FEATURE) {
      throw InputException.of(OPTION, "feature " + s + " cannot be held in a set; sets hold"
          + " features 1.." + MAX_FEATURE);
    }
    return (int) i;
  }
}
