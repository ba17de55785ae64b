package xcert.explainers.optimalitygap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.explainers.metrics.Ranking;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.instances.Instance;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.Subsets;

class GapComparisonTest {

  private static final Provenance HAND = Provenance.exact("by hand");
  private static final double[] W = {8, 4, 2, 1};

  /** f(x) = 8x1 + 4x2 + 2x3 + x4 at x = 1 under the uniform distribution on {0,1}^4. */
  private static Instance additive() {
    ReluNetwork f = new ReluNetwork(new double[][][] {{W.clone()}}, new double[][] {{0}},
        OptionalDouble.empty());
    return new Instance(f, new double[] {1, 1, 1, 1}, ProductDistribution.uniform(4), "additive");
  }

  /**
   * By hand for the additive instance: f_S(x) = Σ_{i∈S} w_i + Σ_{i∉S} w_i/2, so Δsuf(S) = Δnec(S) =
   * Δuni(S) = Σ_{i∉S} w_i/2; and D(S) = ½ E(Σ_{i∉S} w_i z_i)², z_i ~ Bernoulli(1/2), which is
   * ½(Σ_{i∉S} w_i²/4 + (Σ_{i∉S} w_i/2)²).
   */
  private static BigFraction deltaByHand(int s) {
    BigFraction sum = BigFraction.ZERO;
    for (int i = 0; i < 4; i++) {
      if ((s >> i & 1) == 0) {
        sum = sum.add(BigFraction.of((long) W[i], 2));
      }
    }
    return sum;
  }

  private static BigFraction distortionByHand(int s) {
    BigFraction var = BigFraction.ZERO;
    BigFraction mean = BigFraction.ZERO;
    for (int i = 0; i < 4; i++) {
      if ((s >> i & 1) == 0) {
        var = var.add(BigFraction.of((long) (W[i] * W[i]), 4));
        mean = mean.add(BigFraction.of((long) W[i], 2));
      }
    }
    return var.add(mean.multiply(mean)).divide(2);
  }

  @Test
  void shapleyOrderHitsEveryProblemOfTheAdditiveModel() {
    ExactAnswers ex = ExactAnswers.of(additive(), GapSettings.defaults());
    assertEquals(1, ex.tau()); // ⌈4/4⌉
    // the exact Shapley values of v(S) = f_S(x) are w_i/2
    InstanceGap g = GapComparison.compare(ex, "hand", "shapley", new double[] {4, 2, 1, 0.5},
        HAND);
    for (Problem p : List.of(Problem.SUFFICIENCY, Problem.NECESSITY, Problem.UNIFIED)) {
      ProblemGap pg = g.gap(p).orElseThrow();
      assertEquals(1, pg.k(), p.label());
      assertEquals(Subsets.fromFeatures(1), pg.set());
      assertTrue(pg.hit());
      assertEquals(BigFraction.ZERO, pg.excess().exact());
      assertEquals(BigFraction.of(7, 2), pg.value().exact());
      assertEquals(0, pg.hamming());
      assertEquals(1, pg.sizeNeeded());
    }
    assertTrue(g.gap(Problem.MIN_RELEVANT).isEmpty(), "a real-valued model has no δ-relevance");
    assertEquals(0, g.curve().above());
    assertEquals(BigFraction.ZERO, g.curve().area().exact());
  }

  @Test
  void reversedScoresMissWithTheExcessComputedByHand() {
    ExactAnswers ex = ExactAnswers.of(additive(), GapSettings.defaults());
    double[] reversed = {0.5, 1, 2, 4};
    InstanceGap g = GapComparison.compare(ex, "hand", "reversed", reversed, HAND);
    int four = Subsets.fromFeatures(4);
    int one = Subsets.fromFeatures(1);
    BigFraction excess = deltaByHand(four).subtract(deltaByHand(one)); // 7 − 7/2
    assertEquals(BigFraction.of(7, 2), excess);
    for (Problem p : List.of(Problem.SUFFICIENCY, Problem.NECESSITY, Problem.UNIFIED)) {
      ProblemGap pg = g.gap(p).orElseThrow();
      assertEquals(four, pg.set());
      assertFalse(pg.hit());
      assertEquals(excess, pg.excess().exact(), p.label());
      assertEquals(2, pg.hamming());
      // top-k of the reversed order reaches Δ ≤ 7/2 only once feature 1 is in: at k = 4
      assertEquals(4, pg.sizeNeeded());
    }
    // the curve: reversed top-k = {4}, {4,3}, {4,3,2}, [4]; the envelope keeps the largest weights
    int[] rev = {0, Subsets.fromFeatures(4), Subsets.fromFeatures(3, 4),
        Subsets.fromFeatures(2, 3, 4), Subsets.fromFeatures(1, 2, 3, 4)};
    int[] best = {0, Subsets.fromFeatures(1), Subsets.fromFeatures(1, 2),
        Subsets.fromFeatures(1, 2, 3), Subsets.fromFeatures(1, 2, 3, 4)};
    BigFraction area = BigFraction.ZERO;
    for (int k = 0; k <= 4; k++) {
      assertEquals(distortionByHand(rev[k]), g.curve().distortions().get(k).exact(), "k=" + k);
      assertEquals(distortionByHand(best[k]), g.curve().envelope().get(k).exact(), "k=" + k);
      area = area.add(distortionByHand(rev[k]).subtract(distortionByHand(best[k])));
    }
    assertEquals(area, g.curve().area().exact());
    assertEquals(3, g.curve().above());
  }

