package xcert.solvers.exact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.model.Circuit;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.Rho;
import xcert.solvers.setfunction.SetFunctions;

/**
 * The enumerators on functions small enough to work out on paper. Each expected value is derived in
 * the comment above it from the definitions of seed 004 (Δsuf, Δnec, Δuni, Shapley) and seed 003
 * (δ-relevance, distortion).
 */
class EnumeratorsByHandTest {

  private static BigFraction q(long n, long d) {
    return BigFraction.of(n, d);
  }

  /** f = x1 ∨ x2 under the uniform distribution at x = 11. */
  private static RestrictedPredictionTable orTable() {
    Circuit.Builder b = Circuit.builder(2);
    Circuit or = b.output(b.or(b.input(1), b.input(2))).build();
    return RestrictedPredictions.table(or, new double[] {1, 1}, ProductDistribution.uniform(2));
  }

  /** f = x1 ∧ x2 ∧ x3 under the uniform distribution at x = 111. */
  private static RestrictedPredictionTable and3Table() {
    Circuit.Builder b = Circuit.builder(3);
    Circuit and = b.output(b.and(b.input(1), b.input(2), b.input(3))).build();
    return RestrictedPredictions.table(and, new double[] {1, 1, 1}, ProductDistribution.uniform(3));
  }

  @Test
  void deltasOfOr() {
    // f_∅ = 3/4, f_{1} = f_{2} = f_{12} = 1.
    SufficiencyNecessity sn = SufficiencyNecessity.of(orTable(), Rho.ABS);
    // Δsuf(∅) = |1 − 3/4| = 1/4; Δsuf({1}) = 0
    assertEquals(q(1, 4), sn.deltaSuf().exactAt(0b00));
    assertEquals(BigFraction.ZERO, sn.deltaSuf().exactAt(0b01));
    // Δnec({1}) = |f_{2} − f_∅| = 1/4; Δnec({1,2}) = |f_∅ − f_∅| = 0; Δnec(∅) = |f(x) − f_∅| = 1/4
    assertEquals(q(1, 4), sn.deltaNec().exactAt(0b01));
    assertEquals(BigFraction.ZERO, sn.deltaNec().exactAt(0b11));
    assertEquals(q(1, 4), sn.deltaNec().exactAt(0b00));
    // squared distance: Δsuf(∅) = 1/16
    SufficiencyNecessity sq = SufficiencyNecessity.of(orTable(), Rho.SQUARED);
    assertEquals(q(1, 16), sq.deltaSuf().exactAt(0));
  }

  @Test
  void problemsReturnEveryOptimalSet() {
    SufficiencyNecessity sn = SufficiencyNecessity.of(orTable(), Rho.ABS);
    // P_suf with τ = 1: {1} and {2} both reach 0
    Optimum suf = sn.solveSufficiency(1);
    assertEquals(BigFraction.ZERO, suf.value().exact());
    assertArrayEquals(new int[] {0b01, 0b10}, suf.sets());
    // P_nec with τ = 1: every set of size ≤ 1 has Δnec = 1/4 (∅, {1}, {2}), so all three tie
    Optimum nec = sn.solveNecessity(1);
    assertEquals(q(1, 4), nec.value().exact());
    assertArrayEquals(new int[] {0b00, 0b01, 0b10}, nec.sets());
    // P_uni α = 1/2, τ = 2: {1,2} gives ½·0 + ½·0 = 0, the unique optimum
    Optimum uni = sn.solveUnified(q(1, 2), 2);
    assertEquals(BigFraction.ZERO, uni.value().exact());
    assertArrayEquals(new int[] {0b11}, uni.sets());
  }

  @Test
  void superSufficiencyOfAnd3() {
    // f_S = 2^{-(3-|S|)}: Δsuf(S) = 1 − 2^{|S|-3}, decreasing in S, so the super level equals Δsuf.
    SufficiencyNecessity sn = SufficiencyNecessity.of(and3Table(), Rho.ABS);
    // {1,2}: Δsuf = 1/2, supersets {1,2,3}: 0; super-sufficient at ε = 1/2, not at 1/3
    assertTrue(sn.isSuperSufficient(0b011, q(1, 2)));
    assertFalse(sn.isSuperSufficient(0b011, q(1, 3)));
    // Δnec(S) = |f_{S^c} − f_∅| = 2^{-|S|} − 1/8: {1}: 1/2 − 1/8 = 3/8, superset {1,2}: 1/8,
    // {1,2,3}: 0. The super level of {1} is its own 3/8.
    assertEquals(q(3, 8), sn.superNecessityLevel().exactAt(0b001));
    // ∅: Δnec(∅) = 7/8 is the max over all sets
    assertEquals(q(7, 8), sn.superNecessityLevel().exactAt(0));
  }

