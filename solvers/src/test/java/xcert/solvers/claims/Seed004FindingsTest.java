package xcert.solvers.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.exact.GameValues;
import xcert.solvers.exact.Optimum;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.exact.SufficiencyNecessity;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.setfunction.Rho;
import xcert.solvers.setfunction.SetFunction;
import xcert.solvers.setfunction.SetFunctions;

/**
 * Counterexamples to seed 004's statements as printed, found by the property checks and shrunk to a
 * few features. Each test rebuilds the instance, shows that the hypotheses hold and that the
 * conclusion fails, with the values computed exactly (the comments derive them by hand).
 *
 * <ul>
 *   <li>Theorem 5.1 holds at α = 1/2 (the case its proof treats) and fails for every other α.
 *   <li>Theorem 4.1: the union S_suf ∪ S_nec has the stated value and size, but need not be, and need
 *       not be matched by, a solution of (P_uni); the "furthermore" clause fails likewise.
 *   <li>With the squared distance (not a metric), Lemma 4.2 and Theorem 5.1 at α = 1/2 fail: the
 *       metric hypothesis is needed.
 * </ul>
 */
class Seed004FindingsTest {

  private static BigFraction q(long n, long d) {
    return BigFraction.of(n, d);
  }

  private static SufficiencyNecessity sn(Model f, double[] x, ProductDistribution v, Rho rho) {
    return SufficiencyNecessity.of(RestrictedPredictions.table(f, x, v), rho);
  }

  private static Circuit gate2(Circuit.Op op) {
    Circuit.Builder b = Circuit.builder(2);
    return b.output(b.gate(op, b.input(1), b.input(2))).build();
  }

  /** ϕ_S − (ρ(f(x), f_∅(x)) − Δuni(S, α)), the slack of Theorem 5.1's inequality. */
  private static BigFraction theorem51Slack(SufficiencyNecessity sn, int s, BigFraction alpha) {
    SetFunction game = SetFunctions.negate(sn.deltaSuf());
    BigFraction phi = GameValues.partitionValue(game, s).exact();
    return phi.subtract(sn.baselineGap().exact().subtract(sn.deltaUni(alpha).exactAt(s)));
  }

  /**
   * AND(x1, x2) at x = 11, uniform V, S = {1}: f = 1, f_S = f_{S^c} = 1/2, f_∅ = 1/4, so ρ₀ = 3/4,
   * Δsuf = 1/2, Δnec = |1/2 − 1/4| = 1/4 and ϕ_S = ½(0 + 1/2) + ½(−1/2 + 3/4) = 3/8. The bound is
   * 3/4 − α/2 − (1−α)/4 = 1/2 − α/4, so the slack is α/4 − 1/8: negative for every α < 1/2.
   */
  @Test
  void theorem51FailsForAlphaBelowOneHalf() {
    SufficiencyNecessity sn = sn(gate2(Circuit.Op.AND), new double[] {1, 1},
        ProductDistribution.uniform(2), Rho.ABS);
    for (BigFraction alpha : new BigFraction[] {BigFraction.ZERO, q(1, 4), q(3, 8), q(7, 16)}) {
      BigFraction slack = theorem51Slack(sn, 0b01, alpha);
      assertEquals(alpha.divide(4).subtract(q(1, 8)), slack);
      assertTrue(slack.signum() < 0);
      assertTrue(Seed004Claims.theorem51(sn, alpha).failed());
    }
    assertEquals(BigFraction.ZERO, theorem51Slack(sn, 0b01, q(1, 2)));
    assertFalse(Seed004Claims.theorem51(sn, q(1, 2)).failed());
  }

