package xcert.solvers.count;

import xcert.solvers.features.FeatureSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static xcert.solvers.count.RandomCircuitsForCounting.bruteConditional;
import static xcert.solvers.count.RandomCircuitsForCounting.bruteCount;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.model.Circuit;

class WeightedModelCounterTest {

  private static final WeightedModelCounter.VariableOrder[] ORDERS =
      WeightedModelCounter.VariableOrder.values();

  /** Checks every query of one compiled output against enumeration. */
  private static void checkAgainstBruteForce(WeightedModelCounter w, Circuit c, int k, Random r) {
    int d = c.dimension();
    assertEquals(BigInteger.valueOf(bruteCount(c, k)), w.modelCount(), "model count");
    for (int rep = 0; rep < 2; rep++) {
      BigFraction[] p = RandomCircuitsForCounting.probabilities(r, d);
      ProductDistribution v = ProductDistribution.bernoulli(p);
      boolean[] x = RandomCircuitsForCounting.point(r, d);
      boolean phi = c.evaluate(k, x);
      assertEquals(phi, w.evaluate(x), "evaluate");
      assertEquals(bruteConditional(c, k, p, x, new BitSet()), w.probability(v), "P(phi = 1)");
      assertEquals(bruteConditional(c, k, p, x, new BitSet()), w.probability(p), "P(phi = 1), p");
      for (BitSet s : RandomCircuitsForCounting.querySets(r, d, 3)) {
        BigFraction expected = bruteConditional(c, k, p, x, s);
        assertEquals(expected, w.conditionalProbability(v, x, FeatureSet.of(s)), () -> "S = " + s);
        assertEquals(expected, w.conditionalProbability(v, x, FeatureSet.ofMask(FeatureSet.of(s).mask())));
        BigFraction agree = phi ? expected : BigFraction.ONE.subtract(expected);
        assertEquals(agree, w.agreementProbability(v, x, FeatureSet.of(s)));
        BigFraction delta = RandomCircuitsForCounting.dyadic(r);
        assertEquals(agree.compareTo(delta) >= 0, w.isDeltaRelevant(v, x, FeatureSet.of(s), delta));
      }
    }
  }

  @Test
  void bddMatchesBruteForceOnRandomCircuits() {
    qt().withFixedSeed(20240501L).withExamples(250).withShrinkCycles(20)
        .forAll(integers().between(1, 12), longs().all())
        .checkAssert((d, seed) -> {
          Random r = new Random(seed);
          Circuit c = RandomCircuitsForCounting.circuit(r, d);
          for (int k = 0; k < c.outputCount(); k++) {
            WeightedModelCounter.VariableOrder order = ORDERS[r.nextInt(ORDERS.length)];
            WeightedModelCounter w = WeightedModelCounter.bdd(c, k, order, 100_000);
            assertEquals(WeightedModelCounter.Route.BDD, w.route());
            checkAgainstBruteForce(w, c, k, r);
          }
        });
  }

  @Test
  void bothRoutesMatchBruteForceOnRandomCnfs() {
    qt().withFixedSeed(777L).withExamples(200).withShrinkCycles(20)
        .forAll(integers().between(1, 12), longs().all())
        .checkAssert((d, seed) -> {
          Random r = new Random(seed);
          Circuit c = RandomCircuitsForCounting.cnfCircuit(d, RandomCircuitsForCounting.clauses(r, d));
          WeightedModelCounter dnnf = WeightedModelCounter.dnnf(c, 0);
          assertEquals(WeightedModelCounter.Route.DDNNF, dnnf.route());
          checkAgainstBruteForce(dnnf, c, 0, r);
          checkAgainstBruteForce(WeightedModelCounter.bdd(c, 0), c, 0, r);
        });
  }

