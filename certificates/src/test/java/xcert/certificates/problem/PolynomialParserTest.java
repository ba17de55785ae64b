package xcert.certificates.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.errors.InputException;

class PolynomialParserTest {

  private static MultilinearPolynomial parse(String text) {
    return PolynomialParser.parse("--poly", text, -1);
  }

  /** Terms written out by hand: mask (bit i = x_{i+1}) → coefficient. */
  private static Map<Long, BigFraction> terms(Object... maskAndCoefficient) {
    Map<Long, BigFraction> m = new LinkedHashMap<>();
    for (int i = 0; i < maskAndCoefficient.length; i += 2) {
      long mask = ((Number) maskAndCoefficient[i]).longValue();
      BigFraction c = (BigFraction) maskAndCoefficient[i + 1];
      m.put(mask, c);
    }
    return m;
  }

  private static BigFraction q(long n, long d) {
    return BigFraction.of(n, d);
  }

  private static void accepts(String text, int d, Map<Long, BigFraction> expected) {
    MultilinearPolynomial p = PolynomialParser.parse("--poly", text, -1);
    assertEquals(expected, Map.copyOf(p.terms()), text);
    assertEquals(d, p.dimension(), text);
  }

  @Test
  void theBriefExamples() {
    // x1*x2 + 2*x2*x3*x4: {1,2} = 0b11, {2,3,4} = 0b1110
    accepts("x1*x2 + 2*x2*x3*x4", 4, terms(0b11, q(1, 1), 0b1110, q(2, 1)));
    // -1/2*x1*x3 + 3: {1,3} = 0b101, constant = 0
    accepts("-1/2*x1*x3 + 3", 3, terms(0b101, q(-1, 2), 0, q(3, 1)));
    accepts("0.25 * x2", 2, terms(0b10, q(1, 4)));
  }

  @Test
  void spacingSignsAndNumberForms() {
    accepts("  x1  *  x3  ", 3, terms(0b101, q(1, 1)));
    accepts("x1*x3", 3, terms(0b101, q(1, 1)));
    accepts("+x1", 1, terms(0b1, q(1, 1)));
    accepts("-x1 - x2", 2, terms(0b1, q(-1, 1), 0b10, q(-1, 1)));
    accepts("3 / 4 * x2", 2, terms(0b10, q(3, 4)));
    accepts("x2 * 3/4", 2, terms(0b10, q(3, 4)));
    accepts("2*3*x1", 1, terms(0b1, q(6, 1)));
    accepts("0.1*x1", 1, terms(0b1, q(1, 10))); // exactly 1/10, not the double
    accepts("x12", 12, terms(1L << 11, q(1, 1)));
    accepts("x1\n + x2\t- 7", 2, terms(0b1, q(1, 1), 0b10, q(1, 1), 0, q(-7, 1)));
    accepts("007*x1", 1, terms(0b1, q(7, 1)));
  }

  @Test
  void likeTermsMergeAndZerosDrop() {
    // x2*x1 is the same monomial as x1*x2
    accepts("x1*x2 + x2*x1 - 1/2*x1*x2", 2, terms(0b11, q(3, 2)));
    accepts("x1 - x1 + x2", 2, terms(0b10, q(1, 1)));
    accepts("0*x5 + 1", 5, terms(0, q(1, 1))); // the largest index written
    MultilinearPolynomial zero = PolynomialParser.parse("--poly", "x1 - x1", 3);
    assertTrue(zero.isZero());
    assertEquals(3, zero.dimension());
    assertEquals("0", zero.toString());
    accepts("0", 0, terms());
    accepts("x1 - x1", 1, terms());
  }

  @Test
  void givenDimensionIsKept() {
    MultilinearPolynomial p = PolynomialParser.parse("--poly", "x1*x2", 5);
    assertEquals(5, p.dimension());
  }

