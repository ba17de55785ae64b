package xcert.solvers.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.exact.GameValues;
import xcert.solvers.exact.Optimum;
import xcert.solvers.exact.RestrictedPredictionTable;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.exact.SufficiencyNecessity;
import xcert.solvers.instances.FiniteJoint;
import xcert.solvers.instances.Instance;
import xcert.solvers.setfunction.Rho;
import xcert.solvers.setfunction.SetFunctions;
import xcert.solvers.setfunction.Subsets;

/**
 * Seed 004's statements on generated circuits (d ≤ 12), ReLU networks (d ≤ 8) and finite joint
 * distributions, each read literally. Statements that hold are properties here; the readings that
 * fail are kept, with their smallest counterexamples, in {@link Seed004FindingsTest}.
 */
class Seed004PropertiesTest {

  private static final long SEED = 20261122L;

  private static SufficiencyNecessity sn(Instance in, Rho rho) {
    RestrictedPredictionTable t = RestrictedPredictions.table(in.model(), in.x(), in.distribution());
    return SufficiencyNecessity.of(t, rho);
  }

  /**
   * Lemma 4.1: for α ∈ (0,1), every solution S* of (P_uni) with Δuni(S*) = ε has Δsuf(S*) ≤ ε/α and
   * Δnec(S*) ≤ ε/(1−α). It needs no metric, so both distances are checked.
   */
  @Test
  void lemma41() {
    qt().withFixedSeed(SEED).withExamples(150)
        .forAll(Gens.models(12, 8), Gens.openAlphas(), integers().between(0, 12))
        .checkAssert((in, alpha, tau) -> {
          for (Rho rho : Rho.values()) {
            SufficiencyNecessity sn = sn(in, rho);
            Optimum o = sn.solveUnified(alpha, Math.min(tau, in.dimension()));
            BigFraction eps = o.value().exact();
            for (int s : o.sets()) {
              assertTrue(sn.deltaSuf().exactAt(s).compareTo(eps.divide(alpha)) <= 0, in::label);
              assertTrue(sn.deltaNec().exactAt(s)
                  .compareTo(eps.divide(BigFraction.ONE.subtract(alpha))) <= 0, in::label);
            }
          }
        });
  }

  /** Lemma 4.2 with ρ = |a − b|, for every ε in [0, ρ₀/2) at once (see Seed004Claims). */
  @Test
  void lemma42() {
    qt().withFixedSeed(SEED).withExamples(200).forAll(Gens.models(12, 8))
        .checkAssert(in -> {
          Verdict v = Seed004Claims.lemma42(sn(in, Rho.ABS));
          assertTrue(!v.failed(), () -> in + ": " + v);
        });
  }

  /**
   * The all-ε Lemma 4.2 check against brute force: every pair of disjoint sets and every ε in the
   * finite set of values where sufficiency or necessity of some set changes (all Δ values below
   * ρ₀/2, and 0). Run with both distances, so that the failing (squared) case is compared too.
   */
  @Test
  void lemma42CheckAgreesWithBruteForce() {
    qt().withFixedSeed(SEED).withExamples(120).forAll(Gens.models(5, 4))
        .checkAssert(in -> {
          for (Rho rho : Rho.values()) {
            SufficiencyNecessity sn = sn(in, rho);
            boolean fast = !Seed004Claims.lemma42(sn).failed();
            assertEquals(bruteForceLemma42(sn), fast, () -> in + " " + rho);
          }
        });
  }

  private static boolean bruteForceLemma42(SufficiencyNecessity sn) {
    int d = sn.table().dimension();
    int n = 1 << d;
    BigFraction half = sn.baselineGap().exact().divide(2);
    List<BigFraction> eps = new ArrayList<>();
    eps.add(BigFraction.ZERO);
    for (int s = 0; s < n; s++) {
      for (BigFraction e : new BigFraction[] {sn.deltaSuf().exactAt(s), sn.deltaNec().exactAt(s)}) {
        if (e.compareTo(half) < 0) {
          eps.add(e);
        }
      }
    }
    for (BigFraction e : eps) {
      if (e.compareTo(half) >= 0) {
        continue;
      }
      for (int a = 0; a < n; a++) {
        for (int b = 0; b < n; b++) {
          if ((a & b) != 0) {
            continue;
          }
          boolean sufA = sn.deltaSuf().exactAt(a).compareTo(e) <= 0;
          boolean necB = sn.deltaNec().exactAt(b).compareTo(e) <= 0;
          boolean superSufA = true;
          boolean superNecB = true;
          for (int t = 0; t < n; t++) {
            if ((t & a) == a) {
              superSufA &= sn.deltaSuf().exactAt(t).compareTo(e) <= 0;
            }
            if ((t & b) == b) {
              superNecB &= sn.deltaNec().exactAt(t).compareTo(e) <= 0;
            }
          }
          if (sufA && necB && (superSufA || superNecB)) {
            return false; // disjoint pair meeting the hypotheses: the lemma fails
          }
        }
      }
    }
    return true;
  }

