package xcert.certificates.orbit;

import xcert.solvers.linalg.ExactLinearSolver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.certificates.Certifier;
import xcert.certificates.problem.AttributionProblem;
import xcert.certificates.problem.ErrorKind;
import xcert.certificates.problem.MultilinearPolynomial;
import xcert.certificates.problem.PolynomialProblems;
import xcert.certificates.problem.RandomPolynomials;
import xcert.certificates.problem.SubsetFamily;

/**
 * The polynomial family against a brute-force LP: min_α Σ_S |c_S − Σ_{i∈S} α_i| is a least-absolute-
 * deviations fit; when the sets' indicator vectors span R^d, a minimiser exists at which d linearly
 * independent residuals vanish (a vertex of the arrangement). Enumerating every d-subset of the sets,
 * solving for α exactly and taking the least total error gives the optimum with no LP solver; the
 * certified optimum must equal it.
 */
class BruteForceLpTest {

  static BigFraction bruteForce(AttributionProblem p) {
    int d = p.dimension();
    List<Long> sets = new ArrayList<>();
    p.family().forEach(sets::add);
    BigFraction best = null;
    int n = sets.size();
    int[] pick = new int[d];
    for (int i = 0; i < d; i++) {
      pick[i] = i;
    }
    while (true) {
      BigFraction[][] a = new BigFraction[d][d];
      BigFraction[] b = new BigFraction[d];
      for (int r = 0; r < d; r++) {
        long s = sets.get(pick[r]);
        for (int j = 0; j < d; j++) {
          a[r][j] = (s >>> j & 1) != 0 ? BigFraction.ONE : BigFraction.ZERO;
        }
        b[r] = p.target(s);
      }
      BigFraction[] alpha = ExactLinearSolver.solve(a, b).orElse(null);
      if (alpha != null) {
        BigFraction total = BigFraction.ZERO;
        for (long s : sets) {
          BigFraction r = p.target(s);
          for (int j = 0; j < d; j++) {
            if ((s >>> j & 1) != 0) {
              r = r.subtract(alpha[j]);
            }
          }
          total = total.add(r.abs());
        }
        best = best == null || total.compareTo(best) < 0 ? total : best;
      }
      int k = d - 1;
      while (k >= 0 && pick[k] == n - d + k) {
        k--;
      }
      if (k < 0) {
        break;
      }
      pick[k]++;
      for (int j = k + 1; j < d; j++) {
        pick[j] = pick[j - 1] + 1;
      }
    }
    return best;
  }

  @Test
  void generatedPolynomialsMatchTheBruteForceOptimum() {
    qt().withFixedSeed(2002L).withExamples(60).withShrinkCycles(20)
        .forAll(integers().between(1, 4), integers().between(1, 5), longs().between(0, 100_000),
            integers().between(0, 3))
        .checkAssert((d, terms, seed, variant) -> {
          MultilinearPolynomial f = RandomPolynomials.polynomial(seed, d, terms);
          BigFraction[] x = (variant & 1) == 0 ? RandomPolynomials.booleanInput(seed, d)
              : RandomPolynomials.rationalInput(seed, d);
          ErrorKind kind = (variant & 2) == 0 ? ErrorKind.DELETION : ErrorKind.INSERTION;
          SubsetFamily family = seed % 3 == 0 ? SubsetFamily.sizeAtMost(d, Math.max(1, d - 1))
              : SubsetFamily.all(d);
          AttributionProblem p = PolynomialProblems.of(f, x, kind, family);
          Certifier.Outcome o = Certifier.certify(p, PolynomialSymmetry.structure(p, f, x),
              Certifier.Mode.FULL);
          String where = f + " at " + java.util.Arrays.toString(x) + " " + kind + " "
              + family.describe();
          assertTrue(o.certified(), where + ": " + o.verification());
          assertEquals(bruteForce(p), o.verification().optimum(), where);
        });
  }

  /** The brute force itself, on the worked example of seed 002's monomial at d = 3: C(3,1) − 1. */
  @Test
  void bruteForceReproducesAKnownOptimum() {
    assertEquals(BigFraction.of(2),
        bruteForce(xcert.certificates.problem.Families.monomialDeletion(3)));
    assertEquals(BigFraction.of(5),
        bruteForce(xcert.certificates.problem.Families.monomialDeletion(4)));
  }
}
