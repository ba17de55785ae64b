package xcert.certificates.problem;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.errors.InputException;
import xcert.solvers.num.RationalSize;
import xcert.solvers.num.RationalSizeException;
import xcert.solvers.limits.SizePolicy;
import xcert.solvers.num.Rationals;

/**
 * Reads a {@link MultilinearPolynomial} as users write one, for the multilinear models of seed 002
 * (You et al., "Sum-of-Parts Models", Section 2.1 and Theorems 1–2: products and sums of products of
 * features).
 *
 * <pre>
 *   x1*x2 + 2*x2*x3*x4
 *   -1/2*x1*x3 + 3
 *   0.25 * x2 - x1
 * </pre>
 *
 * <p>Grammar: a polynomial is terms joined by {@code +} or {@code -}, the first optionally signed; a
 * term is factors joined by {@code *}; a factor is a variable {@code x1}, {@code x12}, … (1-based, no
 * space between {@code x} and the index) or a number: an integer {@code 3}, a decimal {@code 0.25} or a
 * fraction {@code 3/4}, all read exactly (0.1 is 1/10). A term may have no number (coefficient 1), no
 * variable (a constant) or several numbers (multiplied). Spaces, tabs and line breaks may stand between
 * any two tokens. Like terms are merged, so {@code x1 - x1} is the zero polynomial, which is written
 * {@code 0}. With d = -1 the dimension is the largest index written, even in a term whose coefficient
 * comes to zero ({@code 0*x5} declares five variables).
 *
 * <p>Errors are {@link InputException}s naming the line and column (1-based, line 1 for a one-line
 * text) of the offending token: an unexpected character, a variable repeated within a term (the
 * polynomial must be multilinear), {@code x0}, an index above d, a missing operand, an empty text.
 */
public final class PolynomialParser {

  private static final String EXAMPLE = "e.g. x1*x2 + 2*x2*x3*x4 or -1/2*x1*x3 + 3";

  private final String source;
  private final String text;
  private final int d;
  private int pos;
  private int largest;

  private PolynomialParser(String source, String text, int d) {
    this.source = source;
    this.text = text;
    this.d = d;
  }

  /**
   * Parses a polynomial.
   *
   * @param source what to name in errors: a file or an option such as {@code --poly}
   * @param d the number of variables, or -1 to take the largest index used
   * @throws InputException for a syntax error or an index outside 1..d
   * @throws IllegalArgumentException when d is outside -1..62
   */
  public static MultilinearPolynomial parse(String source, String text, int d) {
    if (d < -1 || d > MultilinearPolynomial.MAX_DIMENSION) {
      throw new IllegalArgumentException("d must be in 0.." + MultilinearPolynomial.MAX_DIMENSION
          + " (or -1), is " + d);
    }
    return new PolynomialParser(source, text, d).polynomial();
  }

  private MultilinearPolynomial polynomial() {
    MultilinearPolynomial.Builder b = new MultilinearPolynomial.Builder();
    skipSpaces();
    if (pos == text.length()) {
      throw error(pos, "empty polynomial; expected terms such as " + EXAMPLE);
    }
    boolean negative = false;
    char c = text.charAt(pos);
    if (c == '+' || c == '-') {
      negative = c == '-';
      pos++;
      skipSpaces();
    }
    term(b, negative);
    while (true) {
      skipSpaces();
      if (pos == text.length()) {
        break;
      }
      c = text.charAt(pos);
      if (c != '+' && c != '-') {
        throw error(pos, "unexpected " + describe(pos) + " after a term; expected '*', '+', '-'"
            + " or the end");
      }
      pos++;
      skipSpaces();
      term(b, c == '-');
    }
    return b.build(d >= 0 ? d : largest);
  }

  /** Reads one term at pos (after its sign, if any) into b. */
  private void term(MultilinearPolynomial.Builder b, boolean negative) {
    BigFraction coefficient = BigFraction.ONE;
    long mask = 0;
    while (true) {
      skipSpaces();
      if (pos == text.length() || !startsFactor(text.charAt(pos))) {
        int after = previousToken();
        boolean operatorHere = pos == text.length() || "+-*/".indexOf(text.charAt(pos)) >= 0;
        if (after < 0) {
          throw error(pos, "unexpected " + describe(pos) + " at the start; expected a number or a"
              + " variable such as x1");
        }
        throw error(pos, (operatorHere ? "missing operand" : "unexpected " + describe(pos))
            + " after '" + text.charAt(after) + "'" + (operatorHere ? " (found " + describe(pos)
            + ")" : "") + "; expected a number or a variable such as x1");
      }
      int start = pos;
      char c = text.charAt(pos);
      if (c == 'x') {
        int i = variable();
        long bit = 1L << (i - 1);
        if ((mask & bit) != 0) {
          throw error(start, "x" + i + " appears twice in one term; a multilinear polynomial has"
              + " each variable at most once per term (x" + i + "*x" + i + " is not multilinear)");
        }
        mask |= bit;
      } else {
        coefficient = coefficient.multiply(number());
      }
      skipSpaces();
      if (pos < text.length() && text.charAt(pos) == '*') {
        pos++;
        continue;
      }
      if (pos < text.length() && text.charAt(pos) == '/') {
        throw error(pos, "'/' must follow a number: fractions are written 3/4 (found after "
            + text.substring(start, trimEnd(start, pos)) + ")");
      }
      if (pos < text.length() && (text.charAt(pos) == 'x' || isDigit(text.charAt(pos)))) {
        throw error(pos, "missing '*' before " + describe(pos) + "; write products as 2*x1*x3");
      }
      break;
    }
    b.add(mask, negative ? coefficient.negate() : coefficient);
  }