  /**
   * OR(x1, x2) at x = 11, uniform V, S = {1}: f = f_S = f_{S^c} = 1, f_∅ = 3/4, so ρ₀ = 1/4, Δsuf = 0,
   * Δnec = 1/4 and ϕ_S = ½(0 − 0) + ½(0 + 1/4) = 1/8. The bound is 1/4 − (1−α)/4 = α/4, so the slack
   * is 1/8 − α/4: negative for every α > 1/2.
   */
  @Test
  void theorem51FailsForAlphaAboveOneHalf() {
    SufficiencyNecessity sn = sn(gate2(Circuit.Op.OR), new double[] {1, 1},
        ProductDistribution.uniform(2), Rho.ABS);
    for (BigFraction alpha : new BigFraction[] {q(9, 16), q(3, 4), BigFraction.ONE}) {
      BigFraction slack = theorem51Slack(sn, 0b01, alpha);
      assertEquals(q(1, 8).subtract(alpha.divide(4)), slack);
      assertTrue(slack.signum() < 0);
      assertTrue(Seed004Claims.theorem51(sn, alpha).failed());
    }
    assertFalse(Seed004Claims.theorem51(sn, q(1, 2)).failed());
  }

  /**
   * Theorem 4.1, literal reading, at α = 1/2 (found as relu(seed=405, d=3, width=1) by the suite):
   * f(x) = 2 − 1.5·relu(1 − relu(1.25 x1 + x2 + 0.5 x3 − 1)), x = (−1, 0, 1), V uniform on {0,1}^3.
   * S_suf = {1,2} solves (P_suf) at τ1 = 2 with Δsuf = 0 and is 0-super-sufficient; S_nec = {1} solves
   * (P_nec) at τ2 = 1 (Δnec = 3/32 against 21/32 for the other sets) and is 9/32-super-necessary;
   * ε = 9/32 < ρ₀/2 = 21/64. Yet (P_uni) at budget 2 has the single solution {1} (Δuni = 3/64, size 1
   * < max(τ1, τ2) = 2), and at budget 3 the single solution {1,2,3} (size 3, not < τ1 + τ2 = 3): no
   * solution of (P_uni) has the stated size. The union {1,2} itself does satisfy Δuni ≤ ε and the size
   * bounds, as the proof constructs.
   */
  @Test
  void theorem41LiteralReadingFails() {
    ReluNetwork f = new ReluNetwork(new double[][][] {{{1.25, 1.0, 0.5}}, {{-1.0}}, {{-1.5}}},
        new double[][] {{-1.0}, {1.0}, {2.0}}, OptionalDouble.empty());
    SufficiencyNecessity sn = sn(f, new double[] {-1, 0, 1}, ProductDistribution.uniform(3), Rho.ABS);
    BigFraction half = q(1, 2);
    BigFraction eps = q(9, 32);
    // hypotheses
    assertTrue(sn.solveSufficiency(2).contains(0b011));
    assertTrue(sn.isSuperSufficient(0b011, eps));
    assertTrue(sn.solveNecessity(1).contains(0b001));
    assertTrue(sn.isSuperNecessary(0b001, eps));
    assertTrue(eps.compareTo(sn.baselineGap().exact().divide(2)) < 0);
    // conclusion: an optimal set of P_uni with 2 ≤ |S*| < 3, at budget 2 or 3
    Optimum at2 = sn.solveUnified(half, 2);
    Optimum at3 = sn.solveUnified(half, 3);
    assertEquals(1, at2.count());
    assertEquals(0b001, at2.sets()[0]);
    assertEquals(q(3, 64), at2.value().exact());
    assertEquals(1, at3.count());
    assertEquals(0b111, at3.sets()[0]);
    // the proof's construction is fine
    assertTrue(sn.deltaUni(half).compareTo(0b011, eps) <= 0);
    Verdict[] v = Seed004Claims.theorem41(sn, half);
    assertFalse(v[0].failed(), v[0]::toString);
    assertTrue(v[1].failed(), v[1]::toString);
  }

