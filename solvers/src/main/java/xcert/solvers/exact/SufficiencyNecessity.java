package xcert.solvers.exact;

import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.Closures;
import xcert.solvers.setfunction.Rho;
import xcert.solvers.setfunction.SetFunction;
import xcert.solvers.setfunction.SetFunctions;
import xcert.solvers.setfunction.Subsets;

/**
 * Sufficiency and necessity of feature sets, seed 004 Section 2.1 and Section 4, computed exactly from
 * a table of f_S(x):
 *
 * <ul>
 *   <li>Δsuf(S) = ρ(f(x), f_S(x)) (Definition 2.1, Eq. 2);
 *   <li>Δnec(S) = ρ(f_{S^c}(x), f_∅(x)) (Definition 2.2, Eq. 3);
 *   <li>Δuni(S, α) = α·Δsuf(S) + (1−α)·Δnec(S) (Eq. 6);
 *   <li>(P_suf), (P_nec), (P_uni): minimise over |S| ≤ τ, returning every minimiser;
 *   <li>ε-super-sufficiency / ε-super-necessity: every superset is ε-sufficient / ε-necessary, checked
 *       through max_{T⊇S} Δ(T) ≤ ε (an up-closure transform, O(d·2^d)).
 * </ul>
 */
public final class SufficiencyNecessity {

  private final RestrictedPredictionTable table;
  private final Rho rho;
  private final int d;
  private SetFunction suf;
  private SetFunction nec;
  private SetFunction superSuf;
  private SetFunction superNec;

  private SufficiencyNecessity(RestrictedPredictionTable table, Rho rho) {
    this.table = table;
    this.rho = rho;
    this.d = table.dimension();
  }

  public static SufficiencyNecessity of(RestrictedPredictionTable table, Rho rho) {
    return new SufficiencyNecessity(table, rho);
  }

  public RestrictedPredictionTable table() {
    return table;
  }

  public Rho rho() {
    return rho;
  }

  /** S ↦ Δsuf(S) = ρ(f(x), f_S(x)). */
  public synchronized SetFunction deltaSuf() {
    if (suf == null) {
      suf = SetFunctions.distanceFrom(table.values(), Subsets.full(d), rho);
    }
    return suf;
  }

  /** S ↦ Δnec(S) = ρ(f_{S^c}(x), f_∅(x)). */
  public synchronized SetFunction deltaNec() {
    if (nec == null) {
      nec = SetFunctions.distanceOfComplementToEmpty(table.values(), rho);
    }
    return nec;
  }

  /** S ↦ Δuni(S, α) = α·Δsuf(S) + (1−α)·Δnec(S), α ∈ [0,1]. */
  public SetFunction deltaUni(BigFraction alpha) {
    checkAlpha(alpha);
    return SetFunctions.convex(deltaSuf(), deltaNec(), alpha);
  }

  /** ρ(f(x), f_∅(x)), the scale in the hypotheses of Lemma 4.2 and Theorem 4.1. */
  public Scalar baselineGap() {
    return deltaSuf().valueAt(0);
  }

  /** (P_suf): min Δsuf(S) over |S| ≤ τ, with every minimiser. */
  public Optimum solveSufficiency(int tau) {
    return SubsetSearch.minimize(deltaSuf(), checkTau(tau));
  }

  /** (P_nec): min Δnec(S) over |S| ≤ τ, with every minimiser. */
  public Optimum solveNecessity(int tau) {
    return SubsetSearch.minimize(deltaNec(), checkTau(tau));
  }

  /** (P_uni): min Δuni(S, α) over |S| ≤ τ, with every minimiser. */
  public Optimum solveUnified(BigFraction alpha, int tau) {
    return SubsetSearch.minimize(deltaUni(alpha), checkTau(tau));
  }

  /** S ↦ max_{T ⊇ S} Δsuf(T): S is ε-super-sufficient iff this is ≤ ε. */
  public synchronized SetFunction superSufficiencyLevel() {
    if (superSuf == null) {
      superSuf = Closures.maxOverSupersets(deltaSuf());
    }
    return superSuf;
  }

  /** S ↦ max_{T ⊇ S} Δnec(T): S is ε-super-necessary iff this is ≤ ε. */
  public synchronized SetFunction superNecessityLevel() {
    if (superNec == null) {
      superNec = Closures.maxOverSupersets(deltaNec());
    }
    return superNec;
  }

  public boolean isSufficient(int s, BigFraction eps) {
    return deltaSuf().compareTo(s, eps) <= 0;
  }

  public boolean isNecessary(int s, BigFraction eps) {
    return deltaNec().compareTo(s, eps) <= 0;
  }

  public boolean isSuperSufficient(int s, BigFraction eps) {
    return superSufficiencyLevel().compareTo(s, eps) <= 0;
  }

  public boolean isSuperNecessary(int s, BigFraction eps) {
    return superNecessityLevel().compareTo(s, eps) <= 0;
  }

  private int checkTau(int tau) {
    if (tau < 0 || tau > d) {
      throw new IllegalArgumentException("τ must be in 0.." + d + ", is " + tau);
    }
    return tau;
  }

  static void checkAlpha(BigFraction alpha) {
    if (alpha.signum() < 0 || alpha.compareTo(BigFraction.ONE) > 0) {
      throw new IllegalArgumentException("α must be in [0,1], is " + alpha);
    }
  }
}