  /** x1 ∧ x2 on 4 inputs at x = (1,1,0,0), uniform V: P(f(y) = 1 | y_S = x_S) is 1, 1/2 or 1/4. */
  private static Instance and12() {
    Circuit.Builder b = Circuit.builder(4);
    b.output(b.and(b.input(1), b.input(2)));
    return new Instance(b.build(), new double[] {1, 1, 0, 0}, ProductDistribution.uniform(4),
        "and12");
  }

  @Test
  void minRelevantInputOfAConjunction() {
    ExactAnswers ex = ExactAnswers.of(and12(), GapSettings.defaults());
    ExactAnswer a = ex.answer(Problem.MIN_RELEVANT).orElseThrow();
    assertEquals(2, a.size());
    assertEquals(1, a.sets().length);
    assertEquals(Subsets.fromFeatures(1, 2), a.sets()[0]);
    ProblemGap good = GapComparison.compare(ex, "hand", "good", new double[] {4, 3, 2, 1}, HAND)
        .gap(Problem.MIN_RELEVANT).orElseThrow();
    assertTrue(good.hit());
    assertEquals(BigFraction.ONE, good.value().exact());
    assertEquals(BigFraction.ZERO, good.excess().exact());
    assertEquals(2, good.sizeNeeded());
    ProblemGap bad = GapComparison.compare(ex, "hand", "bad", new double[] {1, 2, 3, 4}, HAND)
        .gap(Problem.MIN_RELEVANT).orElseThrow();
    assertFalse(bad.hit());
    assertEquals(BigFraction.of(1, 4), bad.value().exact());
    assertEquals(BigFraction.of(3, 4), bad.excess().exact());
    assertEquals(4, bad.hamming());
    assertEquals(4, bad.sizeNeeded()); // {4,3,2} has probability 1/2 < 9/10
  }

  @Test
  void signedRankingPutsNegativeScoresLast() {
    ExactAnswers ex = ExactAnswers.of(additive(), GapSettings.defaults()
        .withRanking(Ranking.SIGNED));
    ProblemGap pg = GapComparison.compare(ex, "hand", "neg", new double[] {-9, 2, 1, 0.5}, HAND)
        .gap(Problem.SUFFICIENCY).orElseThrow();
    assertEquals(Subsets.fromFeatures(2), pg.set());
    ExactAnswers mag = ExactAnswers.of(additive(), GapSettings.defaults());
    assertEquals(Subsets.fromFeatures(1), GapComparison.compare(mag, "hand", "neg",
        new double[] {-9, 2, 1, 0.5}, HAND).gap(Problem.SUFFICIENCY).orElseThrow().set());
  }

  @Test
  void refusesMoreThanSixteenFeatures() {
    Instance big = RandomInstances.circuitInstance(1, 17, 5);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExactAnswers.of(big, GapSettings.defaults()));
    assertTrue(e.getMessage().contains("d = 17"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> GapComparison.compare(
        ExactAnswers.of(additive(), GapSettings.defaults()), "h", "m", new double[3], HAND));
  }

  @Test
  void propertiesOnGeneratedInstances() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(77);
    for (int t = 0; t < 120; t++) {
      Instance inst = t % 2 == 0 ? RandomInstances.circuitInstance(500 + t, 2 + t % 7, 1 + t % 9)
          : RandomInstances.reluInstance(500 + t, 2 + t % 5, 3, t % 4 == 1);
      GapSettings s = GapSettings.defaults().withTau(1 + t % inst.dimension());
      ExactAnswers ex = ExactAnswers.of(inst, s);
      double[] scores = new double[inst.dimension()];
      for (int i = 0; i < scores.length; i++) {
        scores[i] = rnd.nextInt(3) - 1; // many ties, signs
      }
      InstanceGap g = GapComparison.compare(ex, "gen", "random", scores, HAND);
      String what = inst.toString();
      for (ProblemGap pg : g.problems().values()) {
        assertTrue(pg.excess().exact().signum() >= 0, what);
        assertEquals(pg.hit(), pg.hamming() == 0, what);
        if (pg.problem().minimises()) {
          assertEquals(pg.hit(), pg.excess().exact().signum() == 0, what + " " + pg);
        } else {
          assertEquals(pg.hit(), pg.value().exact().compareTo(s.delta()) >= 0, what);
        }
        assertTrue(pg.hit() ? pg.sizeNeeded() <= pg.k() : pg.sizeNeeded() > pg.k(), what);
      }
      assertEquals(inst.model().isBooleanValued(), g.gap(Problem.MIN_RELEVANT).isPresent());
      // D(top-k) ≥ D*(k) = min_{|S| ≤ k} D(S), the envelope checked by brute force
      List<Scalar> ds = g.curve().distortions();
      for (int k = 0; k <= inst.dimension(); k++) {
        BigFraction min = null;
        for (int sset = 0; sset < 1 << inst.dimension(); sset++) {
          if (Integer.bitCount(sset) <= k) {
            BigFraction v = ex.distortion().exactAt(sset);
            min = min == null || v.compareTo(min) < 0 ? v : min;
          }
        }
        assertEquals(min, g.curve().envelope().get(k).exact(), what + " k=" + k);
        assertTrue(ds.get(k).exact().compareTo(min) >= 0, what + " k=" + k);
      }
      assertTrue(g.curve().area().exact().signum() >= 0);
      assertEquals(g.curve().above() == 0, g.curve().area().exact().signum() == 0);
    }
  }
}
