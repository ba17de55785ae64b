package xcert.reductions.emajsat;

import xcert.solvers.features.FeatureSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.count.WeightedModelCounter;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;

class UniformCountsTest {

  private static boolean[] point(SplittableRandom rnd, int d) {
    boolean[] x = new boolean[d];
    for (int i = 0; i < d; i++) {
      x[i] = rnd.nextBoolean();
    }
    return x;
  }

  @Test
  void everySetMatchesEnumerationOnSmallRandomCircuits() {
    qt().withFixedSeed(4242L).withExamples(200).withShrinkCycles(20)
        .forAll(integers().between(0, 9), longs().all())
        .checkAssert((d, seed) -> {
          SplittableRandom rnd = new SplittableRandom(seed);
          Circuit c = RandomInstances.circuit(rnd, d, 1 + rnd.nextInt(20));
          boolean[] x = point(rnd, d);
          UniformCounts u = UniformCounts.compile(c);
          assertEquals(c.evaluate(0, x), u.evaluate(x));
          RelevantInputInstance inst = new RelevantInputInstance(c, x, d, BigFraction.of(1, 2));
          long visited = u.forEachSet(x, d, (mask, scaled) -> {
            BigFraction expected = inst.agreementByEnumeration(FeatureSet.ofMask(mask));
            assertEquals(expected,
                BigFraction.of(BigInteger.valueOf(scaled), BigInteger.ONE.shiftLeft(d)),
                () -> "S = " + Features.format(mask));
            assertEquals(scaled, u.scaledAgreement(x, mask));
          });
          assertEquals(1L << d, visited);
        });
  }

  @Test
  void matchesTheWeightedModelCounterOnLargerCircuits() {
    qt().withFixedSeed(77L).withExamples(60).withShrinkCycles(20)
        .forAll(integers().between(10, 62), longs().all())
        .checkAssert((d, seed) -> {
          SplittableRandom rnd = new SplittableRandom(seed);
          Circuit c = RandomInstances.circuit(rnd, d, d + rnd.nextInt(2 * d));
          boolean[] x = point(rnd, d);
          UniformCounts u = UniformCounts.compile(c);
          WeightedModelCounter w = WeightedModelCounter.bdd(c, 0);
          ProductDistribution uniform = ProductDistribution.uniform(d);
          for (int t = 0; t < 10; t++) {
            BitSet s = new BitSet();
            int size = rnd.nextInt(d + 1);
            while (s.cardinality() < size) {
              s.set(rnd.nextInt(d));
            }
            long mask = FeatureSet.of(s).mask();
            assertEquals(w.conditionalProbability(uniform, x, FeatureSet.of(s)), BigFraction.of(
                BigInteger.valueOf(u.scaledProbability(x, mask)), BigInteger.ONE.shiftLeft(d)));
            assertEquals(w.agreementProbability(uniform, x, FeatureSet.of(s)), BigFraction.of(
                BigInteger.valueOf(u.scaledAgreement(x, mask)), BigInteger.ONE.shiftLeft(d)));
          }
        });
  }

  @Test
  void extremeValuesAtTheLargestDimension() {
    int d = UniformCounts.MAX_DIMENSION;
    Circuit.Builder b = Circuit.builder(d);
    b.output(b.constant(true));
    UniformCounts one = UniformCounts.compile(b.build());
    assertEquals(0, one.size());
    boolean[] x = new boolean[d];
    assertEquals(1L << d, one.scaledProbability(x, 0L));
    // OR of all inputs: P = 1 − 2^{−62}; and the XOR of all: exactly 1/2.
    b = Circuit.builder(d);
    int[] all = new int[d];
    for (int i = 0; i < d; i++) {
      all[i] = b.input(i + 1);
    }
    b.output(b.or(all));
    UniformCounts or = UniformCounts.compile(b.build());
    assertEquals((1L << d) - 1, or.scaledProbability(x, 0L));
    assertEquals(0L, or.scaledProbability(x, (1L << d) - 1));
    b = Circuit.builder(d);
    b.output(b.xor(all));
    UniformCounts xor = UniformCounts.compile(b.build());
    assertEquals(1L << (d - 1), xor.scaledProbability(x, (1L << (d - 1)) - 1));
    assertEquals(0L, xor.scaledProbability(x, (1L << d) - 1));
  }

  @Test
  void refusesWhatItCannotServe() {
    Circuit.Builder b = Circuit.builder(63);
    b.output(b.input(1));
    assertThrows(IllegalArgumentException.class, () -> UniformCounts.compile(b.build()));
    // (x1 ∧ x13) ∨ ... ∨ (x12 ∧ x24) needs about 2^13 nodes in the order x1..x24.
    int n = 12;
    Circuit.Builder c = Circuit.builder(2 * n);
    int[] terms = new int[n];
    for (int i = 1; i <= n; i++) {
      terms[i - 1] = c.and(c.input(i), c.input(n + i));
    }
    c.output(c.or(terms));
    assertThrows(TooLargeException.class, () -> UniformCounts.compile(c.build(), 1000));
  }
}
