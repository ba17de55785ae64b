package xcert.certificates.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import xcert.certificates.problem.PolynomialProblems.Strategy;
import xcert.solvers.errors.TooLargeException;

/**
 * The fast targets c_S (term values over a common denominator, per-set sums or the subset-sum table)
 * against f evaluated at x_{−S} and x_S straight from Definitions 1 and 3 of seed 002.
 */
class PolynomialProblemsTest {

  private static final long SEED = 2_002L;

  private static BigFraction q(long n, long d) {
    return BigFraction.of(n, d);
  }

  /** f(x) − f(x_{−S}) or f(x_S) − f(0), by evaluating f. */
  static BigFraction direct(MultilinearPolynomial f, BigFraction[] x, ErrorKind kind, long s) {
    int d = x.length;
    long full = (1L << d) - 1;
    if (kind == ErrorKind.DELETION) {
      return f.evaluate(x).subtract(f.evaluate(RandomPolynomials.keepOnly(x, full & ~s)));
    }
    return f.evaluate(RandomPolynomials.keepOnly(x, s))
        .subtract(f.evaluate(RandomPolynomials.keepOnly(x, 0)));
  }

  @Test
  void handExample() {
    // f = x1*x2 + 2*x2*x3 - 1/2*x1 + 5 at x = (1, 1/2, 3); f(x) = 8, f(0) = 5
    MultilinearPolynomial f = PolynomialParser.parse("f", "x1*x2 + 2*x2*x3 - 1/2*x1 + 5", 3);
    BigFraction[] x = {q(1, 1), q(1, 2), q(3, 1)};
    AttributionProblem del = PolynomialProblems.of(f, x, ErrorKind.DELETION, SubsetFamily.all(3));
    AttributionProblem ins = PolynomialProblems.of(f, x, ErrorKind.INSERTION, SubsetFamily.all(3));
    assertEquals(q(0, 1), del.target(0b000));
    // delete x2: f(1,0,3) = -1/2 + 5 = 9/2, c = 8 - 9/2 = 7/2
    assertEquals(q(7, 2), del.target(0b010));
    // delete all: f(0) = 5, c = 3
    assertEquals(q(3, 1), del.target(0b111));
    // insert x1: f(1,0,0) = 9/2, c = -1/2
    assertEquals(q(-1, 2), ins.target(0b001));
    // insert x1, x2: f(1,1/2,0) = 1/2 - 1/2 + 5 = 5, c = 0
    assertEquals(q(0, 1), ins.target(0b011));
    // insert all: c = f(x) - f(0) = 3
    assertEquals(q(3, 1), ins.target(0b111));
    // the terms are 1/2, 3, -1/2 at x: common denominator 2
    assertEquals(BigInteger.TWO, ins.targetDenominator());
  }

  private record Case(long seed, int d, int terms, boolean booleanX) {
    MultilinearPolynomial f() {
      return RandomPolynomials.polynomial(seed, d, terms);
    }

    BigFraction[] x() {
      return booleanX ? RandomPolynomials.booleanInput(seed, d)
          : RandomPolynomials.rationalInput(seed, d);
    }
  }

  private static Gen<Case> cases(int maxD, int maxTerms) {
    return longs().between(0, 1_000_000).zip(integers().between(1, maxD),
        integers().between(0, maxTerms), booleans().all(),
        (s, d, t, b) -> new Case(s, d, t, b));
  }

  private static void everySetAgrees(Case c, Strategy strategy) {
    MultilinearPolynomial f = c.f();
    BigFraction[] x = c.x();
    for (ErrorKind kind : ErrorKind.values()) {
      AttributionProblem p = PolynomialProblems.of(f, x, kind, SubsetFamily.all(c.d()), strategy);
      for (long s = 0; s < 1L << c.d(); s++) {
        final long set = s;
        assertEquals(direct(f, x, kind, s), p.target(s),
            () -> c + " " + kind.word() + " f=" + f + " S=" + set);
      }
    }
  }

  @Test
  void perSetSumsEqualDirectEvaluation() {
    qt().withFixedSeed(SEED).withExamples(300).forAll(cases(10, 40))
        .checkAssert(c -> everySetAgrees(c, Strategy.TERMS));
  }

  @Test
  void subsetSumTableEqualsDirectEvaluation() {
    qt().withFixedSeed(SEED + 1).withExamples(300).forAll(cases(10, 40))
        .checkAssert(c -> everySetAgrees(c, Strategy.TABLE));
  }

  @Test
  void automaticChoiceEqualsDirectEvaluation() {
    // up to 80 terms, so that many cases take the table
    qt().withFixedSeed(SEED + 2).withExamples(200).forAll(cases(10, 80))
        .checkAssert(c -> everySetAgrees(c, Strategy.AUTO));
  }

