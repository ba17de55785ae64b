package xcert.solvers.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.num.RationalSize;
import xcert.solvers.errors.InputException;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.num.Rationals;

/** The one size policy: its bounds, the rational size bound and the cost estimate's refusals. */
class SizePolicyTest {

  @Test
  void countsOutsideTheirBoundAreRefusedNamingTheSetting() {
    InputException e = assertThrows(InputException.class,
        () -> SizePolicy.checkCount("samples", 2_147_483_648L, SizePolicy.MAX_EVALUATIONS,
            "samples"));
    assertEquals("samples", e.source());
    assertTrue(e.problem().startsWith("2147483648 is out of range; expected 1..10^9 samples"),
        e.problem());
    assertThrows(InputException.class, () -> SizePolicy.checkCount("rank", 0, 5, "rank"));
    SizePolicy.checkCount("samples", 1_000_000_000L, SizePolicy.MAX_EVALUATIONS, "samples");
  }

  @Test
  void rationalsAreBoundedInBitsOfNumeratorAndDenominator() {
    BigInteger atBound = BigInteger.ONE.shiftLeft(SizePolicy.MAX_RATIONAL_BITS).subtract(
        BigInteger.ONE);
    BigInteger beyond = BigInteger.ONE.shiftLeft(SizePolicy.MAX_RATIONAL_BITS);
    BigFraction ok = BigFraction.of(BigInteger.ONE, atBound);
    assertSame(ok, SizePolicy.checkRational("--alpha", ok));
    TooLargeException e = assertThrows(TooLargeException.class,
        () -> SizePolicy.checkRational("net.json:3", BigFraction.of(BigInteger.ONE, beyond)));
    assertEquals("net.json:3: the denominator has 4097 bits; exact rationals are read up to 4096 "
        + "bits (about 1233 decimal digits) each", e.getMessage());
    assertThrows(TooLargeException.class, () -> SizePolicy.checkRational("f", beyond.negate()));
  }

  @Test
  void theDigitBoundAgreesWithTheBitBound() {
    // the largest integer of MAX_RATIONAL_DIGITS digits fits in MAX_RATIONAL_BITS bits
    BigInteger nines = BigInteger.TEN.pow(SizePolicy.MAX_RATIONAL_DIGITS).subtract(BigInteger.ONE);
    assertTrue(nines.bitLength() <= SizePolicy.MAX_RATIONAL_BITS);
    assertTrue(BigInteger.TEN.pow(SizePolicy.MAX_RATIONAL_DIGITS + 1).bitLength()
        > SizePolicy.MAX_RATIONAL_BITS);
    // 10^-1000, the smallest decimal exponent read, is within the bound
    assertEquals(BigInteger.TEN.pow(1000), Rationals.parse("1e-1000").getDenominator());
  }

  @Test
  void rationalsReadFromTextAreRefusedByTheirDigitsBeforeParsing() {
    String den = "1" + "0".repeat(9_999);
    NumberFormatException e = assertThrows(NumberFormatException.class,
        () -> Rationals.parse("1/" + den));
    assertTrue(e.getMessage().startsWith("the denominator has 10000 digits"), e.getMessage());
    assertTrue(e.getMessage().length() < 200, "the token is not echoed");
    e = assertThrows(NumberFormatException.class,
        () -> Rationals.parse("0." + "3".repeat(2000)));
    assertTrue(e.getMessage().startsWith("the number has 2001 digits"), e.getMessage());
    // 1233 nines over 1: within the bound
    assertEquals(1233, Rationals.parse("9".repeat(1233)).getNumerator().toString().length());
  }

  @Test
  void anEstimateBeyondAnArrayIsRefusedFirst() {
    CostEstimate c = new CostEstimate("fit", 1e3, 8e10, 1e10, "the system");
    TooLargeException e = assertThrows(TooLargeException.class, c::require);
    assertEquals("fit: estimated about 1.0e+03 steps (seconds) and 74.5 GiB; the system would "
        + "have 1.0e+10 entries; a Java array holds at most 2^31", e.getMessage());
  }

  @Test
  void anEstimateBeyondTheWorkBoundIsRefusedWithItsTimeClass() {
    CostEstimate c = new CostEstimate("lime", 2.2e12 * 10, 1024, 10, "a sample");
    assertEquals("hours", c.timeClass());
    TooLargeException e = assertThrows(TooLargeException.class, c::require);
    assertTrue(e.getMessage().startsWith("lime: estimated about 2.2e+13 steps (hours) and 1.0 "
        + "KiB; runs are refused beyond 4e+12 steps"), e.getMessage());
  }

  @Test
  void anEstimateBeyondTheHeapIsRefusedWithTheFreeMemory() {
    // more bytes than any JVM heap: 2^62
    CostEstimate c = new CostEstimate("rde", 10, Math.pow(2, 62), 10, "rows");
    TooLargeException e = assertThrows(TooLargeException.class, c::require);
    assertTrue(e.getMessage().startsWith("rde: estimated about 1.0e+01 steps (seconds) and 4.0 "
        + "EiB; the JVM has "), e.getMessage());
  }

  @Test
  void timeClasses() {
    assertEquals("seconds", new CostEstimate("", 5e10, 0, 0, "").timeClass());
    assertEquals("minutes", new CostEstimate("", 6e11, 0, 0, "").timeClass());
    assertEquals("days or more", new CostEstimate("", 1e15, 0, 0, "").timeClass());
    assertNull(RationalSize.problem(BigInteger.ONE, BigInteger.TWO));
  }
}
