package xcert.solvers.count;

import xcert.solvers.features.FeatureSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;

/**
 * The long-valued uniform pass against enumeration of all 2^d points on random circuits (every set S,
 * every variable order of the BDD route), and against the BigFraction pass of a BDD compiled in a
 * different variable order on circuits too wide to enumerate.
 */
class ScaledUniformCountsTest {

  private static final WeightedModelCounter.VariableOrder[] ORDERS =
      WeightedModelCounter.VariableOrder.values();

  private static boolean[] point(SplittableRandom rnd, int d) {
    boolean[] x = new boolean[d];
    for (int i = 0; i < d; i++) {
      x[i] = rnd.nextBoolean();
    }
    return x;
  }

  private static long bits(boolean[] x) {
    long m = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i]) {
        m |= 1L << i;
      }
    }
    return m;
  }

  /** Φ on every point y, bit i of the index being y_{i+1}, by evaluating the circuit gate by gate. */
  private static boolean[] truthTable(Circuit c) {
    int d = c.dimension();
    boolean[] t = new boolean[1 << d];
    boolean[] y = new boolean[d];
    for (int m = 0; m < t.length; m++) {
      for (int i = 0; i < d; i++) {
        y[i] = (m >>> i & 1) != 0;
      }
      t[m] = c.evaluate(0, y);
    }
    return t;
  }

  /** #{y : y_S = x_S, Φ(y) = value}, by enumeration. */
  private static long count(boolean[] table, long xBits, long mask, boolean value) {
    long n = 0;
    for (int y = 0; y < table.length; y++) {
      if ((y & mask) == (xBits & mask) && table[y] == value) {
        n++;
      }
    }
    return n;
  }

  @Test
  void everySetMatchesEnumerationInEveryVariableOrder() {
    qt().withFixedSeed(3003L).withExamples(200).withShrinkCycles(20)
        .forAll(integers().between(0, 9), longs().all())
        .checkAssert((d, seed) -> {
          SplittableRandom rnd = new SplittableRandom(seed);
          Circuit c = RandomInstances.circuit(rnd, d, 1 + rnd.nextInt(20));
          boolean[] x = point(rnd, d);
          long xBits = bits(x);
          boolean[] table = truthTable(c);
          boolean label = c.evaluate(0, x);
          for (WeightedModelCounter.VariableOrder order : ORDERS) {
            ScaledUniformCounts u = ScaledUniformCounts.of(
                WeightedModelCounter.bdd(c, 0, order, WeightedModelCounter.DEFAULT_BDD_NODE_LIMIT));
            assertEquals(label, u.evaluate(x), order + " evaluate");
            ScaledUniformCounts.Cursor at = u.at(x);
            assertEquals(label, at.label(), order + " label");
            for (long mask = 0; mask < 1L << d; mask++) {
              long m = mask;
              int size = Long.bitCount(mask);
              long one = count(table, xBits, mask, true) << size;
              long agree = count(table, xBits, mask, label) << size;
              assertEquals(one, u.scaledProbability(x, mask), () -> order + " P(Φ = 1), S = " + m);
              assertEquals(agree, u.scaledAgreement(x, mask), () -> order + " agreement, S = " + m);
              assertEquals(one, at.scaledProbability(mask), () -> order + " cursor, S = " + m);
              assertEquals(agree, at.scaledAgreement(mask), () -> order + " cursor, S = " + m);
            }
          }
        });
  }

  @Test
  void aCursorKeepsItsOwnCopyOfThePoint() {
    Circuit.Builder b = Circuit.builder(2);
    b.output(b.and(b.input(1), b.input(2)));
    ScaledUniformCounts u = ScaledUniformCounts.of(WeightedModelCounter.bdd(b.build(), 0));
    boolean[] x = {true, true};
    ScaledUniformCounts.Cursor at = u.at(x);
    x[0] = false;
    // At x = 11: S = {x1} leaves y2 free, Φ = y2, so 2^2 · 1/2 = 2; S = {x1, x2}: 2^2 · 1.
    assertTrue(at.label());
    assertEquals(2L, at.scaledProbability(1L));
    assertEquals(4L, at.scaledAgreement(3L));
    // At x = 01 the same sets give 0, and agreement 2^2 − 0.
    assertEquals(0L, u.scaledProbability(x, 1L));
    assertEquals(4L, u.scaledAgreement(x, 3L));
  }

  @Test
  void matchesTheBigFractionPassOnWiderCircuits() {
    qt().withFixedSeed(3004L).withExamples(60).withShrinkCycles(20)
        .forAll(integers().between(10, 62), longs().all())
        .checkAssert((d, seed) -> {
          SplittableRandom rnd = new SplittableRandom(seed);
          Circuit c = RandomInstances.circuit(rnd, d, d + rnd.nextInt(2 * d));
          boolean[] x = point(rnd, d);
          // Two different diagrams: FORCE order for the long pass, input order for BigFraction.
          ScaledUniformCounts u = ScaledUniformCounts.of(WeightedModelCounter.bdd(c, 0));
          WeightedModelCounter w = WeightedModelCounter.bdd(c, 0,
              WeightedModelCounter.VariableOrder.INPUT, WeightedModelCounter.DEFAULT_BDD_NODE_LIMIT);
          ProductDistribution uniform = ProductDistribution.uniform(d);
          BigFraction full = BigFraction.of(BigInteger.ONE.shiftLeft(d));
          assertEquals(c.evaluate(0, x), u.evaluate(x));
          for (int t = 0; t < 10; t++) {
            BitSet s = new BitSet();
            int size = rnd.nextInt(d + 1);
            while (s.cardinality() < size) {
              s.set(rnd.nextInt(d));
            }
            long mask = FeatureSet.of(s).mask();
            assertEquals(w.conditionalProbability(uniform, x, FeatureSet.of(s)).multiply(full),
                BigFraction.of(u.scaledProbability(x, mask)), () -> "S = " + s);
            assertEquals(w.agreementProbability(uniform, x, FeatureSet.of(s)).multiply(full),
                BigFraction.of(u.scaledAgreement(x, mask)), () -> "S = " + s);
          }
        });
  }

  private static ScaledUniformCounts counts(Circuit c) {
    return ScaledUniformCounts.of(WeightedModelCounter.bdd(c, 0));
  }

  @Test
  void extremeValuesAtTheLargestDimension() {
    int d = ScaledUniformCounts.MAX_DIMENSION;
    boolean[] x = new boolean[d];
    long all = (1L << d) - 1;
    Circuit.Builder b = Circuit.builder(d);
    b.output(b.constant(true));
    ScaledUniformCounts one = counts(b.build());
    assertEquals(0, one.size());
    assertTrue(one.evaluate(x));
    assertEquals(1L << d, one.scaledProbability(x, 0L));
    assertEquals(1L << d, one.scaledProbability(x, all));
    b = Circuit.builder(d);
    b.output(b.constant(false));
    ScaledUniformCounts zero = counts(b.build());
    assertEquals(0L, zero.scaledProbability(x, 0L));
    assertEquals(1L << d, zero.scaledAgreement(x, 0L));
    assertEquals(1L << d, zero.at(x).scaledAgreement(all));
    // OR of all inputs: P = 1 − 2^{−62}, and 0 once every input is fixed to x = 0.
    int[] in = new int[d];
    b = Circuit.builder(d);
    for (int i = 0; i < d; i++) {
      in[i] = b.input(i + 1);
    }
    b.output(b.or(in));
    ScaledUniformCounts or = counts(b.build());
    assertEquals(d, or.size());
    assertEquals((1L << d) - 1, or.scaledProbability(x, 0L));
    assertEquals(0L, or.scaledProbability(x, all));
    assertEquals(1L << d, or.scaledAgreement(x, all));
    // At x = 1...1 every set S ≠ ∅ forces Φ = 1: val = 2^62 at every node above the fixed inputs,
    // so the sum of the two children reaches 2^63 (past Long.MAX_VALUE) before it is halved.
    boolean[] ones = new boolean[d];
    Arrays.fill(ones, true);
    assertEquals(1L << d, or.scaledProbability(ones, 1L));
    assertEquals(1L << d, or.scaledProbability(ones, 1L << (d - 1)));
    assertEquals(1L << d, or.at(ones).scaledAgreement(1L << 30));
    // XOR of all: exactly 1/2 while one input is free.
    b = Circuit.builder(d);
    for (int i = 0; i < d; i++) {
      in[i] = b.input(i + 1);
    }
    b.output(b.xor(in));
    ScaledUniformCounts xor = counts(b.build());
    assertEquals(1L << (d - 1), xor.scaledProbability(x, all >>> 1));
    assertEquals(1L << (d - 1), xor.scaledProbability(x, all - 1));
    assertEquals(0L, xor.scaledProbability(x, all));
  }

  @Test
  void refusesWhatItCannotServe() {
    Circuit.Builder b = Circuit.builder(63);
    b.output(b.input(1));
    WeightedModelCounter wide = WeightedModelCounter.bdd(b.build(), 0);
    assertThrows(IllegalArgumentException.class, () -> ScaledUniformCounts.of(wide));
    assertThrows(IllegalArgumentException.class, () -> ScaledUniformCounts.checkDimension(63));
    ScaledUniformCounts.checkDimension(62);
    // (x1 ∨ x2) ∧ ¬x3 is CNF-shaped, so the d-DNNF route compiles it; the long pass refuses it.
    Circuit.Builder c = Circuit.builder(3);
    c.output(c.and(c.or(c.input(1), c.input(2)), c.not(c.input(3))));
    WeightedModelCounter dnnf = WeightedModelCounter.dnnf(c.build(), 0);
    assertEquals(WeightedModelCounter.Route.DDNNF, dnnf.route());
    assertThrows(IllegalArgumentException.class, () -> ScaledUniformCounts.of(dnnf));
    ScaledUniformCounts u = counts(c.build());
    boolean[] x = new boolean[3];
    assertThrows(IllegalArgumentException.class, () -> u.scaledProbability(x, 8L));
    assertThrows(IllegalArgumentException.class, () -> u.at(x).scaledAgreement(-1L));
    assertThrows(IllegalArgumentException.class, () -> u.scaledProbability(new boolean[2], 0L));
    assertThrows(IllegalArgumentException.class, () -> u.at(new boolean[4]));
  }
}
