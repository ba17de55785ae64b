package xcert.certificates.grouped;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.certificates.grouped.Corollary1Check.Outcome;
import xcert.certificates.grouped.Corollary1Check.Polynomial;
import xcert.certificates.problem.BinomialPartition;
import xcert.certificates.problem.ErrorKind;
import xcert.certificates.problem.MultilinearPolynomial;
import xcert.certificates.problem.SubsetFamily;

/**
 * Corollary 1 of seed 002 checked over every S ⊆ [d]: the outcomes worked out by hand for d = 2 and 3,
 * and the closed forms of the analysis in {@link Corollary1Check} for every partition up to d = 10.
 */
class Corollary1CheckTest {

  private static final ErrorKind DEL = ErrorKind.DELETION;
  private static final ErrorKind INS = ErrorKind.INSERTION;
  private static final GroupedReading PRINTED = GroupedReading.AS_PRINTED;
  private static final GroupedReading PROSE = GroupedReading.AS_PROSE;

  private static void assertOutcome(Outcome o, long checked, String failures) {
    assertEquals(checked, o.result().checked(), o::toString);
    assertEquals(failures, o.result().failures().toString(), o::toString);
    assertEquals(failures.equals("[]"), o.holds(), o::toString);
  }

  // ---------------------------------------------------------------- d = 2, by hand

  /*
   * d = 2, p1 = x1*x2, β1 = {({1,2}, 1)}, x = (1,1).
   *
   *   S       del change f(x)-f(x_-S)   ins change f(x_S)-f(0)
   *   {}      1 - 1 = 0                 0 - 0 = 0
   *   {1}     1 - 0 = 1                 0 - 0 = 0
   *   {2}     1 - 0 = 1                 0 - 0 = 0
   *   {1,2}   1 - 0 = 1                 1 - 0 = 1
   *
   * Printed (S ⊆ {1,2} always): the group counts for every S, so the sum is 1 everywhere.
   *   deletion errors  |0-1|, |1-1|, |1-1|, |1-1| = 1, 0, 0, 0  → fails at {} only
   *   insertion errors |0-1|, |0-1|, |0-1|, |1-1| = 1, 1, 1, 0  → fails at {}, {1}, {2}
   * Prose:
   *   deletion counts the group when {1,2} ∩ S ≠ ∅: sums 0, 1, 1, 1 = the changes → zero
   *   insertion counts it when {1,2} ⊆ S: sums 0, 0, 0, 1 = the changes → zero
   * p2 needs three non-empty parts, so there is no p2 at d = 2.
   */
  @Test
  void dimensionTwoByHand() {
    assertOutcome(Corollary1Check.checkP1(2, DEL, PRINTED), 4, "[{}: 1]");
    assertOutcome(Corollary1Check.checkP1(2, INS, PRINTED), 4, "[{}: 1, {1}: 1, {2}: 1]");
    assertOutcome(Corollary1Check.checkP1(2, DEL, PROSE), 4, "[]");
    assertOutcome(Corollary1Check.checkP1(2, INS, PROSE), 4, "[]");
    List<Outcome> all = Corollary1Check.run(2);
    assertEquals(4, all.size());
    for (Outcome o : all) {
      assertEquals(Polynomial.P1, o.polynomial());
      assertNull(o.partition());
    }
    assertThrows(IllegalArgumentException.class, () -> BinomialPartition.of(2,
        BinomialPartition.Rule.MIDDLE));
  }

  // ---------------------------------------------------------------- d = 3, by hand