  @Test
  void bddVariableOrderListsTheStructuralSupport() {
    Circuit.Builder b = Circuit.builder(5);
    b.output(b.and(b.input(4), b.or(b.input(2), b.not(b.input(4)))));
    Circuit c = b.build();
    for (WeightedModelCounter.VariableOrder order : ORDERS) {
      int[] vo = WeightedModelCounter.bdd(c, 0, order, 1000).variableOrder();
      Arrays.sort(vo);
      assertTrue(Arrays.equals(new int[] {2, 4}, vo), order + ": " + Arrays.toString(vo));
    }
    // x4 ∧ (x2 ∨ ¬x4) = x2 ∧ x4: 8 of 32 points, regardless of the three unused inputs.
    assertEquals(BigInteger.valueOf(8), WeightedModelCounter.bdd(c, 0).modelCount());
  }

  @Test
  void dnnfRouteRefusesCircuitsThatAreNotCnf() {
    Circuit.Builder b = Circuit.builder(3);
    b.output(b.xor(b.input(1), b.input(2)));
    b.output(b.or(b.and(b.input(1), b.input(2)), b.input(3)));
    b.output(b.and(b.or(b.input(1), b.not(b.not(b.input(2))))));
    Circuit c = b.build();
    for (int k = 0; k < 3; k++) {
      int kk = k;
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> WeightedModelCounter.dnnf(c, kk));
      assertTrue(e.getMessage().contains("CNF"), e.getMessage());
    }
  }

  @Test
  void bddNodeLimitIsReportedAsTooLarge() {
    // (x1 ∧ x13) ∨ (x2 ∧ x14) ∨ ... ∨ (x12 ∧ x24) needs about 2^13 nodes in the order x1..x24.
    int n = 12;
    Circuit.Builder b = Circuit.builder(2 * n);
    int[] terms = new int[n];
    for (int i = 1; i <= n; i++) {
      terms[i - 1] = b.and(b.input(i), b.input(n + i));
    }
    b.output(b.or(terms));
    Circuit c = b.build();
    TooLargeException e = assertThrows(TooLargeException.class,
        () -> WeightedModelCounter.bdd(c, 0, WeightedModelCounter.VariableOrder.INPUT, 2_000));
    assertFalse(e.getMessage().contains("\n"));
    assertTrue(e.getMessage().contains("node limit"), e.getMessage());
    // The interleaved order x1, x13, x2, x14, ... keeps it linear; DFS finds that order here.
    WeightedModelCounter w = WeightedModelCounter.bdd(c, 0, WeightedModelCounter.VariableOrder.DFS,
        2_000);
    assertEquals(2 * n, w.size());
    // 4^12 - 3^12 points have some x_i ∧ x_{12+i}.
    assertEquals(BigInteger.valueOf(4).pow(n).subtract(BigInteger.valueOf(3).pow(n)),
        w.modelCount());
  }

  @Test
  void dnnfShannonLimitIsReportedAsTooLarge() {
    Random r = new Random(5);
    int d = 40;
    int[][] cls = new int[120][];
    for (int j = 0; j < cls.length; j++) {
      cls[j] = new int[] {lit(r, d), lit(r, d), lit(r, d)};
    }
    Circuit c = RandomCircuitsForCounting.cnfCircuit(d, cls);
    TooLargeException e = assertThrows(TooLargeException.class,
        () -> WeightedModelCounter.dnnf(c, 0, 3, 1_000_000));
    assertFalse(e.getMessage().contains("\n"));
    assertTrue(e.getMessage().contains("Shannon"), e.getMessage());
  }

  private static int lit(Random r, int d) {
    int v = 1 + r.nextInt(d);
    return r.nextBoolean() ? v : -v;
  }

  @Test
  void zeroProbabilityConditionGivesTheSubstitutionValue() {
    // Φ = x1 ∨ x2 with p1 = 0: conditioning on y1 = 1 has probability 0; the documented value is
    // E[Φ(1, y2)] = 1.
    Circuit.Builder b = Circuit.builder(2);
    b.output(b.or(b.input(1), b.input(2)));
    Circuit c = b.build();
    ProductDistribution v = ProductDistribution.bernoulli(BigFraction.ZERO, BigFraction.of(1, 4));
    boolean[] x = {true, false};
    for (WeightedModelCounter w : new WeightedModelCounter[] {WeightedModelCounter.bdd(c, 0),
        WeightedModelCounter.dnnf(c, 0)}) {
      assertEquals(BigFraction.ONE, w.conditionalProbability(v, x, FeatureSet.ofMask(0b01L)));
      // Conditioning on y2 = 0 leaves Φ = y1, which is 1 with probability 0.
      assertEquals(BigFraction.ZERO, w.conditionalProbability(v, x, FeatureSet.ofMask(0b10L)));
      assertEquals(BigFraction.of(1, 4), w.probability(v));
    }
  }

  @Test
  void setsBeyondSixtyThreeFeaturesUseBitSets() {
    // Φ = x70 ∧ (x75 ∨ x3) on d = 80; p_i = 1/4 for every i.
    int d = 80;
    Circuit.Builder b = Circuit.builder(d);
    b.output(b.and(b.input(70), b.or(b.input(75), b.input(3))));
    Circuit c = b.build();
    BigFraction[] p = new BigFraction[d];
    Arrays.fill(p, BigFraction.of(1, 4));
    ProductDistribution v = ProductDistribution.bernoulli(p);
    boolean[] x = new boolean[d];
    x[69] = true;
    BitSet s = new BitSet();
    s.set(69);
    s.set(74);
    for (WeightedModelCounter w : new WeightedModelCounter[] {WeightedModelCounter.bdd(c, 0),
        WeightedModelCounter.dnnf(c, 0)}) {
      // P(x70 ∧ (x75 ∨ x3)) = 1/4 · (1 − 3/4 · 3/4) = 7/64.
      assertEquals(BigFraction.of(7, 64), w.probability(v));
      // With x70 = 1 and x75 = 0 fixed: P(x3) = 1/4.
      assertEquals(BigFraction.of(1, 4), w.conditionalProbability(v, x, FeatureSet.of(s)));
      // 2^80 points, of which 2^77 · 3 satisfy Φ (x70 = 1 and not both x75, x3 = 0).
      assertEquals(BigInteger.valueOf(3).shiftLeft(77), w.modelCount());
      assertThrows(IllegalArgumentException.class,
          () -> w.conditionalProbability(v, x, FeatureSet.of(81)));
    }
  }

  @Test
  void noInputs() {
    Circuit.Builder b = Circuit.builder(0);
    b.output(b.constant(true));
    b.output(b.xor());
    Circuit c = b.build();
    assertEquals(BigInteger.ONE, WeightedModelCounter.bdd(c, 0).modelCount());
    assertEquals(BigInteger.ZERO, WeightedModelCounter.bdd(c, 1).modelCount());
    assertEquals(BigFraction.ONE, WeightedModelCounter.bdd(c, 0)
        .conditionalProbability(ProductDistribution.uniform(0), new boolean[0], FeatureSet.empty()));
    assertTrue(SufficientReasons.of(c, 0, new boolean[0]).isSufficient(FeatureSet.empty()));
    assertTrue(SufficientReasons.of(c, 1, new boolean[0]).isSufficient(FeatureSet.of(new BitSet())));
  }

  @Test
  void rejectsMismatchedArguments() {
    Circuit.Builder b = Circuit.builder(3);
    b.output(b.and(b.input(1), b.input(3)));
    WeightedModelCounter w = WeightedModelCounter.bdd(b.build(), 0);
    ProductDistribution v = ProductDistribution.uniform(3);
    assertThrows(IllegalArgumentException.class,
        () -> w.conditionalProbability(v, new boolean[2], FeatureSet.empty()));
    assertThrows(IllegalArgumentException.class,
        () -> w.conditionalProbability(ProductDistribution.uniform(4), new boolean[3],
            FeatureSet.empty()));
    assertThrows(IllegalArgumentException.class,
        () -> w.conditionalProbability(v, new boolean[3], FeatureSet.ofMask(0b1000L)));
    assertThrows(IllegalArgumentException.class, () -> WeightedModelCounter.bdd(b.build(), 1));
  }
}