  @Test
  void relevanceAndRateDistortionOfAnd3() {
    RestrictedPredictionTable t = and3Table();
    Relevance r = Relevance.of(t);
    assertEquals(1, r.label());
    // P(Φ(y) = 1 | y_S = 1) = 2^{|S| - 3}: a 1/2-relevant set needs |S| ≥ 2; 3 sets of size 2
    Relevance.MinRelevant m = r.minRelevantInput(q(1, 2));
    assertEquals(2, m.size());
    assertArrayEquals(new int[] {0b011, 0b101, 0b110}, m.sets());
    assertFalse(r.relevantInput(1, q(1, 2)).answer());
    assertTrue(r.relevantInput(2, q(1, 2)).answer());
    // D(S) = ½(1 − 2^{|S|-3}): D(∅) = 7/16, size 1: 3/8, size 2: 1/4, size 3: 0
    RateDistortion rd = RateDistortion.ofClassifier(t);
    List<RateDistortion.Step> steps = rd.steps();
    assertEquals(4, steps.size());
    assertEquals(q(7, 16), steps.get(0).distortion().exact());
    assertEquals(q(3, 8), steps.get(1).distortion().exact());
    assertEquals(q(1, 4), steps.get(2).distortion().exact());
    assertEquals(BigFraction.ZERO, steps.get(3).distortion().exact());
    assertEquals(2, rd.rate(q(1, 4)));
    assertEquals(3, rd.rate(q(1, 5)));
    assertEquals(0, rd.rate(q(1, 2)));
  }

  @Test
  void shapleyAndBanzhafOfAnd2() {
    // f = x1 ∧ x2, x = 11, uniform: v(∅) = 1/4, v({1}) = v({2}) = 1/2, v({1,2}) = 1.
    Circuit.Builder b = Circuit.builder(2);
    Circuit and = b.output(b.and(b.input(1), b.input(2))).build();
    RestrictedPredictionTable t =
        RestrictedPredictions.table(and, new double[] {1, 1}, ProductDistribution.uniform(2));
    // φ1 = ½[v(1) − v(∅)] + ½[v(12) − v(2)] = ½·¼ + ½·½ = 3/8
    Scalar[] phi = GameValues.shapley(t.values());
    assertEquals(q(3, 8), phi[0].exact());
    assertEquals(q(3, 8), phi[1].exact());
    Scalar[] beta = GameValues.banzhaf(t.values());
    assertEquals(q(3, 8), beta[0].exact());
    // three features: f = x1 ∧ x2 ∧ x3, by symmetry and efficiency φ_i = (1 − 1/8)/3 = 7/24
    Scalar[] phi3 = GameValues.shapley(and3Table().values());
    for (Scalar s : phi3) {
      assertEquals(q(7, 24), s.exact());
    }
    // Banzhaf for the AND of 3: β1 = ¼ Σ_{S ⊆ {2,3}} [v(S+1) − v(S)]
    // = ¼[(1/4 − 1/8) + (1/2 − 1/4) + (1/2 − 1/4) + (1 − 1/2)] = ¼ · 9/8 = 9/32
    assertEquals(q(9, 32), GameValues.banzhaf(and3Table().values())[0].exact());
  }

  @Test
  void partitionValueOfTheorem51Game() {
    // OR at 11: v(S) = −|f(x) − f_S(x)|: v(∅) = −1/4, v({1}) = v({2}) = v({1,2}) = 0.
    SufficiencyNecessity sn = SufficiencyNecessity.of(orTable(), Rho.ABS);
    var game = SetFunctions.negate(sn.deltaSuf());
    // player {1} vs {2}: ½[v(12) − v(2)] + ½[v(1) − v(∅)] = ½·0 + ½·¼ = 1/8
    assertEquals(q(1, 8), GameValues.partitionValue(game, 0b01).exact());
  }
}
