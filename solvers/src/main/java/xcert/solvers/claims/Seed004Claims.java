package xcert.solvers.claims;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.exact.GameValues;
import xcert.solvers.exact.Optimum;
import xcert.solvers.exact.RestrictedPredictionTable;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.exact.SubsetSearch;
import xcert.solvers.exact.SufficiencyNecessity;
import xcert.solvers.instances.FiniteJoint;
import xcert.solvers.num.Rationals;
import xcert.solvers.setfunction.Closures;
import xcert.solvers.setfunction.Rho;
import xcert.solvers.setfunction.SetFunction;
import xcert.solvers.setfunction.SetFunctions;
import xcert.solvers.setfunction.Subsets;

/**
 * The statements of seed 004 (Bharti, Yi, Sulam, "Sufficient and Necessary Explanations") as
 * executable checks on one instance, in exact arithmetic. Each check reads the statement literally
 * and returns a {@link Verdict} with a witness; none assumes the statement is true.
 *
 * <ul>
 *   <li>Lemma 4.1: an optimal S* of (P_uni) with Δuni(S*, α) = ε is ε/α-sufficient and
 *       ε/(1−α)-necessary, α ∈ (0,1).
 *   <li>Lemma 4.2: for 0 ≤ ε < ρ(f(x), f_∅(x))/2, an ε-sufficient S_suf and an ε-necessary S_nec
 *       intersect when one of them is super. Checked for every ε at once: it fails iff some disjoint
 *       pair has max(level(S_suf), level(S_nec)) < ρ₀/2, with the super level max_{T⊇S} Δ(T) on the
 *       super side; the smallest such max over disjoint pairs is found with a down-closure (min over
 *       subsets of the complement).
 *   <li>Theorem 4.1: with S_suf an ε-super-sufficient solution of (P_suf) of size τ1 and S_nec an
 *       ε-super-necessary solution of (P_nec) of size τ2, "there exists a solution S* of (P_uni) with
 *       Δuni(S*) ≤ ε and max(τ1, τ2) ≤ |S*| < τ1 + τ2", and S* = S_nec (S_suf) when S_suf ⊆ S_nec (the
 *       reverse). The statement leaves the budget of (P_uni) open; two readings are checked: the
 *       proof's construction S* = S_suf ∪ S_nec, and the literal one, that some optimal set of (P_uni)
 *       at some budget τ (any τ ≥ max(τ1,τ2), the most generous choice: a smaller budget admits no
 *       set of the stated size) has these properties. Every ε is covered by checking at the least ε
 *       the hypotheses allow, max(level(S_suf), level(S_nec)).
 *   <li>Corollary 5.1: with the conditional reference and f = E[Y | X], an optimal S* of (P_uni) with
 *       Δuni = ε satisfies ρ(E[Y|x], E[Y|X_{S*} = x_{S*}]) ≤ ε/α and ρ(E[Y|X_{S*^c} = x_{S*^c}], E[Y])
 *       ≤ ε/(1−α), the conditional means computed from the joint directly.
 *   <li>Theorem 5.1: for f(x) ≠ f_∅(x), every S and v(S) = −ρ(f(x), f_S(x)), the two-player value
 *       ϕ_S ≥ ρ(f(x), f_∅(x)) − Δuni(S, α). The statement does not fix α; its proof and the remark after
 *       it use α = 1/2.
 * </ul>
 *
 * <p>Lemma 4.2, Theorem 4.1 and Theorem 5.1 assume ρ is a metric; with the squared distance their
 * hypotheses are not met, and a failure there is reported as such by the caller, not as a
 * counterexample.
 */
public final class Seed004Claims {

  /** Most (S_suf, S_nec) pairs examined per instance in Theorem 4.1. */
  public static final int MAX_PAIRS = 4000;

  private Seed004Claims() {}

  private static void requireExact(SufficiencyNecessity sn) {
    if (!sn.table().isExact()) {
      throw new IllegalArgumentException("the claims are checked in exact arithmetic only");
    }
  }

  private static String fmt(BigFraction f) {
    return Rationals.format(f);
  }

