package xcert.solvers.setfunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.errors.TooLargeException;

/** Exact set functions: the BigInteger fallback on overflow, exact thresholds, closures, refusals. */
class ExactSetFunctionTest {

  @Test
  void overflowFallsBackToBigIntegersWithoutRounding() {
    long big = Long.MAX_VALUE / 2 + 7;
    ExactSetFunction f = ExactSetFunction.ofLongs(1, new long[] {big, -big}, BigInteger.ONE);
    SetFunction sq = SetFunctions.distanceFrom(f, 0, Rho.SQUARED);
    // (big − (−big))² overflows a long; the exact value is (2·big)²
    BigInteger twice = BigInteger.valueOf(big).shiftLeft(1);
    assertEquals(BigFraction.of(twice.multiply(twice)), sq.exactAt(1));
    assertFalse(((ExactSetFunction) sq).hasLongNumerators());
    assertEquals(BigFraction.ZERO, sq.exactAt(0));
  }

  @Test
  void thresholdsAreExactAtTheBoundary() {
    // values 1/3 and 1/3 + 1/3·10^-30 differ by far less than a double's resolution
    BigInteger den = BigInteger.TEN.pow(30).multiply(BigInteger.valueOf(3));
    ExactSetFunction f = ExactSetFunction.ofBig(1, new BigInteger[] {BigInteger.TEN.pow(30),
        BigInteger.TEN.pow(30).add(BigInteger.ONE)}, den);
    BigFraction third = BigFraction.of(1, 3);
    assertTrue(f.atMost(third).test(0));
    assertFalse(f.atMost(third).test(1));
    assertTrue(f.atLeast(third).test(1));
    assertTrue(f.atLeast(third).test(0));
    assertEquals(-1, f.compare(0, 1));
    assertEquals(f.doubleAt(0), f.doubleAt(1)); // the doubles cannot tell them apart
  }

  @Test
  void negativeThresholds() {
    ExactSetFunction f = ExactSetFunction.ofLongs(1, new long[] {-3, -1}, BigInteger.valueOf(4));
    assertTrue(f.atMost(BigFraction.of(-1, 2)).test(0)); // −3/4 ≤ −1/2
    assertFalse(f.atMost(BigFraction.of(-1, 2)).test(1)); // −1/4 > −1/2
    assertTrue(f.atLeast(BigFraction.of(-1, 4)).test(1));
    assertFalse(f.atLeast(BigFraction.of(-1, 4)).test(0));
  }

  @Test
  void closuresTakeTheBestSupersetAndSubset() {
    // d = 2: g(∅) = 1, g({1}) = 5, g({2}) = 2, g({1,2}) = 3
    ExactSetFunction g = ExactSetFunction.ofLongs(2, new long[] {1, 5, 2, 3}, BigInteger.ONE);
    SetFunction up = Closures.maxOverSupersets(g);
    assertEquals(BigFraction.of(5), up.exactAt(0));
    assertEquals(BigFraction.of(5), up.exactAt(1));
    assertEquals(BigFraction.of(3), up.exactAt(2));
    assertEquals(BigFraction.of(3), up.exactAt(3));
    SetFunction down = Closures.minOverSubsets(g);
    assertEquals(BigFraction.ONE, down.exactAt(3));
    assertEquals(BigFraction.ONE, down.exactAt(2));
  }

  @Test
  void ofFractionsUsesTheLeastCommonDenominator() {
    ExactSetFunction f = ExactSetFunction.ofFractions(1,
        new BigFraction[] {BigFraction.of(1, 6), BigFraction.of(-3, 4)});
    assertEquals(BigInteger.valueOf(12), f.denominator());
    assertEquals(BigFraction.of(-3, 4), f.exactAt(1));
  }

  @Test
  void tooLargeTablesAreRefusedWithTheirSize() {
    TooLargeException e = assertThrows(TooLargeException.class,
        () -> Subsets.checkTableDimension(31));
    assertTrue(e.getMessage().contains("2^31"), e.getMessage());
    TooLargeException m = assertThrows(TooLargeException.class,
        () -> MemoryBudget.require(Long.MAX_VALUE / 2, "a test table"));
    assertTrue(m.getMessage().startsWith("a test table needs"), m.getMessage());
  }
}