  @Test
  void sparseFamiliesGiveTheSameTargets() {
    MultilinearPolynomial f = RandomPolynomials.polynomial(17, 8, 30);
    BigFraction[] x = RandomPolynomials.rationalInput(17, 8);
    SubsetFamily list = SubsetFamily.of(8, new long[] {0, 5, 77, 255});
    for (ErrorKind kind : ErrorKind.values()) {
      AttributionProblem p = PolynomialProblems.of(f, x, kind, list);
      for (long s : list.listed()) {
        assertEquals(direct(f, x, kind, s), p.target(s));
      }
    }
  }

  @Test
  void numeratorsThatFitAreExact() {
    // (2^62 - 1)*x1 + 2^62*x2: inserting both gives 2^63 - 1, the largest long
    long big = 1L << 62;
    MultilinearPolynomial f = new MultilinearPolynomial.Builder()
        .add(0b01, BigFraction.of(big - 1)).add(0b10, BigFraction.of(big)).build(2);
    BigFraction[] x = {BigFraction.ONE, BigFraction.ONE};
    AttributionProblem ins = PolynomialProblems.of(f, x, ErrorKind.INSERTION, SubsetFamily.all(2));
    assertEquals(Long.MAX_VALUE, ins.targetNumerator(0b11));
  }

  @Test
  void overflowIsRefusedUpFront() {
    long big = 1L << 62;
    MultilinearPolynomial f = new MultilinearPolynomial.Builder()
        .add(0b01, BigFraction.of(big)).add(0b10, BigFraction.of(big)).build(2);
    BigFraction[] x = {BigFraction.ONE, BigFraction.ONE};
    TooLargeException e = assertThrows(TooLargeException.class,
        () -> PolynomialProblems.of(f, x, ErrorKind.DELETION, SubsetFamily.all(2)));
    assertTrue(e.getMessage().contains("63 bits"), e.getMessage());
    // the same through a common denominator that grows with many coprime denominators
    MultilinearPolynomial.Builder b = new MultilinearPolynomial.Builder();
    int[] primes = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59};
    for (int i = 0; i < primes.length; i++) {
      b.add(1L << i, BigFraction.of(1, primes[i]));
    }
    MultilinearPolynomial g = b.build(primes.length);
    BigFraction[] ones = new BigFraction[primes.length];
    java.util.Arrays.fill(ones, BigFraction.ONE);
    assertThrows(TooLargeException.class, () -> PolynomialProblems.of(g, ones,
        ErrorKind.INSERTION, SubsetFamily.all(primes.length)));
  }

  @Test
  void dimensionsMustAgree() {
    MultilinearPolynomial f = MultilinearPolynomial.monomial(3, 0b111, BigFraction.ONE);
    BigFraction[] x2 = {BigFraction.ONE, BigFraction.ONE};
    assertThrows(IllegalArgumentException.class,
        () -> PolynomialProblems.of(f, x2, ErrorKind.DELETION, SubsetFamily.all(2)));
    BigFraction[] x3 = {BigFraction.ONE, BigFraction.ONE, BigFraction.ONE};
    assertThrows(IllegalArgumentException.class,
        () -> PolynomialProblems.of(f, x3, ErrorKind.DELETION, SubsetFamily.all(4)));
    // f over fewer variables than x is fine: x4 is a dummy feature
    AttributionProblem p = PolynomialProblems.of(f,
        new BigFraction[] {BigFraction.ONE, BigFraction.ONE, BigFraction.ONE, BigFraction.ONE},
        ErrorKind.DELETION, SubsetFamily.all(4));
    assertEquals(BigFraction.ZERO, p.target(0b1000));
    assertEquals(BigFraction.ONE, p.target(0b1001));
  }

  @Test
  void seedMonomialAndBinomialMatchTheBuiltInFamilies() {
    for (int d = 3; d <= 9; d++) {
      MultilinearPolynomial mono = MultilinearPolynomial.monomial(d, (1L << d) - 1, BigFraction.ONE);
      BinomialPartition part = BinomialPartition.of(d, BinomialPartition.Rule.MIDDLE);
      MultilinearPolynomial bi = new MultilinearPolynomial.Builder()
          .add(part.s1() | part.s2(), BigFraction.ONE).add(part.s2() | part.s3(), BigFraction.ONE)
          .build(d);
      BigFraction[] ones = new BigFraction[d];
      java.util.Arrays.fill(ones, BigFraction.ONE);
      SubsetFamily all = SubsetFamily.all(d);
      AttributionProblem md = PolynomialProblems.of(mono, ones, ErrorKind.DELETION, all);
      AttributionProblem mi = PolynomialProblems.of(mono, ones, ErrorKind.INSERTION, all);
      AttributionProblem bi2 = PolynomialProblems.of(bi, ones, ErrorKind.INSERTION, all);
      for (long s = 0; s < 1L << d; s++) {
        assertEquals(Families.monomialDeletion(d).target(s), md.target(s));
        assertEquals(Families.monomialInsertion(d).target(s), mi.target(s));
        assertEquals(Families.binomialInsertion(part).target(s), bi2.target(s));
      }
    }
  }
}
