package xcert.ledger.seed004;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;
import xcert.solvers.exact.Optimum;
import xcert.solvers.exact.SufficiencyNecessity;
import xcert.solvers.setfunction.Subsets;

/**
 * Seed 004, the remark after Lemma 4.1 (004-Lem4.1-rem): "as α goes from 0 to 1 the solution of
 * (P_uni) shifts from being highly necessary to highly sufficient".
 *
 * <p>Precise reading checked: at a fixed budget τ, for 0 ≤ α &lt; β ≤ 1 and every pair of optimal
 * sets S_α of (P_uni) at α and S_β at β, Δsuf(S_β) ≤ Δsuf(S_α) and Δnec(S_β) ≥ Δnec(S_α); and the
 * endpoints are the pure problems: Δnec(S_0) = min_{|S|≤τ} Δnec, Δsuf(S_1) = min_{|S|≤τ} Δsuf. (This
 * is what the two optimality inequalities at α and β give: adding them, (β − α)·[(Δsuf − Δnec)(S_β)
 * − (Δsuf − Δnec)(S_α)] ≤ 0, and each one alone then bounds the change of one term.) Checked exactly
 * on every τ of every instance of {@link SmallInstances} over the grid α = k/16 with all minimisers
 * of consecutive grid points (every pair of minimisers at α_k and α_{k+1}; by transitivity through
 * any minimiser in between this covers every pair α &lt; β of the grid); a pair that breaks
 * monotonicity is reported as the counterexample.
 */
public final class SolutionPath implements ClaimCheck {

  static final int STEPS = 16;

  @Override
  public List<String> ids() {
    return List.of("004-Lem4.1-rem");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    String id = "004-Lem4.1-rem";
    String check = "SufficiencyNecessity.solveUnified(k/16, τ) for k = 0..16, every τ ≥ 1 and"
        + " every pair of minimisers at consecutive k, exact, on " + SmallInstances.describe(ctx);
    int paths = 0;
    int moving = 0;
    long pairs = 0;
    String example = null;
    for (SmallInstances.Case c : SmallInstances.of(ctx)) {
      SufficiencyNecessity sn = c.sn();
      int d = c.table().dimension();
      for (int tau = 1; tau <= d; tau++) {
        Optimum[] opt = new Optimum[STEPS + 1];
        for (int k = 0; k <= STEPS; k++) {
          opt[k] = sn.solveUnified(BigFraction.of(k, STEPS), tau);
        }
        paths++;
        BigFraction minNec = sn.solveNecessity(tau).value().exact();
        BigFraction minSuf = sn.solveSufficiency(tau).value().exact();
        for (int s : opt[0].sets()) {
          if (!sn.deltaNec().exactAt(s).equals(minNec)) {
            return List.of(Finding.fails(id, check, c.instance() + ", τ = " + tau + ": S_0 = "
                + Subsets.format(s) + " has Δnec " + sn.deltaNec().exactAt(s) + " > min " + minNec));
          }
        }
        for (int s : opt[STEPS].sets()) {
          if (!sn.deltaSuf().exactAt(s).equals(minSuf)) {
            return List.of(Finding.fails(id, check, c.instance() + ", τ = " + tau + ": S_1 = "
                + Subsets.format(s) + " has Δsuf " + sn.deltaSuf().exactAt(s) + " > min " + minSuf));
          }
        }
        for (int i = 0; i < STEPS; i++) {
          for (int j = i + 1; j == i + 1; j++) {
            for (int a : opt[i].sets()) {
              for (int b : opt[j].sets()) {
                pairs++;
                BigFraction sa = sn.deltaSuf().exactAt(a);
                BigFraction sb = sn.deltaSuf().exactAt(b);
                BigFraction na = sn.deltaNec().exactAt(a);
                BigFraction nb = sn.deltaNec().exactAt(b);
                if (sb.compareTo(sa) > 0 || nb.compareTo(na) < 0) {
                  return List.of(Finding.fails(id, check, c.instance() + ", τ = " + tau + ": S at"
                      + " α = " + i + "/16 is " + Subsets.format(a) + " (Δsuf " + sa + ", Δnec "
                      + na + "), at α = " + j + "/16 " + Subsets.format(b) + " (Δsuf " + sb
                      + ", Δnec " + nb + ")"));
                }
              }
            }
          }
        }
        int s0 = opt[0].sets()[0];
        int s1 = opt[STEPS].sets()[0];
        if (sn.deltaSuf().compareTo(s0, sn.deltaSuf().exactAt(s1)) > 0) {
          moving++;
          if (example == null || d < 4) {
            example = c.instance() + ", τ = " + tau + ": S_0 = " + Subsets.format(s0) + " (Δsuf "
                + sn.deltaSuf().exactAt(s0) + ", Δnec " + sn.deltaNec().exactAt(s0) + ") → S_1 = "
                + Subsets.format(s1) + " (Δsuf " + sn.deltaSuf().exactAt(s1) + ", Δnec "
                + sn.deltaNec().exactAt(s1) + ")";
          }
        }
      }
    }
    return List.of(Finding.underReading(id, "at a fixed budget τ, along α ∈ [0, 1] Δsuf of the"
        + " (P_uni) solutions is non-increasing and Δnec non-decreasing (any choice among ties),"
        + " from a (P_nec) solution at α = 0 to a (P_suf) solution at α = 1; 'highly' is not"
        + " quantified, and the change can be zero (the path may not move at all)", check, paths
        + " (instance, τ) paths, " + pairs + " pairs of minimisers at consecutive α, no violation; on "
        + moving + " paths Δsuf strictly falls from α = 0 to α = 1, e.g. " + example));
  }
}