  /*
   * d = 3, p1 = x1*x2*x3, β1 = {({1,2,3}, 1)}: as at d = 2 the deletion change is [S ≠ ∅] and the
   * insertion change [S = {1,2,3}].
   *   printed: the group counts everywhere → deletion fails at {} (|0-1| = 1); insertion fails at
   *            the seven S ≠ {1,2,3} (|0-1| = 1 each).
   *   prose:   deletion counts the group iff S ≠ ∅, insertion iff S = {1,2,3} → zero everywhere.
   */
  @Test
  void monomialDimensionThreeByHand() {
    assertOutcome(Corollary1Check.checkP1(3, DEL, PRINTED), 8, "[{}: 1]");
    assertOutcome(Corollary1Check.checkP1(3, INS, PRINTED), 8,
        "[{}: 1, {1}: 1, {2}: 1, {1,2}: 1, {3}: 1, {1,3}: 1, {2,3}: 1]");
    assertOutcome(Corollary1Check.checkP1(3, DEL, PROSE), 8, "[]");
    assertOutcome(Corollary1Check.checkP1(3, INS, PROSE), 8, "[]");
  }

  /*
   * d = 3, parts S1 = {1}, S2 = {2}, S3 = {3}: p2 = x1*x2 + x2*x3, β2 = {({1,2}, 1), ({2,3}, 1)}.
   * f(1,1,1) = 2, f(0) = 0.
   *
   *   S        x_-S     del change   x_S      ins change   S⊆{1,2}  S⊆{2,3}  printed sum
   *   {}       111      2-2 = 0      000      0            yes      yes      2
   *   {1}      011      2-1 = 1      100      0            yes      no       1
   *   {2}      101      2-0 = 2      010      0            yes      yes      2
   *   {1,2}    001      2-0 = 2      110      1            yes      no       1
   *   {3}      110      2-1 = 1      001      0            no       yes      1
   *   {1,3}    010      2-0 = 2      101      0            no       no       0
   *   {2,3}    100      2-0 = 2      011      1            no       yes      1
   *   {1,2,3}  000      2-0 = 2      111      2            no       no       0
   *
   * Printed deletion |change - sum|: {} 2, {1} 0, {2} 0, {1,2} 1, {3} 0, {1,3} 2, {2,3} 1, {1,2,3} 2.
   * Printed insertion: {} 2, {1} 1, {2} 2, {1,2} 0, {3} 1, {1,3} 0, {2,3} 0, {1,2,3} 2.
   * (The proof's case S = [d] gives 2 - 0 - (1+1) = 0, counting both groups although [3] is inside
   * neither: that is the prose reading.)
   *
   * Prose deletion counts ({1,2}∩S ≠ ∅) + ({2,3}∩S ≠ ∅):
   *   {} 0, {1} 1, {2} 2, {1,2} 2, {3} 1, {1,3} 2, {2,3} 2, {1,2,3} 2 = the deletion changes → zero.
   * Prose insertion counts ({1,2} ⊆ S) + ({2,3} ⊆ S):
   *   {} 0, {1} 0, {2} 0, {1,2} 1, {3} 0, {1,3} 0, {2,3} 1, {1,2,3} 2 = the insertion changes → zero.
   */
  @Test
  void binomialDimensionThreeByHand() {
    BinomialPartition p = new BinomialPartition(1, 1, 1);
    assertEquals(p, BinomialPartition.of(3, BinomialPartition.Rule.MIDDLE));
    assertOutcome(Corollary1Check.checkP2(p, DEL, PRINTED), 8,
        "[{}: 2, {1,2}: 1, {1,3}: 2, {2,3}: 1, {1,2,3}: 2]");
    assertOutcome(Corollary1Check.checkP2(p, INS, PRINTED), 8,
        "[{}: 2, {1}: 1, {2}: 2, {3}: 1, {1,2,3}: 2]");
    assertOutcome(Corollary1Check.checkP2(p, DEL, PROSE), 8, "[]");
    assertOutcome(Corollary1Check.checkP2(p, INS, PROSE), 8, "[]");
    assertEquals(BigFraction.of(8), Corollary1Check.checkP2(p, DEL, PRINTED).result().total());
    assertEquals(BigFraction.of(8), Corollary1Check.checkP2(p, INS, PRINTED).result().total());
  }

