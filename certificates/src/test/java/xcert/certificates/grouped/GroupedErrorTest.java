package xcert.certificates.grouped;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import xcert.certificates.problem.ErrorKind;
import xcert.certificates.problem.MultilinearPolynomial;
import xcert.certificates.problem.PolynomialParser;
import xcert.certificates.problem.RandomPolynomials;
import xcert.certificates.problem.SubsetFamily;
import xcert.solvers.errors.TooLargeException;

/** Grouped deletion/insertion error (seed 002 Definitions 4–5) under both readings. */
class GroupedErrorTest {

  private static final long SEED = 4_005L;

  private static BigFraction q(long n, long d) {
    return BigFraction.of(n, d);
  }

  @Test
  void whenAGroupCounts() {
    long s13 = 0b101; // S = {1,3}
    // printed: S ⊆ S_i
    assertTrue(GroupedReading.AS_PRINTED.counts(0b111, s13, ErrorKind.DELETION));
    assertFalse(GroupedReading.AS_PRINTED.counts(0b011, s13, ErrorKind.INSERTION));
    assertTrue(GroupedReading.AS_PRINTED.counts(0b000, 0b000, ErrorKind.INSERTION));
    // prose insertion: S_i ⊆ S
    assertTrue(GroupedReading.AS_PROSE.counts(0b001, s13, ErrorKind.INSERTION));
    assertFalse(GroupedReading.AS_PROSE.counts(0b011, s13, ErrorKind.INSERTION));
    assertTrue(GroupedReading.AS_PROSE.counts(0b000, s13, ErrorKind.INSERTION));
    // prose deletion: S_i ∩ S ≠ ∅
    assertTrue(GroupedReading.AS_PROSE.counts(0b011, s13, ErrorKind.DELETION));
    assertFalse(GroupedReading.AS_PROSE.counts(0b010, s13, ErrorKind.DELETION));
    assertFalse(GroupedReading.AS_PROSE.counts(0b000, s13, ErrorKind.DELETION));
  }

  @Test
  void handExample() {
    // f = 2*x1*x2 + x3 at x = (1, 1/2, 3); f(x) = 1 + 3 = 4, f(0) = 0.
    // β = {({1,2}, 1), ({3}, 5/2)}.
    MultilinearPolynomial f = PolynomialParser.parse("f", "2*x1*x2 + x3", 3);
    BigFraction[] x = {q(1, 1), q(1, 2), q(3, 1)};
    GroupedAttribution beta = GroupedAttribution.of(3, new long[] {0b011, 0b100},
        new BigFraction[] {q(1, 1), q(5, 2)});
    // S = {1}: deletion change 4 - f(0,1/2,3) = 4 - 3 = 1; insertion change f(1,0,0) - 0 = 0.
    //   printed: {1} ⊆ {1,2} counts 1 → del |1 - 1| = 0, ins |0 - 1| = 1
    //   prose:  del {1,2}∩{1} ≠ ∅ counts 1 → 0;  ins {1,2} ⊄ {1}, nothing counts → 0
    long s1 = 0b001;
    assertEquals(q(0, 1), GroupedError.at(f, x, beta, ErrorKind.DELETION,
        GroupedReading.AS_PRINTED, s1));
    assertEquals(q(1, 1), GroupedError.at(f, x, beta, ErrorKind.INSERTION,
        GroupedReading.AS_PRINTED, s1));
    assertEquals(q(0, 1), GroupedError.at(f, x, beta, ErrorKind.DELETION,
        GroupedReading.AS_PROSE, s1));
    assertEquals(q(0, 1), GroupedError.at(f, x, beta, ErrorKind.INSERTION,
        GroupedReading.AS_PROSE, s1));
    // S = {3}: deletion change 4 - 1 = 3, insertion change 3.
    //   printed: {3} ⊆ {3} counts 5/2 → both |3 - 5/2| = 1/2
    //   prose: del counts 5/2 → 1/2; ins {3} ⊆ {3} counts 5/2 → 1/2
    for (GroupedReading r : GroupedReading.values()) {
      for (ErrorKind k : ErrorKind.values()) {
        assertEquals(q(1, 2), GroupedError.at(f, x, beta, k, r, 0b100), r + " " + k);
      }
    }
    // S = ∅: change 0; printed counts both groups → 7/2; prose: del none, ins none → 0
    assertEquals(q(7, 2), GroupedError.at(f, x, beta, ErrorKind.DELETION,
        GroupedReading.AS_PRINTED, 0));
    assertEquals(q(0, 1), GroupedError.at(f, x, beta, ErrorKind.INSERTION,
        GroupedReading.AS_PROSE, 0));
    // S = {1,2,3}: change 4; printed: nothing contains [3] → 4; prose: both count → |4 - 7/2| = 1/2
    assertEquals(q(4, 1), GroupedError.at(f, x, beta, ErrorKind.INSERTION,
        GroupedReading.AS_PRINTED, 0b111));
    assertEquals(q(1, 2), GroupedError.at(f, x, beta, ErrorKind.DELETION,
        GroupedReading.AS_PROSE, 0b111));

    // The whole power set, printed deletion, worked out set by set:
    //   S     change  counted         error
    //   {}    0       1 + 5/2         7/2
    //   {1}   1       1               0
    //   {2}   1       1               0
    //   {3}   3       5/2             1/2
    //   {1,2} 1       1               0
    //   {1,3} 4       -               4
    //   {2,3} 4       -               4
    //   {1,2,3} 4     -               4
    GroupedErrorResult r = GroupedError.total(f, x, beta, ErrorKind.DELETION,
        GroupedReading.AS_PRINTED, SubsetFamily.all(3));
    assertEquals(8, r.checked());
    assertEquals(5, r.failing());
    assertEquals(q(7, 2).add(q(1, 2)).add(q(12, 1)), r.total());
    assertEquals(q(4, 1), r.max());
    assertEquals("[{}: 7/2, {3}: 1/2, {1,3}: 4, {2,3}: 4, {1,2,3}: 4]", r.failures().toString());
    assertEquals("5 of 8 sets fail, total error 16, max 4: {}: 7/2, {3}: 1/2, … (3 more)",
        r.summary(2));
  }

