package xcert.ledger.seed004;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.exact.SufficiencyNecessity;
import xcert.solvers.model.Circuit;
import xcert.solvers.setfunction.Rho;

/**
 * Seed 004 footnote 2: (P_suf) and (P_nec) are NP-hard for general f. NP-hardness is a statement
 * about all input sizes and no finite run proves it; what a run can check is a reduction. The one
 * checked here: from a CNF φ(z) on n variables build the circuit f(z, y) = y ∧ φ(z) (size linear in
 * φ), x = 0 ∈ {0,1}^{n+1} and V uniform. Then f(x) = 0 and f_∅(x) = P(φ)/2, so at τ = 0 both
 * (P_suf) and (P_nec) have the optimum Δ(∅) = |f(x) − f_∅(x)| = P(φ)/2, which is 0 iff φ is
 * unsatisfiable: an algorithm that solves either problem decides SAT (a Cook reduction; the
 * decision versions "some |S| ≤ τ with Δ ≤ ε" are coNP-hard). The check builds the reduction for
 * random 3-CNFs at the satisfiability threshold (clauses ≈ 4.26·n), solves both problems exactly
 * with {@link SufficiencyNecessity}, and compares the answers with satisfiability decided by brute
 * force on the clause list (not the circuit); it fails on any disagreement, and needs both answers
 * to occur.
 */
public final class Hardness implements ClaimCheck {

  @Override
  public List<String> ids() {
    return List.of("004-fn2");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    String id = "004-fn2";
    int count = ctx.full() ? 200 : 40;
    long seed = ctx.seed() * 1000 + 4700;
    String check = "reduction φ ↦ (f = y ∧ φ, x = 0, V uniform, τ = 0) on " + count + " random"
        + " 3-CNFs, n = 3..7 variables, ⌈4.26·n⌉ clauses, seed " + seed + "; (P_suf), (P_nec) by"
        + " SufficiencyNecessity, SAT by brute force over the clauses";
    SplittableRandom rnd = new SplittableRandom(seed);
    int sat = 0;
    int unsat = 0;
    for (int k = 0; k < count; k++) {
      int n = 3 + rnd.nextInt(5);
      int m = (int) Math.ceil(4.26 * n);
      int[][] clauses = new int[m][3];
      for (int[] c : clauses) {
        for (int j = 0; j < 3; j++) {
          c[j] = (1 + rnd.nextInt(n)) * (rnd.nextBoolean() ? 1 : -1);
        }
      }
      boolean satisfiable = bruteForce(clauses, n);
      Circuit.Builder b = Circuit.builder(n + 1);
      int[] cl = new int[m];
      for (int i = 0; i < m; i++) {
        int[] lits = new int[3];
        for (int j = 0; j < 3; j++) {
          int v = Math.abs(clauses[i][j]);
          lits[j] = clauses[i][j] > 0 ? b.input(v) : b.not(b.input(v));
        }
        cl[i] = b.or(lits);
      }
      Circuit f = b.output(b.and(b.input(n + 1), b.and(cl))).build();
      SufficiencyNecessity sn = SufficiencyNecessity.of(RestrictedPredictions.table(f,
          new double[n + 1], ProductDistribution.uniform(n + 1)), Rho.ABS);
      BigFraction suf = sn.solveSufficiency(0).value().exact();
      BigFraction nec = sn.solveNecessity(0).value().exact();
      if ((suf.signum() == 0) == satisfiable || (nec.signum() == 0) == satisfiable) {
        return List.of(Finding.fails(id, check, "CNF #" + k + " (n = " + n + ") is "
            + (satisfiable ? "" : "un") + "satisfiable but min Δsuf = " + suf + ", min Δnec = "
            + nec + " at τ = 0"));
      }
      if (satisfiable) {
        sat++;
      } else {
        unsat++;
      }
    }
    if (sat == 0 || unsat == 0) {
      throw new IllegalStateException("the CNFs were all " + (sat == 0 ? "un" : "")
          + "satisfiable: the reduction was not exercised both ways");
    }
    return List.of(Finding.underReading(id, "NP-hardness as the existence of a polynomial"
        + " reduction from SAT (Cook: solving (P_suf) or (P_nec) at τ = 0 decides satisfiability;"
        + " the decision versions are coNP-hard); no finite run proves hardness, the reduction's"
        + " correctness is what is checked", check, "the optimum at τ = 0 was 0 exactly on the "
        + unsat + " unsatisfiable CNFs and P(φ)/2 > 0 on the " + sat + " satisfiable ones, for both"
        + " problems"));
  }

  private static boolean bruteForce(int[][] clauses, int n) {
    for (int a = 0; a < 1 << n; a++) {
      boolean all = true;
      for (int[] c : clauses) {
        boolean any = false;
        for (int lit : c) {
          boolean v = (a >> (Math.abs(lit) - 1) & 1) == 1;
          any |= lit > 0 ? v : !v;
        }
        if (!any) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  }
}