  /**
   * Theorem 4.1 as its proof builds it (ρ = |a − b|): S_suf ∪ S_nec has Δuni ≤ ε for every α and
   * max(τ1, τ2) ≤ |S_suf ∪ S_nec| < τ1 + τ2.
   */
  @Test
  void theorem41Construction() {
    qt().withFixedSeed(SEED).withExamples(120).forAll(Gens.models(10, 7), Gens.alphas())
        .checkAssert((in, alpha) -> {
          Verdict v = Seed004Claims.theorem41(sn(in, Rho.ABS), alpha)[0];
          assertTrue(!v.failed(), () -> in + ": " + v);
        });
  }

  /**
   * Theorem 5.1 at α = 1/2, the case its proof covers (ρ = |a − b|): for f(x) ≠ f_∅(x) and every S,
   * ϕ_S = ½[v([d]) − v(S^c)] + ½[v(S) − v(∅)] ≥ ρ(f(x), f_∅(x)) − Δuni(S, 1/2), v(S) = −|f(x) − f_S(x)|.
   * The value ϕ_S is summed here from its definition, not by the library.
   */
  @Test
  void theorem51AtOneHalf() {
    BigFraction half = BigFraction.of(1, 2);
    qt().withFixedSeed(SEED).withExamples(200).forAll(Gens.models(12, 8))
        .checkAssert(in -> {
          SufficiencyNecessity sn = sn(in, Rho.ABS);
          RestrictedPredictionTable t = sn.table();
          int d = in.dimension();
          BigFraction fx = t.fx().exact();
          BigFraction f0 = t.fEmpty().exact();
          if (fx.equals(f0)) {
            return;
          }
          for (int s = 0; s < 1 << d; s++) {
            BigFraction fs = t.at(s).exact();
            BigFraction fc = t.at(Subsets.complement(s, d)).exact();
            // v(T) = -|f(x) - f_T(x)|, so v([d]) = 0, v(S^c) = -|f(x) - f_{S^c}|, v(∅) = -|f(x) - f_∅|
            BigFraction vFull = BigFraction.ZERO;
            BigFraction vS = fx.subtract(fs).abs().negate();
            BigFraction vC = fx.subtract(fc).abs().negate();
            BigFraction vEmpty = fx.subtract(f0).abs().negate();
            BigFraction phi = vFull.subtract(vC).add(vS.subtract(vEmpty)).divide(2);
            BigFraction uni = half.multiply(fx.subtract(fs).abs())
                .add(half.multiply(fc.subtract(f0).abs()));
            final int set = s;
            assertTrue(phi.compareTo(fx.subtract(f0).abs().subtract(uni)) >= 0,
                () -> in + " S=" + Subsets.format(set));
          }
        });
  }

  /** The library's two-player value equals Eq. 50 written out. */
  @Test
  void partitionValueMatchesEq50() {
    qt().withFixedSeed(SEED).withExamples(100).forAll(Gens.models(8, 6))
        .checkAssert(in -> {
          SufficiencyNecessity sn = sn(in, Rho.ABS);
          var v = SetFunctions.negate(sn.deltaSuf());
          int d = in.dimension();
          for (int s = 0; s < 1 << d; s++) {
            BigFraction expect = v.exactAt(Subsets.full(d))
                .subtract(v.exactAt(Subsets.complement(s, d))).divide(2)
                .add(v.exactAt(s).subtract(v.exactAt(0)).divide(2));
            assertEquals(expect, GameValues.partitionValue(v, s).exact());
          }
        });
  }

  /**
   * Corollary 5.1 with V_S the conditional distribution and f = E[Y | X]: every solution S* of
   * (P_uni) satisfies ρ(E[Y|x], E[Y|x_{S*}]) ≤ ε/α and ρ(E[Y|x_{S*^c}], E[Y]) ≤ ε/(1−α). Both sides
   * are computed from the joint distribution directly.
   */
  @Test
  void corollary51() {
    qt().withFixedSeed(SEED).withExamples(150)
        .forAll(Gens.joints(8), Gens.openAlphas(), integers().between(0, 8),
            integers().between(0, 1000))
        .checkAssert((joint, alpha, tau, pick) -> {
          double[] x = joint.x(pick % joint.size());
          for (Rho rho : Rho.values()) {
            Verdict v = Seed004Claims.corollary51(joint, x, alpha,
                Math.min(tau, joint.dimension()), rho);
            assertTrue(!v.failed(), v::toString);
          }
        });
  }

  /** Eq. 42: with the conditional reference, f_S(x) = E[Y | X_S = x_S] for every S. */
  @Test
  void conditionalReferenceGivesConditionalMeans() {
    qt().withFixedSeed(SEED).withExamples(150).forAll(Gens.joints(8), integers().between(0, 1000))
        .checkAssert((FiniteJoint joint, Integer pick) -> {
          double[] x = joint.x(pick % joint.size());
          RestrictedPredictionTable t = RestrictedPredictions.table(joint.regressionFunction(), x,
              joint.marginalOfX());
          for (int s = 0; s < 1 << joint.dimension(); s++) {
            assertEquals(joint.conditionalMean(x, s), t.at(s).exact());
          }
        });
  }
}