  // ---------------------------------------------------------------- properties

  private record Case(long seed, int d, int terms, int groups, boolean booleanX) {
    MultilinearPolynomial f() {
      return RandomPolynomials.polynomial(seed, d, terms);
    }

    BigFraction[] x() {
      return booleanX ? RandomPolynomials.booleanInput(seed, d)
          : RandomPolynomials.rationalInput(seed, d);
    }

    GroupedAttribution beta() {
      Random r = new Random(seed * 31 + 7);
      long[] m = new long[groups];
      BigFraction[] c = new BigFraction[groups];
      for (int i = 0; i < groups; i++) {
        m[i] = r.nextLong() & ((1L << d) - 1);
        c[i] = RandomPolynomials.rational(r);
      }
      return GroupedAttribution.of(d, m, c);
    }
  }

  private static Gen<Case> cases(int maxD) {
    return longs().between(0, 1_000_000).zip(integers().between(1, maxD),
        integers().between(0, 3 * maxD), integers().between(0, 6), booleans().all(),
        (s, d, t, g, b) -> new Case(s, d, t, g, b));
  }

  /** total() agrees with at() set by set: the count, every failing set, its error and the sum. */
  @Test
  void totalAgreesWithTheDefinitionAtEverySet() {
    qt().withFixedSeed(SEED).withExamples(200).forAll(cases(8)).checkAssert(c -> {
      MultilinearPolynomial f = c.f();
      BigFraction[] x = c.x();
      GroupedAttribution beta = c.beta();
      for (ErrorKind k : ErrorKind.values()) {
        for (GroupedReading r : GroupedReading.values()) {
          GroupedErrorResult res = GroupedError.total(f, x, beta, k, r, SubsetFamily.all(c.d()));
          List<GroupedErrorResult.Failure> expected = new ArrayList<>();
          BigFraction sum = BigFraction.ZERO;
          for (long s = 0; s < 1L << c.d(); s++) {
            BigFraction e = GroupedError.at(f, x, beta, k, r, s);
            if (e.signum() != 0) {
              expected.add(new GroupedErrorResult.Failure(s, e));
              sum = sum.add(e);
            }
          }
          String where = c + " f=" + f + " β=" + beta + " " + k + " " + r;
          assertEquals(1L << c.d(), res.checked(), where);
          assertEquals(expected, res.failures(), where);
          assertEquals(sum, res.total(), where);
        }
      }
    });
  }

