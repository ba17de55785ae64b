package xcert.ledger.seed004;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;
import xcert.ledger.seed000.Verdicts;
import xcert.solvers.claims.TableConsistency;
import xcert.solvers.claims.Verdict;
import xcert.solvers.exact.Optimum;
import xcert.solvers.exact.SufficiencyNecessity;
import xcert.solvers.setfunction.Rho;
import xcert.solvers.setfunction.SetFunction;
import xcert.solvers.setfunction.Subsets;

/**
 * Seed 004's definitions (Eq. 1–6, Definitions 2.1–2.2, (P_suf), (P_nec)) against xcert's exact
 * tables on {@link SmallInstances}, every set S enumerated here:
 *
 * <ul>
 *   <li>004-Eq1: the f_S table equals Eq. 1 computed directly by enumeration of V
 *       ({@link TableConsistency#tableEqualsDefinition});
 *   <li>004-Def2.1 / 004-Def2.2: Δsuf(S) = |f(x) − f_S(x)| and Δnec(S) = |f_{S^c}(x) − f_∅(x)| from
 *       the table; ε-sufficiency (ε-necessity) holds at ε = Δ(S) and not just below;
 *       ε-super-sufficiency (super-necessity) at ε = max_{T ⊇ S} Δ(T), enumerated
 *       here, agrees with {@code isSuperSufficient}/{@code isSuperNecessary} at that ε and fails just
 *       below it;
 *   <li>004-Psuf/nec: the optima of (P_suf) and (P_nec) for every τ equal a brute-force minimum over
 *       |S| ≤ τ, with the same list of minimisers;
 *   <li>004-Eq6: Δuni(S, α) = αΔsuf(S) + (1−α)Δnec(S) for α ∈ {0, 1/4, 1/3, 1/2, 1};
 *   <li>004-Eq4-5: an ε-sufficient solution of (P_suf) need not be ε-necessary: a witness is
 *       searched among the instances (optimal for (P_suf) at some τ with Δsuf = ε and Δnec > ε).
 * </ul>
 */
public final class DefinitionChecks implements ClaimCheck {

  @Override
  public List<String> ids() {
    return List.of("004-Eq1", "004-Def2.1", "004-Def2.2", "004-Psuf/nec", "004-Eq6", "004-Eq4-5");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    List<SmallInstances.Case> cases = SmallInstances.of(ctx);
    String on = SmallInstances.describe(ctx);
    List<Verdict> eq1 = new ArrayList<>();
    List<Verdict> suf = new ArrayList<>();
    List<Verdict> nec = new ArrayList<>();
    List<Verdict> opt = new ArrayList<>();
    List<Verdict> uni = new ArrayList<>();
    String witness = null;
    int witnessD = Integer.MAX_VALUE;
    for (SmallInstances.Case c : cases) {
      eq1.add(TableConsistency.tableEqualsDefinition(c.instance(), c.table(), true));
      suf.add(deltas(c, true));
      nec.add(deltas(c, false));
      opt.add(optima(c));
      uni.add(unified(c));
      int d = c.table().dimension();
      if (d < witnessD) {
        String w = notNecessaryWitness(c);
        if (w != null) {
          witness = w;
          witnessD = d;
        }
      }
    }
    List<Finding> out = new ArrayList<>();
    out.add(Verdicts.finding("004-Eq1", "TableConsistency.tableEqualsDefinition (every S) on "
        + on, eq1));
    out.add(Verdicts.finding("004-Def2.1", "Δsuf, super-sufficiency level vs own enumeration on "
        + on, suf));
    out.add(Verdicts.finding("004-Def2.2", "Δnec, super-necessity level vs own enumeration on "
        + on, nec));
    out.add(Verdicts.finding("004-Psuf/nec", "solveSufficiency/solveNecessity(τ), every τ, vs"
        + " brute force on " + on, opt));
    out.add(Verdicts.finding("004-Eq6", "deltaUni(α) vs αΔsuf + (1−α)Δnec on " + on, uni));
    String check = "search of the instances for a (P_suf) solution S at some τ with Δsuf(S) = ε"
        + " and Δnec(S) > ε, on " + on;
    out.add(witness == null ? Finding.fails("004-Eq4-5", check, "no witness among "
        + cases.size() + " instances") : Finding.holds("004-Eq4-5", check, "smallest witness: "
        + witness));
    return out;
  }

