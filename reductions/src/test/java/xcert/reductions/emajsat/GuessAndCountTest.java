package xcert.reductions.emajsat;

import xcert.solvers.features.FeatureSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;

class GuessAndCountTest {

  private static final BigFraction[] DELTAS = {BigFraction.ZERO, BigFraction.of(1, 3),
      BigFraction.of(1, 2), BigFraction.of(3, 4), BigFraction.of(7, 8), BigFraction.ONE};

  /**
   * All sets of size ≤ k in the order of the algorithm: by size, then lexicographically by their
   * sorted features (every mask below 2^d, filtered and sorted).
   */
  private static List<FeatureSet> candidates(int d, int k) {
    List<FeatureSet> out = new ArrayList<>();
    for (long m = 0; m < 1L << d; m++) {
      if (Long.bitCount(m) <= k) {
        out.add(FeatureSet.ofMask(m));
      }
    }
    out.sort((a, b) -> {
      int[] fa = a.features();
      int[] fb = b.features();
      if (fa.length != fb.length) {
        return Integer.compare(fa.length, fb.length);
      }
      return java.util.Arrays.compare(fa, fb);
    });
    return out;
  }

  @Test
  void decisionWitnessAndOracleCallsMatchEnumeration() {
    qt().withFixedSeed(31L).withExamples(200).withShrinkCycles(20)
        .forAll(integers().between(0, 8), integers().between(0, 8),
            integers().between(0, DELTAS.length - 1), longs().all())
        .checkAssert((d, kk, di, seed) -> {
          int k = Math.min(kk, d);
          SplittableRandom rnd = new SplittableRandom(seed);
          Circuit c = RandomInstances.circuit(rnd, d, 1 + rnd.nextInt(15));
          boolean[] x = new boolean[d];
          for (int i = 0; i < d; i++) {
            x[i] = rnd.nextBoolean();
          }
          RelevantInputInstance inst = new RelevantInputInstance(c, x, k, DELTAS[di]);
          List<FeatureSet> all = candidates(d, k);
          assertEquals(GuessAndCount.candidateCount(d, k), BigInteger.valueOf(all.size()));
          int first = -1;
          BigFraction max = BigFraction.ZERO;
          for (int t = 0; t < all.size(); t++) {
            BigFraction rel = inst.agreementByEnumeration(all.get(t));
            max = rel.compareTo(max) > 0 ? rel : max;
            if (first < 0 && rel.compareTo(inst.delta()) >= 0) {
              first = t;
            }
          }
          for (AgreementOracle oracle : List.of(AgreementOracle.weightedModelCounting(inst),
              AgreementOracle.uniformCounts(inst))) {
            GuessAndCount.Decision dec = GuessAndCount.decide(inst, oracle);
            assertEquals(first >= 0, dec.relevant());
            if (first >= 0) {
              assertEquals(all.get(first), dec.witness().orElseThrow());
              assertEquals(inst.agreementByEnumeration(all.get(first)),
                  dec.witnessRelevance().orElseThrow());
              assertEquals(first + 1, dec.oracleCalls());
            } else {
              assertTrue(dec.witness().isEmpty());
              assertEquals(all.size(), dec.oracleCalls());
            }
          }
          GuessAndCount.Survey survey = GuessAndCount.survey(inst);
          assertEquals(max, survey.maximum());
          assertEquals(all.size(), survey.sets());
          assertEquals(first >= 0, survey.relevant());
          for (long m : survey.maximisers()) {
            assertEquals(max, inst.agreementByEnumeration(FeatureSet.ofMask(m)));
          }
        });
  }

  @Test
  void smallExample() {
    // Φ = x1 ∧ x2 at x = 11, δ = 3/4: ∅ has 1/4, {x1} 1/2, {x1, x2} 1.
    Circuit.Builder b = Circuit.builder(2);
    b.output(b.and(b.input(1), b.input(2)));
    Circuit c = b.build();
    boolean[] x = {true, true};
    GuessAndCount.Decision one = GuessAndCount.decide(
        new RelevantInputInstance(c, x, 1, BigFraction.of(3, 4)));
    assertFalse(one.relevant());
    assertEquals(3, one.oracleCalls());
    GuessAndCount.Decision two = GuessAndCount.decide(
        new RelevantInputInstance(c, x, 2, BigFraction.of(3, 4)));
    assertTrue(two.relevant());
    assertEquals(4, two.oracleCalls());
    assertEquals(BigFraction.ONE, two.witnessRelevance().orElseThrow());
    assertEquals("yes: S = {x1, x2} has relevance 1 (4 oracle calls)", two.toString());
  }
}
