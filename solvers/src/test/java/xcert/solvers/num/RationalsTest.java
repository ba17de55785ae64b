package xcert.solvers.num;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** Exact parsing and formatting, and the ordering of rationals that every exact check relies on. */
class RationalsTest {

  @Test
  void parsesDecimalsExactlyNotAsDoubles() {
    assertEquals(BigFraction.of(3, 10), Rationals.parse("0.3"));
    assertEquals(BigFraction.of(3, 8), Rationals.parse("3/8"));
    assertEquals(BigFraction.of(1, 1000), Rationals.parse("1e-3"));
    assertEquals(BigFraction.of(-7), Rationals.parse("-7"));
    assertTrue(Rationals.isDyadic(Rationals.parse("0.375")));
    assertFalse(Rationals.isDyadic(Rationals.parse("0.3")));
  }

  @Test
  void rejectsNonNumbers() {
    assertThrows(NumberFormatException.class, () -> Rationals.parse("abc"));
    assertThrows(NumberFormatException.class, () -> Rationals.parse("1/0"));
    assertThrows(NumberFormatException.class, () -> Rationals.parse(""));
  }

  /** 1e-999999999 would need a billion-digit denominator: refused before it is built. */
  @Test
  void refusesHugeDecimalExponents() {
    NumberFormatException e = assertThrows(NumberFormatException.class,
        () -> Rationals.parse("1e-999999999"));
    assertTrue(e.getMessage().contains("decimal exponent"), e.getMessage());
    assertEquals(BigFraction.of(java.math.BigInteger.TEN.pow(1000)), Rationals.parse("1e1000"));
  }

  @Test
  void formatsInLowestTerms() {
    assertEquals("3/8", Rationals.format(BigFraction.of(6, 16)));
    assertEquals("-1/2", Rationals.format(BigFraction.of(1, -2)));
    assertEquals("2", Rationals.format(BigFraction.of(4, 2)));
  }

  /**
   * commons-numbers-fraction 1.2 ordered two negative fractions by magnitude (−45/128 compared below
   * −221/128); 1.3 fixed it. Every exact comparison in xcert depends on this, so it is pinned here.
   */
  @Test
  void negativeFractionsOrderCorrectly() {
    assertTrue(BigFraction.of(-45, 128).compareTo(BigFraction.of(-221, 128)) > 0);
    assertTrue(BigFraction.of(-221, 128).compareTo(BigFraction.of(-45, 128)) < 0);
    assertTrue(BigFraction.of(1, -2).compareTo(BigFraction.of(-3, 4)) > 0);
    assertTrue(BigFraction.of(-1, 3).compareTo(BigFraction.of(-1, 3)) == 0);
  }
}
