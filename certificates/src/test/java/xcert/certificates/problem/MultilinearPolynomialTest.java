package xcert.certificates.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

class MultilinearPolynomialTest {

  private static BigFraction q(long n, long d) {
    return BigFraction.of(n, d);
  }

  private static BigFraction[] xs(BigFraction... v) {
    return v;
  }

  @Test
  void evaluatesByHand() {
    // f = x1*x2 + 2*x2*x3 - 1/2*x1 + 5 at x = (1, 1/2, 3): 1/2 + 3 - 1/2 + 5 = 8
    MultilinearPolynomial f = new MultilinearPolynomial.Builder().add(0b011, q(1, 1))
        .add(0b110, q(2, 1)).add(0b001, q(-1, 2)).add(0, q(5, 1)).build(-1);
    assertEquals(3, f.dimension());
    assertEquals(q(8, 1), f.evaluate(xs(q(1, 1), q(1, 2), q(3, 1))));
    // at 0: the constant
    assertEquals(q(5, 1), f.evaluate(xs(q(0, 1), q(0, 1), q(0, 1))));
    // at (-2/3, 3, 1/7): -2 + 6/7 + 1/3 + 5 = 88/21
    assertEquals(q(88, 21), f.evaluate(xs(q(-2, 3), q(3, 1), q(1, 7))));
  }

  @Test
  void builderMergesLikeTermsAndDropsZeros() {
    MultilinearPolynomial f = new MultilinearPolynomial.Builder().add(0b11, q(1, 2))
        .add(0b11, q(1, 3)).add(0b100, q(1, 1)).add(0b100, q(-1, 1)).build(-1);
    assertEquals(Map.of(0b11L, q(5, 6)), f.terms());
    assertEquals(2, f.dimension()); // x3 cancelled, so the largest index used is 2
    assertEquals(q(0, 1), f.coefficient(0b100));
  }

  @Test
  void ofChecksTheDimension() {
    assertThrows(IllegalArgumentException.class,
        () -> MultilinearPolynomial.of(2, Map.of(0b100L, q(1, 1))));
    assertThrows(IllegalArgumentException.class,
        () -> MultilinearPolynomial.monomial(-1, 1L << 62, q(1, 1)));
    assertEquals(5, MultilinearPolynomial.of(5, Map.of(0b1L, q(1, 1))).dimension());
  }

  @Test
  void evaluateRefusesAWrongLength() {
    MultilinearPolynomial f = MultilinearPolynomial.monomial(3, 0b111, q(1, 1));
    assertThrows(IllegalArgumentException.class, () -> f.evaluate(xs(q(1, 1))));
  }

  @Test
  void equalityIsByTermsAndDimension() {
    MultilinearPolynomial a = MultilinearPolynomial.monomial(3, 0b11, q(2, 4));
    MultilinearPolynomial b = MultilinearPolynomial.monomial(3, 0b11, q(1, 2));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, MultilinearPolynomial.monomial(4, 0b11, q(1, 2)));
  }
}