  /**
   * The analysis in {@link Corollary1Check}: the term-wise attribution β_f = {(T, v_T)}, v_T = a_T
   * Π_{i∈T} x_i, has zero prose error at every S for both kinds, for any f and x.
   */
  @Test
  void termWiseAttributionHasZeroProseError() {
    qt().withFixedSeed(SEED + 1).withExamples(200).forAll(cases(10)).checkAssert(c -> {
      MultilinearPolynomial f = c.f();
      BigFraction[] x = c.x();
      List<GroupedAttribution.Group> groups = new ArrayList<>();
      for (Map.Entry<Long, BigFraction> t : f.terms().entrySet()) {
        if (t.getKey() == 0) {
          continue;
        }
        BigFraction v = t.getValue();
        for (int i = 0; i < c.d(); i++) {
          if ((t.getKey() >>> i & 1) == 1) {
            v = v.multiply(x[i]);
          }
        }
        groups.add(new GroupedAttribution.Group(t.getKey(), v));
      }
      GroupedAttribution beta = GroupedAttribution.of(c.d(), groups);
      for (ErrorKind k : ErrorKind.values()) {
        GroupedErrorResult res = GroupedError.total(f, x, beta, k, GroupedReading.AS_PROSE,
            SubsetFamily.all(c.d()));
        assertTrue(res.isZero(), () -> c + " " + k + " " + res);
        for (long s = 0; s < 1L << c.d(); s += 1 + (s % 3)) { // a stride of sets, from the definition
          assertEquals(BigFraction.ZERO, GroupedError.at(f, x, beta, k, GroupedReading.AS_PROSE, s));
        }
      }
    });
  }

  /** As printed, every group counts at S = ∅, where the change is 0: the error is |Σ c_i|. */
  @Test
  void printedErrorAtTheEmptySetIsTheSumOfScores() {
    qt().withFixedSeed(SEED + 2).withExamples(200).forAll(cases(8)).checkAssert(c -> {
      GroupedAttribution beta = c.beta();
      BigFraction sum = BigFraction.ZERO;
      for (GroupedAttribution.Group g : beta.groups()) {
        sum = sum.add(g.score());
      }
      for (ErrorKind k : ErrorKind.values()) {
        assertEquals(sum.abs(), GroupedError.at(c.f(), c.x(), beta, k, GroupedReading.AS_PRINTED, 0));
      }
    });
  }

  @Test
  void listedFamilies() {
    MultilinearPolynomial f = PolynomialParser.parse("f", "x1*x2", 2);
    BigFraction[] x = {BigFraction.ONE, BigFraction.ONE};
    GroupedAttribution beta = GroupedAttribution.of(2, new long[] {0b11},
        new BigFraction[] {BigFraction.ONE});
    // printed insertion: S = {1}: 0 - 1 → 1; S = {1,2}: 1 - 1 → 0
    GroupedErrorResult r = GroupedError.total(f, x, beta, ErrorKind.INSERTION,
        GroupedReading.AS_PRINTED, SubsetFamily.of(2, new long[] {0b11, 0b01}));
    assertEquals(2, r.checked());
    assertEquals("[{1}: 1]", r.failures().toString());
  }

  @Test
  void refusals() {
    MultilinearPolynomial f = MultilinearPolynomial.monomial(27, (1L << 27) - 1, BigFraction.ONE);
    BigFraction[] ones = new BigFraction[27];
    java.util.Arrays.fill(ones, BigFraction.ONE);
    GroupedAttribution beta = GroupedAttribution.of(27, List.of());
    assertThrows(TooLargeException.class, () -> GroupedError.total(f, ones, beta,
        ErrorKind.DELETION, GroupedReading.AS_PROSE, SubsetFamily.all(27)));
    // scores too large for a long numerator
    MultilinearPolynomial g = MultilinearPolynomial.monomial(2, 0b11, BigFraction.ONE);
    GroupedAttribution huge = GroupedAttribution.of(2, new long[] {0b1, 0b10},
        new BigFraction[] {BigFraction.of(1L << 62), BigFraction.of(1L << 62)});
    BigFraction[] x = {BigFraction.ONE, BigFraction.ONE};
    assertThrows(TooLargeException.class, () -> GroupedError.total(g, x, huge,
        ErrorKind.DELETION, GroupedReading.AS_PROSE, SubsetFamily.all(2)));
    // dimensions
    assertThrows(IllegalArgumentException.class, () -> GroupedError.total(g, x,
        GroupedAttribution.of(3, List.of()), ErrorKind.DELETION, GroupedReading.AS_PROSE,
        SubsetFamily.all(2)));
    assertThrows(IllegalArgumentException.class, () -> GroupedAttribution.of(2,
        new long[] {0b100}, new BigFraction[] {BigFraction.ONE}));
  }
}