  @Test
  void runListsAllEightCombinations() {
    List<Outcome> all = Corollary1Check.run(3);
    assertEquals(8, all.size());
    List<String> seen = new ArrayList<>();
    for (Outcome o : all) {
      seen.add(o.polynomial() + " " + o.kind() + " " + o.reading());
    }
    assertEquals(8, seen.stream().distinct().count());
    // exactly the four printed combinations fail at d = 3
    assertEquals(4, all.stream().filter(o -> !o.holds()).count());
    all.stream().filter(o -> !o.holds()).forEach(o -> assertEquals(PRINTED, o.reading()));
    assertThrows(IllegalArgumentException.class,
        () -> Corollary1Check.run(4, new BinomialPartition(1, 1, 1)));
  }

  // ---------------------------------------------------------------- the analysis, d ≤ 10

  private static boolean full(long s, long part) {
    return (s & part) == part;
  }

  private static boolean empty(long s, long part) {
    return (s & part) == 0;
  }

  private static int b(boolean v) {
    return v ? 1 : 0;
  }

  /** The printed error of p2 at S from the block analysis (F = full, E = empty). */
  private static long printedBinomialError(BinomialPartition p, ErrorKind kind, long s) {
    boolean f1 = full(s, p.s1());
    boolean f2 = full(s, p.s2());
    boolean f3 = full(s, p.s3());
    boolean e1 = empty(s, p.s1());
    boolean e2 = empty(s, p.s2());
    boolean e3 = empty(s, p.s3());
    long sum = b(e3) + b(e1); // S ⊆ S1∪S2 iff S misses S3; S ⊆ S2∪S3 iff S misses S1
    long change = kind == ErrorKind.INSERTION ? b(f1 && f2) + b(f2 && f3)
        : 2 - b(e1 && e2) - b(e2 && e3);
    return Math.abs(change - sum);
  }

  private static long pow2(int n) {
    return 1L << n;
  }

  /** The prose reading gives zero error for p1 and p2, both kinds, every partition, d ≤ 10. */
  @Test
  void proseReadingIsZeroForEveryPartitionUpToTen() {
    for (int d = 1; d <= 10; d++) {
      for (ErrorKind k : ErrorKind.values()) {
        assertTrue(Corollary1Check.checkP1(d, k, PROSE).holds(), "p1 d=" + d + " " + k);
      }
      for (BinomialPartition p : partitions(d)) {
        for (ErrorKind k : ErrorKind.values()) {
          Outcome o = Corollary1Check.checkP2(p, k, PROSE);
          assertTrue(o.holds(), o::toString);
          assertEquals(pow2(d), o.result().checked());
        }
      }
    }
  }

  /** The printed reading fails exactly where the analysis says, with the errors it gives. */
  @Test
  void printedReadingFailsWhereTheAnalysisSaysUpToTen() {
    for (int d = 1; d <= 10; d++) {
      Outcome del = Corollary1Check.checkP1(d, DEL, PRINTED);
      assertEquals("[{}: 1]", del.result().failures().toString());
      Outcome ins = Corollary1Check.checkP1(d, INS, PRINTED);
      assertEquals(pow2(d) - 1, ins.result().failing());
      long whole = pow2(d) - 1;
      ins.result().failures().forEach(f -> {
        assertTrue(f.set() != whole);
        assertEquals(BigFraction.ONE, f.error());
      });
      for (BinomialPartition p : partitions(d)) {
        int n1 = p.n1();
        int n2 = p.n2();
        int n3 = p.n3();
        long insPass = 2 + (pow2(n1) - 2) * (pow2(n3) - 2)
            + (pow2(n2) - 1) * (pow2(n1) - 1) * (pow2(n3) - 1);
        long delPass = (pow2(n1) - 1) + (pow2(n2) - 1) + (pow2(n3) - 1);
        for (ErrorKind k : ErrorKind.values()) {
          Outcome o = Corollary1Check.checkP2(p, k, PRINTED);
          long pass = k == INS ? insPass : delPass;
          assertEquals(pow2(d) - pass, o.result().failing(), o::toString);
          List<GroupedErrorResult.Failure> expected = new ArrayList<>();
          for (long s = 0; s < pow2(d); s++) {
            long e = printedBinomialError(p, k, s);
            if (e != 0) {
              expected.add(new GroupedErrorResult.Failure(s, BigFraction.of(e)));
            }
          }
          assertEquals(expected, o.result().failures(), o::toString);
        }
      }
    }
  }