  /** Lemma 4.1 for one α ∈ (0,1) and τ, on every optimal set of (P_uni). */
  public static Verdict lemma41(SufficiencyNecessity sn, BigFraction alpha, int tau) {
    requireExact(sn);
    String claim = "Lemma 4.1";
    if (alpha.signum() <= 0 || alpha.compareTo(BigFraction.ONE) >= 0) {
      return Verdict.vacuous(claim, "α = " + fmt(alpha) + " is outside (0,1)");
    }
    Optimum opt = sn.solveUnified(alpha, tau);
    BigFraction eps = opt.value().exact();
    for (int s : opt.sets()) {
      BigFraction suf = sn.deltaSuf().exactAt(s);
      BigFraction nec = sn.deltaNec().exactAt(s);
      BigFraction sufBound = eps.divide(alpha);
      BigFraction necBound = eps.divide(BigFraction.ONE.subtract(alpha));
      if (suf.signum() < 0 || suf.compareTo(sufBound) > 0 || nec.signum() < 0
          || nec.compareTo(necBound) > 0) {
        return Verdict.fails(claim, "S*=" + Subsets.format(s) + ", ε=" + fmt(eps) + ", Δsuf="
            + fmt(suf) + " vs ε/α=" + fmt(sufBound) + ", Δnec=" + fmt(nec) + " vs ε/(1−α)="
            + fmt(necBound));
      }
    }
    return Verdict.holds(claim, opt.count() + " optimal sets at α=" + fmt(alpha) + ", τ=" + tau);
  }

  /** Lemma 4.2 for every ε ∈ [0, ρ(f(x), f_∅(x))/2) at once. */
  public static Verdict lemma42(SufficiencyNecessity sn) {
    requireExact(sn);
    String claim = "Lemma 4.2";
    int d = sn.table().dimension();
    BigFraction half = sn.baselineGap().exact().divide(2);
    if (half.signum() == 0) {
      return Verdict.vacuous(claim, "ρ(f(x), f_∅(x)) = 0: no ε satisfies 0 ≤ ε < 0");
    }
    SetFunction suf = sn.deltaSuf();
    SetFunction nec = sn.deltaNec();
    SetFunction superSuf = sn.superSufficiencyLevel();
    SetFunction superNec = sn.superNecessityLevel();
    SetFunction minNecWithin = Closures.minOverSubsets(nec);
    SetFunction minSufWithin = Closures.minOverSubsets(suf);
    BigFraction tightest = null;
    for (int s = 0; s < 1 << d; s++) {
      int c = Subsets.complement(s, d);
      // S super-sufficient, some ε-necessary T ⊆ S^c
      BigFraction a = max(superSuf.exactAt(s), minNecWithin.exactAt(c));
      if (a.compareTo(half) < 0) {
        return Verdict.fails(claim, "S_suf=" + Subsets.format(s) + " is ε-super-sufficient and a"
            + " subset of its complement " + Subsets.format(c) + " is ε-necessary at ε=" + fmt(a)
            + " < ρ₀/2=" + fmt(half));
      }
      // S super-necessary, some ε-sufficient T ⊆ S^c
      BigFraction b = max(superNec.exactAt(s), minSufWithin.exactAt(c));
      if (b.compareTo(half) < 0) {
        return Verdict.fails(claim, "S_nec=" + Subsets.format(s) + " is ε-super-necessary and a"
            + " subset of its complement " + Subsets.format(c) + " is ε-sufficient at ε=" + fmt(b)
            + " < ρ₀/2=" + fmt(half));
      }
      BigFraction m = a.compareTo(b) < 0 ? a : b;
      tightest = tightest == null || m.compareTo(tightest) < 0 ? m : tightest;
    }
    return Verdict.holds(claim, "every disjoint pair needs ε ≥ " + fmt(tightest) + " ≥ ρ₀/2="
        + fmt(half));
  }