  private static boolean startsFactor(char c) {
    return c == 'x' || isDigit(c);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Reads {@code x<index>} at pos; returns the index, checked against 1..d. */
  private int variable() {
    int start = pos;
    pos++; // 'x'
    int digits = pos;
    while (pos < text.length() && isDigit(text.charAt(pos))) {
      pos++;
    }
    if (digits == pos) {
      throw error(start, "'x' must be followed by a variable index such as x1 (found "
          + describe(digits) + ")");
    }
    String idx = text.substring(digits, pos);
    String name = "x" + idx;
    BigInteger value = new BigInteger(idx);
    if (value.signum() == 0) {
      throw error(start, name + " is not a variable; variables are numbered from x1");
    }
    if (d >= 0 && value.compareTo(BigInteger.valueOf(d)) > 0) {
      throw error(start, name + " is beyond d = " + d + "; expected "
          + (d == 0 ? "no variables" : d == 1 ? "x1" : "x1..x" + d));
    }
    if (value.compareTo(BigInteger.valueOf(MultilinearPolynomial.MAX_DIMENSION)) > 0) {
      throw error(start, name + " is beyond x" + MultilinearPolynomial.MAX_DIMENSION
          + ", the most variables a polynomial may have");
    }
    largest = Math.max(largest, value.intValue());
    return value.intValue();
  }

  /**
   * Reads an integer, a decimal or a fraction at pos, exactly; one whose numerator or denominator
   * exceeds the size policy's bound ({@link SizePolicy#MAX_RATIONAL_BITS}) is refused at its column.
   */
  private BigFraction number() {
    int start = pos;
    try {
      return unboundedNumber();
    } catch (RationalSizeException e) {
      throw error(start, e.getMessage());
    }
  }

  private BigFraction unboundedNumber() {
    int start = pos;
    digits("a number");
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      if (pos == text.length() || !isDigit(text.charAt(pos))) {
        throw error(pos, "expected digits after the decimal point, found " + describe(pos));
      }
      digits("digits");
    }
    String literal = text.substring(start, pos);
    int save = pos;
    skipSpaces();
    if (pos < text.length() && text.charAt(pos) == '/') {
      if (literal.indexOf('.') >= 0) {
        throw error(pos, "a fraction takes integers (3/4), not the decimal " + literal);
      }
      int slash = pos;
      pos++;
      skipSpaces();
      if (pos == text.length() || !isDigit(text.charAt(pos))) {
        throw error(pos, "missing operand after '/': found " + describe(pos)
            + "; expected an integer denominator such as 3/4");
      }
      int denStart = pos;
      digits("a denominator");
      String den = text.substring(denStart, pos);
      String size = RationalSize.digitsProblem("denominator", den);
      if (size != null) {
        throw new RationalSizeException(size);
      }
      if (new BigInteger(den).signum() == 0) {
        throw error(denStart, "zero denominator in " + literal + "/" + den);
      }
      if (pos < text.length() && text.charAt(pos) == '.') {
        throw error(pos, "a fraction takes integers (3/4); found a decimal after '/' at column "
            + column(slash));
      }
      return Rationals.parse(literal + "/" + den);
    }
    pos = save;
    return Rationals.parse(literal);
  }

  private void digits(String what) {
    int start = pos;
    while (pos < text.length() && isDigit(text.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw error(pos, "expected " + what + ", found " + describe(pos));
    }
  }

  private void skipSpaces() {
    while (pos < text.length() && isSpace(text.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
  }

  /** The position of the last non-space character before pos, or -1. */
  private int previousToken() {
    int p = pos - 1;
    while (p >= 0 && isSpace(text.charAt(p))) {
      p--;
    }
    return p;
  }

  private int trimEnd(int start, int end) {
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  /** "'y'", "the end", "a line break". */
  private String describe(int p) {
    if (p >= text.length()) {
      return "the end";
    }
    char c = text.charAt(p);
    if (c == '\n' || c == '\r') {
      return "a line break";
    }
    if (c < ' ' || c == 127) {
      return String.format("the control character U+%04X", (int) c);
    }
    return "'" + c + "'";
  }

  private int line(int p) {
    int line = 1;
    for (int i = 0; i < p && i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
      }
    }
    return line;
  }

  private int column(int p) {
    int start = p;
    while (start > 0 && text.charAt(start - 1) != '\n' && text.charAt(start - 1) != '\r') {
      start--;
    }
    return p - start + 1;
  }

  private InputException error(int p, String problem) {
    return new InputException(source, line(p), column(p), problem);
  }
}