  /**
   * Theorem 4.1, "furthermore", at α = 1/2: f = x1 ∧ x3 (x2 a dummy), x = 001, V = Bernoulli(3/5,
   * 5/7, 5/7). f(x) = 0, f_∅ = 3/7, ρ₀/2 = 3/14. S_nec = {1} solves (P_nec) at τ2 = 1 (Δnec = 6/35) and
   * is 6/35-super-necessary; S_suf = {1,2} solves (P_suf) at τ1 = 2 (Δsuf = 0, 0-super-sufficient);
   * S_nec ⊆ S_suf, so the theorem says S* = S_suf = {1,2} solves (P_uni). But Δuni({1,2}) = 3/35
   * while Δuni({1,3}) = 0: {1,2} is optimal at no budget.
   */
  @Test
  void theorem41FurthermoreFails() {
    Circuit.Builder b = Circuit.builder(3);
    Circuit f = b.output(b.and(b.input(1), b.input(3))).build();
    ProductDistribution v = ProductDistribution.bernoulli(q(3, 5), q(5, 7), q(5, 7));
    SufficiencyNecessity sn = sn(f, new double[] {0, 0, 1}, v, Rho.ABS);
    BigFraction half = q(1, 2);
    BigFraction eps = q(6, 35);
    assertTrue(sn.solveNecessity(1).contains(0b001));
    assertTrue(sn.isSuperNecessary(0b001, eps));
    assertTrue(sn.solveSufficiency(2).contains(0b011));
    assertTrue(sn.isSuperSufficient(0b011, eps));
    assertTrue(eps.compareTo(sn.baselineGap().exact().divide(2)) < 0);
    assertEquals(q(3, 35), sn.deltaUni(half).exactAt(0b011));
    assertEquals(BigFraction.ZERO, sn.deltaUni(half).exactAt(0b101));
    for (int tau = 2; tau <= 3; tau++) {
      assertFalse(sn.solveUnified(half, tau).contains(0b011));
    }
    assertTrue(Seed004Claims.theorem41(sn, half)[2].failed());
  }

  /**
   * With ρ(a, b) = (a − b)², not a metric, AND(x1, x2) at x = 11 (uniform): ρ₀ = (1 − 1/4)² = 9/16.
   * S_suf = {1} is 1/4-super-sufficient ((1 − 1/2)² = 1/4, and {1,2} gives 0) and S_nec = {2} is
   * 1/4-necessary ((f_{1} − f_∅)² = (1/2 − 1/4)² = 1/16), they are disjoint, and 1/4 < ρ₀/2 = 9/32:
   * Lemma 4.2's conclusion fails, because its proof needs the triangle inequality.
   */
  @Test
  void squaredDistanceBreaksLemma42() {
    SufficiencyNecessity sn = sn(gate2(Circuit.Op.AND), new double[] {1, 1},
        ProductDistribution.uniform(2), Rho.SQUARED);
    BigFraction eps = q(1, 4);
    assertTrue(sn.isSuperSufficient(0b01, eps));
    assertTrue(sn.isNecessary(0b10, eps));
    assertEquals(q(9, 32), sn.baselineGap().exact().divide(2));
    assertTrue(Seed004Claims.lemma42(sn).failed());
    assertFalse(Seed004Claims.lemma42(sn(gate2(Circuit.Op.AND), new double[] {1, 1},
        ProductDistribution.uniform(2), Rho.ABS)).failed());
  }

  /**
   * With the squared distance, Theorem 5.1 fails even at α = 1/2 on the same AND instance: ϕ_{{1}} =
   * ½(0 + 1/4) + ½(−1/4 + 9/16) = 9/32 < 9/16 − (½·1/4 + ½·1/16) = 13/32.
   */
  @Test
  void squaredDistanceBreaksTheorem51AtOneHalf() {
    SufficiencyNecessity sn = sn(gate2(Circuit.Op.AND), new double[] {1, 1},
        ProductDistribution.uniform(2), Rho.SQUARED);
    assertEquals(q(9, 32).subtract(q(13, 32)), theorem51Slack(sn, 0b01, q(1, 2)));
    assertTrue(Seed004Claims.theorem51(sn, q(1, 2)).failed());
  }
}