  private static Verdict deltas(SmallInstances.Case c, boolean sufficiency) {
    String claim = sufficiency ? "Definition 2.1" : "Definition 2.2";
    SufficiencyNecessity sn = c.sn();
    int d = c.table().dimension();
    BigFraction fx = c.table().fx().exact();
    BigFraction f0 = c.table().fEmpty().exact();
    SetFunction delta = sufficiency ? sn.deltaSuf() : sn.deltaNec();
    for (int s = 0; s < 1 << d; s++) {
      BigFraction want = sufficiency ? Rho.ABS.apply(fx, c.table().at(s).exact())
          : Rho.ABS.apply(c.table().at(Subsets.complement(s, d)).exact(), f0);
      if (!delta.exactAt(s).equals(want)) {
        return Verdict.fails(claim, c.instance() + ": S=" + Subsets.format(s) + " Δ = "
            + delta.exactAt(s) + ", definition " + want);
      }
      BigFraction own = delta.exactAt(s);
      BigFraction tiny = own.subtract(BigFraction.of(1, 1 << 20).multiply(own));
      boolean plain = sufficiency ? sn.isSufficient(s, own) : sn.isNecessary(s, own);
      boolean plainBelow = own.signum() > 0 && (sufficiency ? sn.isSufficient(s, tiny)
          : sn.isNecessary(s, tiny));
      if (!plain || plainBelow) {
        return Verdict.fails(claim, c.instance() + ": S=" + Subsets.format(s) + " with Δ = " + own
            + " is ε-" + (sufficiency ? "sufficient" : "necessary") + " at ε = Δ: " + plain
            + ", just below: " + plainBelow);
      }
      BigFraction level = BigFraction.ZERO;
      for (int t = 0; t < 1 << d; t++) {
        if ((t & s) == s && delta.exactAt(t).compareTo(level) > 0) {
          level = delta.exactAt(t);
        }
      }
      boolean at = sufficiency ? sn.isSuperSufficient(s, level) : sn.isSuperNecessary(s, level);
      BigFraction below = level.subtract(BigFraction.of(1, 1 << 20).multiply(level));
      boolean under = level.signum() > 0 && (sufficiency ? sn.isSuperSufficient(s, below)
          : sn.isSuperNecessary(s, below));
      if (!at || under) {
        return Verdict.fails(claim, c.instance() + ": S=" + Subsets.format(s) + " has max over"
            + " supersets " + level + " but the super predicate says " + at + " at it, " + under
            + " just below");
      }
    }
    return Verdict.holds(claim, c.instance() + ": " + (1 << d) + " sets");
  }

  private static Verdict optima(SmallInstances.Case c) {
    int d = c.table().dimension();
    for (int tau = 0; tau <= d; tau++) {
      for (boolean sufficiency : new boolean[] {true, false}) {
        SetFunction delta = sufficiency ? c.sn().deltaSuf() : c.sn().deltaNec();
        Optimum o = sufficiency ? c.sn().solveSufficiency(tau) : c.sn().solveNecessity(tau);
        BigFraction best = null;
        List<Integer> sets = new ArrayList<>();
        for (int s = 0; s < 1 << d; s++) {
          if (Integer.bitCount(s) > tau) {
            continue;
          }
          int cmp = best == null ? -1 : delta.exactAt(s).compareTo(best);
          if (cmp < 0) {
            best = delta.exactAt(s);
            sets.clear();
          }
          if (cmp <= 0) {
            sets.add(s);
          }
        }
        boolean same = o.value().exact().equals(best) && o.count() == sets.size();
        for (int s : sets) {
          same &= o.contains(s);
        }
        if (!same) {
          return Verdict.fails("(P_suf)/(P_nec)", c.instance() + ": τ=" + tau + " "
              + (sufficiency ? "P_suf " : "P_nec ") + o + " vs brute force " + best + " at "
              + sets.size() + " sets");
        }
      }
    }
    return Verdict.holds("(P_suf)/(P_nec)", c.instance() + ": every τ");
  }

  private static Verdict unified(SmallInstances.Case c) {
    int d = c.table().dimension();
    for (BigFraction a : new BigFraction[] {BigFraction.ZERO, BigFraction.of(1, 4),
        BigFraction.of(1, 3), BigFraction.of(1, 2), BigFraction.ONE}) {
      SetFunction u = c.sn().deltaUni(a);
      for (int s = 0; s < 1 << d; s++) {
        BigFraction want = a.multiply(c.sn().deltaSuf().exactAt(s))
            .add(BigFraction.ONE.subtract(a).multiply(c.sn().deltaNec().exactAt(s)));
        if (!u.exactAt(s).equals(want)) {
          return Verdict.fails("Eq. 6", c.instance() + ": α=" + a + " S=" + Subsets.format(s)
              + " Δuni " + u.exactAt(s) + " ≠ " + want);
        }
      }
    }
    return Verdict.holds("Eq. 6", c.instance() + ": 5 α × " + (1 << d) + " sets");
  }

  private static String notNecessaryWitness(SmallInstances.Case c) {
    int d = c.table().dimension();
    for (int tau = 1; tau <= d; tau++) {
      Optimum o = c.sn().solveSufficiency(tau);
      for (int s : o.sets()) {
        BigFraction eps = c.sn().deltaSuf().exactAt(s);
        BigFraction nec = c.sn().deltaNec().exactAt(s);
        if (nec.compareTo(eps) > 0) {
          return c.instance() + ": S = " + Subsets.format(s) + " solves (P_suf) at τ = " + tau
              + " with Δsuf = ε = " + eps + " but Δnec = " + nec + " > ε (f(x) = "
              + c.table().fx() + ", f_∅ = " + c.table().fEmpty() + ")";
        }
      }
    }
    return null;
  }
}