  @Test
  void toStringIsTheInputSyntaxAndReadsBack() {
    MultilinearPolynomial p = parse("2*x2*x3*x4 + x1*x2 - 1/2*x1*x3 + 3 - x4");
    // constant first, then lexicographic index lists: x1*x2 < x1*x3 < x2*x3*x4 < x4
    assertEquals("3 + x1*x2 - 1/2*x1*x3 + 2*x2*x3*x4 - x4", p.toString());
    assertEquals(p, parse(p.toString()));
    assertEquals("-x1", parse("-x1").toString());
    assertEquals("-3/4", parse("-0.75").toString());
  }

  // ---------------------------------------------------------------- errors, each with its column

  private static void bad(String text, int d, int line, int column, String fragment) {
    InputException e = assertThrows(InputException.class,
        () -> PolynomialParser.parse("--poly", text, d), text);
    assertEquals("--poly", e.source());
    assertEquals(line, e.line(), () -> text + " → " + e.getMessage());
    assertEquals(column, e.column(), () -> text + " → " + e.getMessage());
    assertTrue(e.problem().contains(fragment), () -> "'" + fragment + "' not in " + e.getMessage());
  }

  @Test
  void unexpectedCharacters() {
    bad("x1 + y2", -1, 1, 6, "unexpected 'y'");
    bad("x1 ^ x2", -1, 1, 4, "unexpected '^'");
    bad("(x1)", -1, 1, 1, "unexpected '('");
    bad("x1 + X2", -1, 1, 6, "unexpected 'X'");
    bad("x1 x2", -1, 1, 4, "missing '*'");
    bad("2x1", -1, 1, 2, "missing '*'");
    bad("x 1", -1, 1, 1, "'x' must be followed by a variable index");
    bad("x1/2", -1, 1, 3, "'/' must follow a number");
    bad("1.5/2*x1", -1, 1, 4, "a fraction takes integers");
    bad("1.*x1", -1, 1, 3, "digits after the decimal point");
  }

  @Test
  void repeatedVariableIsNotMultilinear() {
    bad("x1*x2*x1", -1, 1, 7, "multilinear");
    bad("x3 + 2 * x2 * x2", -1, 1, 15, "x2 appears twice");
  }

  @Test
  void indicesOutOfRange() {
    bad("x0 + x1", -1, 1, 1, "numbered from x1");
    bad("x1*x00", -1, 1, 4, "numbered from x1");
    bad("x1 + x5", 4, 1, 6, "x5 is beyond d = 4");
    bad("x63", -1, 1, 1, "beyond x62");
    bad("x99999999999999999999", -1, 1, 1, "beyond x62");
  }

  @Test
  void emptyAndMissingOperands() {
    bad("", -1, 1, 1, "empty polynomial");
    bad("   ", -1, 1, 4, "empty polynomial");
    bad("x1 +", -1, 1, 5, "missing operand after '+'");
    bad("x1 + + x2", -1, 1, 6, "missing operand after '+'");
    bad("x1 * ", -1, 1, 6, "missing operand after '*'");
    bad("-", -1, 1, 2, "missing operand after '-'");
    bad("x1 - -x2", -1, 1, 6, "missing operand after '-'");
    bad("3/", -1, 1, 3, "missing operand after '/'");
    bad("3/0*x1", -1, 1, 3, "zero denominator");
    bad("* x1", -1, 1, 1, "unexpected '*' at the start");
  }

  @Test
  void errorsOnLaterLinesNameTheLine() {
    bad("x1 +\n  x2 * y", -1, 2, 8, "unexpected 'y'");
  }

  @Test
  void messagesCarryTheSourceAndPosition() {
    InputException e = assertThrows(InputException.class,
        () -> PolynomialParser.parse("f.poly", "x1 + x5", 4));
    assertEquals("f.poly:1:6: x5 is beyond d = 4; expected x1..x4", e.getMessage());
  }

  @Test
  void aCoefficientBeyondTheRationalSizeBoundIsRefusedAtItsColumn() {
    // issue 18: exact rationals read from input have a size bound (4096 bits, ~1233 digits)
    String den = "1" + "0".repeat(9_999);
    bad("x1 + 1/" + den + "*x2", -1, 1, 6, "the denominator has 10000 digits");
    bad("3*x1 + " + "7".repeat(2_000) + "*x2", -1, 1, 8, "the number has 2000 digits");
  }
}