  /** Every (n1, n2, n3) with positive parts summing to d. */
  private static List<BinomialPartition> partitions(int d) {
    List<BinomialPartition> out = new ArrayList<>();
    for (int n1 = 1; n1 <= d - 2; n1++) {
      for (int n2 = 1; n1 + n2 <= d - 1; n2++) {
        out.add(new BinomialPartition(n1, n2, d - n1 - n2));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- the report's range and d = 20

  @Test
  void dimensionTwentyRunsAndMatchesTheClosedForms() {
    List<Outcome> all = Corollary1Check.run(20);
    assertEquals(8, all.size());
    BinomialPartition p = BinomialPartition.of(20, BinomialPartition.Rule.MIDDLE); // (6,8,6)
    long n = 1L << 20;
    for (Outcome o : all) {
      assertEquals(n, o.result().checked());
      long failing = o.result().failing();
      if (o.reading() == PROSE) {
        assertEquals(0, failing, o::toString);
      } else if (o.polynomial() == Polynomial.P1) {
        assertEquals(o.kind() == DEL ? 1 : n - 1, failing, o::toString);
      } else if (o.kind() == INS) {
        assertEquals(n - (2 + 62L * 62 + 255L * 63 * 63), failing, o::toString);
      } else {
        assertEquals(n - (63 + 255 + 63), failing, o::toString);
      }
      assertEquals(failing, o.result().failures().size());
      assertEquals(p, o.polynomial() == Polynomial.P2 ? o.partition() : p);
    }
  }

  // ---------------------------------------------------------------- existence as printed

  /**
   * As printed, some grouped attribution does have zero error: the one over all 2^d groups with
   * Möbius scores c_T = Σ_{U⊇T} (−1)^{|U∖T|} c_U, since then Σ_{T⊇S} c_T = c_S. Checked for p1 and
   * p2 at d ≤ 6, both kinds.
   */
  @Test
  void moebiusScoresGiveZeroPrintedError() {
    for (int d = 3; d <= 6; d++) {
      List<MultilinearPolynomial> fs = List.of(Corollary1Check.p1(d),
          Corollary1Check.p2(BinomialPartition.of(d, BinomialPartition.Rule.MIDDLE)));
      BigFraction[] x = Corollary1Check.ones(d);
      for (MultilinearPolynomial f : fs) {
        for (ErrorKind k : ErrorKind.values()) {
          long n = 1L << d;
          BigFraction[] target = new BigFraction[(int) n];
          for (long s = 0; s < n; s++) { // the change, from the definition (no groups)
            if (k == DEL) {
              target[(int) s] = f.evaluate(x).subtract(f.evaluate(zeroed(x, s)));
            } else {
              target[(int) s] = f.evaluate(zeroed(x, (n - 1) & ~s))
                  .subtract(f.evaluate(zeroed(x, n - 1)));
            }
          }
          long[] masks = new long[(int) n];
          BigFraction[] scores = new BigFraction[(int) n];
          for (long t = 0; t < n; t++) {
            BigFraction c = BigFraction.ZERO;
            for (long u = 0; u < n; u++) {
              if ((u & t) == t) {
                int sign = Long.bitCount(u & ~t) % 2 == 0 ? 1 : -1;
                c = c.add(target[(int) u].multiply(sign));
              }
            }
            masks[(int) t] = t;
            scores[(int) t] = c;
          }
          GroupedAttribution beta = GroupedAttribution.of(d, masks, scores);
          GroupedErrorResult r = GroupedError.total(f, x, beta, k, PRINTED, SubsetFamily.all(d));
          assertTrue(r.isZero(), () -> f + " " + k + " " + r);
        }
      }
    }
  }

  private static BigFraction[] zeroed(BigFraction[] x, long s) {
    BigFraction[] y = x.clone();
    for (int i = 0; i < y.length; i++) {
      if ((s >>> i & 1) == 1) {
        y[i] = BigFraction.ZERO;
      }
    }
    return y;
  }
}