  /** The two readings of Theorem 4.1 for one α; every τ1, τ2 and admissible pair. */
  public static Verdict[] theorem41(SufficiencyNecessity sn, BigFraction alpha) {
    requireExact(sn);
    String construction = "Theorem 4.1 (construction S_suf ∪ S_nec)";
    String literal = "Theorem 4.1 (literal: an optimal set of P_uni)";
    String furthermore = "Theorem 4.1 (furthermore: nested sets)";
    int d = sn.table().dimension();
    BigFraction half = sn.baselineGap().exact().divide(2);
    SetFunction uni = sn.deltaUni(alpha);
    Optimum[] uniOpt = new Optimum[d + 1];
    BigFraction[] best = new BigFraction[d + 1];
    long[] sizes = new long[d + 1]; // bit k: some optimal set at budget τ has size k
    for (int tau = 0; tau <= d; tau++) {
      uniOpt[tau] = SubsetSearch.minimize(uni, tau);
      best[tau] = uniOpt[tau].value().exact();
      for (int s : uniOpt[tau].sets()) {
        sizes[tau] |= 1L << Integer.bitCount(s);
      }
    }
    int pairs = 0;
    int nested = 0;
    Verdict[] out = new Verdict[3];
    // ε = max(level(S_suf), level(S_nec)) < ρ₀/2 needs both levels below ρ₀/2: keep only those
    List<List<Integer>> sufByTau = new ArrayList<>();
    List<List<Integer>> necByTau = new ArrayList<>();
    for (int tau = 0; tau <= d; tau++) {
      sufByTau.add(tau == 0 ? List.of()
          : below(exactSize(sn.solveSufficiency(tau), tau), sn.superSufficiencyLevel(), half));
      necByTau.add(tau == 0 ? List.of()
          : below(exactSize(sn.solveNecessity(tau), tau), sn.superNecessityLevel(), half));
    }
    for (int t1 = 1; t1 <= d && pairs < MAX_PAIRS; t1++) {
      List<Integer> sufSets = sufByTau.get(t1);
      for (int t2 = 1; t2 <= d && pairs < MAX_PAIRS; t2++) {
        List<Integer> necSets = necByTau.get(t2);
        for (int a : sufSets) {
          for (int b : necSets) {
            if (++pairs > MAX_PAIRS) {
              break;
            }
            BigFraction eps = max(sn.superSufficiencyLevel().exactAt(a),
                sn.superNecessityLevel().exactAt(b));
            String where = "S_suf=" + Subsets.format(a) + " (τ1=" + t1 + "), S_nec="
                + Subsets.format(b) + " (τ2=" + t2 + "), ε=" + fmt(eps) + ", α=" + fmt(alpha);
            int u = a | b;
            int lo = Math.max(t1, t2);
            int hi = t1 + t2; // exclusive
            if (out[0] == null && (uni.compareTo(u, eps) > 0 || Integer.bitCount(u) < lo
                || Integer.bitCount(u) >= hi)) {
              out[0] = Verdict.fails(construction, where + ": S_suf ∪ S_nec = " + Subsets.format(u)
                  + " has Δuni=" + fmt(uni.exactAt(u)) + ", size " + Integer.bitCount(u));
            }
            if (out[1] == null && !literalHolds(best, sizes, eps, lo, hi)) {
              out[1] = Verdict.fails(literal, where + ": no optimal set of P_uni at any budget in ["
                  + lo + ", " + d + "] has Δuni ≤ ε and size in [" + lo + ", " + hi + ")"
                  + "; optima: " + describeOptima(uniOpt, lo, d));
            }
            if ((a & ~b) == 0 || (b & ~a) == 0) {
              nested++;
              int expected = (a & ~b) == 0 ? b : a;
              if (out[2] == null && !isOptimalAtSomeBudget(uni, best, expected, lo, d)) {
                out[2] = Verdict.fails(furthermore, where + ": " + Subsets.format(expected)
                    + " (Δuni=" + fmt(uni.exactAt(expected)) + ") is not optimal for P_uni at any "
                    + "budget in [" + lo + ", " + d + "]; optima: " + describeOptima(uniOpt, lo, d));
              }
            }
          }
        }
      }
    }
    String summary = pairs + (pairs > MAX_PAIRS ? "+ (capped)" : "") + " admissible pairs";
    if (pairs == 0) {
      String why = "no ε-super-sufficient/ε-super-necessary optimal pair with ε < ρ₀/2";
      return new Verdict[] {Verdict.vacuous(construction, why), Verdict.vacuous(literal, why),
          Verdict.vacuous(furthermore, why)};
    }
    if (out[0] == null) {
      out[0] = Verdict.holds(construction, summary);
    }
    if (out[1] == null) {
      out[1] = Verdict.holds(literal, summary);
    }
    if (out[2] == null) {
      out[2] = nested == 0 ? Verdict.vacuous(furthermore, "no nested pair among " + summary)
          : Verdict.holds(furthermore, nested + " nested pairs");
    }
    return out;
  }

  /**
   * Some optimal set of P_uni at some budget τ ≥ lo has Δuni ≤ ε and a size in [lo, hi). Every
   * optimal set at budget τ has the value best[τ]; sizes[τ] has bit k when one of them has size k.
   */
  private static boolean literalHolds(BigFraction[] best, long[] sizes, BigFraction eps, int lo,
      int hi) {
    long range = (hi >= 63 ? -1L : (1L << hi) - 1) & ~((1L << lo) - 1);
    for (int tau = lo; tau < best.length; tau++) {
      if (best[tau].compareTo(eps) <= 0 && (sizes[tau] & range) != 0) {
        return true;
      }
    }
    return false;
  }

  /** S is optimal for P_uni at budget τ iff |S| ≤ τ and Δuni(S) equals the optimum at τ. */
  private static boolean isOptimalAtSomeBudget(SetFunction uni, BigFraction[] best, int s, int lo,
      int hi) {
    for (int tau = Math.max(lo, Integer.bitCount(s)); tau <= hi && tau < best.length; tau++) {
      if (uni.compareTo(s, best[tau]) == 0) {
        return true;
      }
    }
    return false;
  }

