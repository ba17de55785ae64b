package xcert.certificates.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import xcert.certificates.problem.AttributionProblem;
import xcert.certificates.problem.Families;

/**
 * The full-LP check cut into ranges (what the Spark engine's tasks run): sums of any cut of the sets
 * into ranges, added in any order, give the verdict of the whole check, the box violation reported
 * being the one of least index, on valid certificates and on broken ones.
 */
class VerifierRangesTest {

  /** The verdict from the sums of a random cut into ranges added in a random order. */
  private static Verification cut(AttributionProblem p, Certificate c, long seed) {
    long n = Verifier.setCount(p, c);
    SplittableRandom r = new SplittableRandom(seed);
    List<Verifier.Sums> parts = new ArrayList<>();
    for (long from = 0; from < n; ) {
      long to = Math.min(n, from + 1 + r.nextLong(n / 3 + 1));
      parts.add(Verifier.verifyRange(p, c, from, to));
      from = to;
    }
    Collections.shuffle(parts, new Random(seed));
    Verifier.Sums sum = Verifier.Sums.zero(p.dimension());
    for (Verifier.Sums s : parts) {
      sum = s.plus(sum);
    }
    return Verifier.finish(p, c, sum, 0);
  }

  private static void assertSameVerdict(Verification whole, Verification cut) {
    assertEquals(whole.dualFeasible(), cut.dualFeasible());
    assertEquals(whole.lowerBound(), cut.lowerBound());
    assertEquals(whole.upperBound(), cut.upperBound());
    assertEquals(whole.infeasibility(), cut.infeasibility());
    assertEquals(whole.sets(), cut.sets());
  }

  @Test
  void anyCutGivesTheWholeVerdict() {
    int d = 7;
    AttributionProblem p = Families.monomialDeletion(d);
    SplittableRandom r = new SplittableRandom(2);
    for (int trial = 0; trial < 20; trial++) {
      long[] y = new long[1 << d];
      for (int s = 0; s < y.length; s++) { // |y| <= 1 mostly; some trials break the box
        y[s] = r.nextInt(trial % 2 == 0 ? 3 : 5) - (trial % 2 == 0 ? 1 : 2);
      }
      long[] alpha = new long[d];
      for (int i = 0; i < d; i++) {
        alpha[i] = r.nextInt(5) - 2;
      }
      Certificate c = new Certificate(alpha, BigInteger.TWO, DualVector.dense(y,
          BigInteger.ONE), "random");
      Verification whole = Verifier.verify(p, c);
      assertSameVerdict(whole, cut(p, c, trial));
      if (trial % 2 == 1) {
        assertFalse(whole.dualFeasible(), "a y with entries of ±2 breaks the box");
        assertTrue(whole.infeasibility().startsWith("|y_S| > 1"), whole.infeasibility());
      }
    }
  }
}