  private static String describeOptima(Optimum[] uniOpt, int lo, int hi) {
    StringBuilder sb = new StringBuilder();
    for (int tau = lo; tau <= hi && tau < uniOpt.length; tau++) {
      Optimum o = uniOpt[tau];
      sb.append("τ=").append(tau).append(": ").append(o.value()).append(" at");
      int shown = 0;
      for (int s : o.sets()) {
        if (shown++ == 3) {
          sb.append(" …");
          break;
        }
        sb.append(' ').append(Subsets.format(s));
      }
      sb.append("; ");
    }
    return sb.toString();
  }

  /** The sets whose level is below the bound. */
  private static List<Integer> below(List<Integer> sets, SetFunction level, BigFraction bound) {
    List<Integer> out = new ArrayList<>();
    for (int s : sets) {
      if (level.compareTo(s, bound) < 0) {
        out.add(s);
      }
    }
    return out;
  }

  private static List<Integer> exactSize(Optimum o, int size) {
    List<Integer> out = new ArrayList<>();
    for (int s : o.sets()) {
      if (Integer.bitCount(s) == size) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Theorem 5.1 for one α on every S: ϕ_S(Λ, v) ≥ ρ(f(x), f_∅(x)) − Δuni(S, α) with v(S) =
   * −ρ(f(x), f_S(x)).
   */
  public static Verdict theorem51(SufficiencyNecessity sn, BigFraction alpha) {
    requireExact(sn);
    String claim = "Theorem 5.1";
    int d = sn.table().dimension();
    BigFraction gap = sn.baselineGap().exact();
    if (sn.table().fx().exact().equals(sn.table().fEmpty().exact())) {
      return Verdict.vacuous(claim, "f(x) = f_∅(x)");
    }
    SetFunction game = SetFunctions.negate(sn.deltaSuf());
    SetFunction uni = sn.deltaUni(alpha);
    for (int s = 0; s < 1 << d; s++) {
      BigFraction phi = GameValues.partitionValue(game, s).exact();
      BigFraction bound = gap.subtract(uni.exactAt(s));
      if (phi.compareTo(bound) < 0) {
        return Verdict.fails(claim, "S=" + Subsets.format(s) + ", α=" + fmt(alpha) + ": ϕ_S="
            + fmt(phi) + " < ρ(f(x),f_∅)−Δuni=" + fmt(gap) + "−" + fmt(uni.exactAt(s)) + "="
            + fmt(bound) + " (f(x)=" + sn.table().fx() + ", f_S=" + sn.table().at(s) + ", f_S^c="
            + sn.table().at(Subsets.complement(s, d)) + ", f_∅=" + sn.table().fEmpty() + ")");
      }
    }
    return Verdict.holds(claim, "all " + (1 << d) + " sets at α=" + fmt(alpha));
  }

  /**
   * Corollary 5.1 on a finite joint distribution: f = E[Y | X], the conditional reference, x a support
   * point, α ∈ (0,1), τ, ρ.
   */
  public static Verdict corollary51(FiniteJoint joint, double[] x, BigFraction alpha, int tau,
      Rho rho) {
    String claim = "Corollary 5.1";
    if (alpha.signum() <= 0 || alpha.compareTo(BigFraction.ONE) >= 0) {
      return Verdict.vacuous(claim, "α = " + fmt(alpha) + " is outside (0,1)");
    }
    int d = joint.dimension();
    RestrictedPredictionTable t = RestrictedPredictions.table(joint.regressionFunction(), x,
        joint.marginalOfX());
    SufficiencyNecessity sn = SufficiencyNecessity.of(t, rho);
    Optimum opt = sn.solveUnified(alpha, tau);
    BigFraction eps = opt.value().exact();
    BigFraction ey = joint.conditionalMean(x, 0);
    BigFraction eyx = joint.conditionalMean(x, Subsets.full(d));
    for (int s : opt.sets()) {
      BigFraction keep = joint.conditionalMean(x, s);
      BigFraction drop = joint.conditionalMean(x, Subsets.complement(s, d));
      BigFraction lhs1 = rho.apply(eyx, keep);
      BigFraction lhs2 = rho.apply(drop, ey);
      BigFraction b1 = eps.divide(alpha);
      BigFraction b2 = eps.divide(BigFraction.ONE.subtract(alpha));
      if (lhs1.compareTo(b1) > 0 || lhs2.compareTo(b2) > 0) {
        return Verdict.fails(claim, "S*=" + Subsets.format(s) + ", ε=" + fmt(eps)
            + ": ρ(E[Y|x], E[Y|x_S])=" + fmt(lhs1) + " vs ε/α=" + fmt(b1)
            + ", ρ(E[Y|x_S^c], E[Y])=" + fmt(lhs2) + " vs ε/(1−α)=" + fmt(b2));
      }
    }
    return Verdict.holds(claim, opt.count() + " optimal sets at α=" + fmt(alpha) + ", τ=" + tau);
  }

  private static BigFraction max(BigFraction a, BigFraction b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
