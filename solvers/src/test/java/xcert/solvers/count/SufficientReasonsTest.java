package xcert.solvers.count;

import xcert.solvers.features.FeatureSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.model.Circuit;

class SufficientReasonsTest {

  /** One generated instance: circuit, output, input, probabilities. */
  private record Case(Circuit c, int k, boolean[] x, BigFraction[] p) {
    SufficientReasons reasons() {
      return SufficientReasons.of(c, k, x, ProductDistribution.bernoulli(p));
    }

    boolean[] brute() {
      return RandomCircuitsForCounting.bruteSufficient(c, k, p, x);
    }
  }

  private static Case randomCase(int d, long seed) {
    Random r = new Random(seed);
    Circuit c = RandomCircuitsForCounting.circuit(r, d);
    return new Case(c, r.nextInt(c.outputCount()), RandomCircuitsForCounting.point(r, d),
        RandomCircuitsForCounting.probabilities(r, d));
  }

  @Test
  void isSufficientAgreesWithBruteForceOnEverySet() {
    qt().withFixedSeed(31337L).withExamples(150).withShrinkCycles(20)
        .forAll(integers().between(1, 10), longs().all())
        .checkAssert((d, seed) -> {
          Case cs = randomCase(d, seed);
          SufficientReasons sr = cs.reasons();
          assertEquals(cs.c().evaluate(cs.k(), cs.x()), sr.prediction());
          boolean[] brute = cs.brute();
          for (int s = 0; s < (1 << d); s++) {
            assertEquals(brute[s], sr.isSufficient(FeatureSet.ofMask(s)), "S mask " + s);
          }
        });
  }

  @Test
  void counterexamplesAreGenuine() {
    qt().withFixedSeed(4242L).withExamples(100).withShrinkCycles(20)
        .forAll(integers().between(1, 10), longs().all())
        .checkAssert((d, seed) -> {
          Case cs = randomCase(d, seed);
          SufficientReasons sr = cs.reasons();
          boolean[] brute = cs.brute();
          boolean phi = cs.c().evaluate(cs.k(), cs.x());
          Random r = new Random(seed ^ 0x5DEECE66DL);
          for (int rep = 0; rep < 8; rep++) {
            int s = r.nextInt(1 << d);
            Optional<boolean[]> y = sr.counterexample(FeatureSet.ofMask(s));
            assertEquals(brute[s], y.isEmpty(), "S mask " + s);
            if (y.isPresent()) {
              boolean[] v = y.get();
              assertNotEquals(phi, cs.c().evaluate(cs.k(), v), "counterexample keeps the value");
              for (int i = 0; i < d; i++) {
                if ((s >>> i & 1) != 0) {
                  assertEquals(cs.x()[i], v[i], "counterexample leaves x on S");
                } else if (cs.p()[i].signum() == 0) {
                  assertFalse(v[i], "counterexample outside the support");
                } else if (cs.p()[i].equals(BigFraction.ONE)) {
                  assertTrue(v[i], "counterexample outside the support");
                }
              }
            }
          }
        });
  }

  @Test
  void subsetMinimalGivesIrreducibleSufficientSubsets() {
    qt().withFixedSeed(99L).withExamples(150).withShrinkCycles(20)
        .forAll(integers().between(1, 10), longs().all())
        .checkAssert((d, seed) -> {
          Case cs = randomCase(d, seed);
          SufficientReasons sr = cs.reasons();
          boolean[] brute = cs.brute();
          Random r = new Random(~seed);
          List<Integer> starts = new ArrayList<>();
          starts.add((1 << d) - 1);
          for (int rep = 0; rep < 6; rep++) {
            int s = r.nextInt(1 << d);
            if (brute[s]) {
              starts.add(s);
            }
          }
          for (int s : starts) {
            long m = sr.subsetMinimal(FeatureSet.ofMask(s)).mask();
            int mi = (int) m;
            assertEquals(mi, mi & s, "result inside S");
            assertTrue(brute[mi], "result sufficient");
            for (int i = 0; i < d; i++) {
              if ((mi >>> i & 1) != 0) {
                assertFalse(brute[mi & ~(1 << i)], "dropping feature " + (i + 1) + " of " + mi);
              }
            }
            FeatureSet viaBitSet = sr.subsetMinimal(FeatureSet.of(FeatureSet.ofMask(s).toBitSet()));
            assertEquals(m, viaBitSet.mask());
          }
          for (int s = 0; s < (1 << d); s++) {
            if (!brute[s]) {
              int ss = s;
              assertThrows(IllegalArgumentException.class, () -> sr.subsetMinimal(FeatureSet.ofMask(ss)));
              break;
            }
          }
        });
  }

  /**
   * Like {@link #randomCase} but about a third of the features are fixed (p_i ∈ {0,1}) with x_i on
   * the other value, the case where sufficiency stops being monotone.
   */
  private static Case offSupportCase(int d, long seed) {
    Random r = new Random(seed);
    Circuit c = RandomCircuitsForCounting.circuit(r, d);
    boolean[] x = RandomCircuitsForCounting.point(r, d);
    BigFraction[] p = RandomCircuitsForCounting.probabilities(r, d);
    for (int i = 0; i < d; i++) {
      if (r.nextInt(3) == 0) {
        p[i] = x[i] ? BigFraction.ZERO : BigFraction.ONE;
      }
    }
    return new Case(c, r.nextInt(c.outputCount()), x, p);
  }

  @Test
  void minimumSizeEqualsBruteForce() {
    qt().withFixedSeed(2718L).withExamples(150).withShrinkCycles(20)
        .forAll(integers().between(1, 10), longs().all())
        .checkAssert((d, seed) -> checkMinimum(d, randomCase(d, seed)));
  }

  @Test
  void minimumSizeEqualsBruteForceForInputsOffTheSupport() {
    qt().withFixedSeed(1414L).withExamples(400).withShrinkCycles(20)
        .forAll(integers().between(2, 8), longs().all())
        .checkAssert((d, seed) -> checkMinimum(d, offSupportCase(d, seed)));
  }

  private static void checkMinimum(int d, Case cs) {
    boolean[] brute = cs.brute();
    int min = Integer.MAX_VALUE;
    for (int s = 0; s < (1 << d); s++) {
      if (brute[s]) {
        min = Math.min(min, Integer.bitCount(s));
      }
    }
    Set<Long> expected = new HashSet<>();
    for (int s = 0; s < (1 << d); s++) {
      if (brute[s] && Integer.bitCount(s) == min) {
        expected.add((long) s);
      }
    }
    Optional<SufficientReasons.Minimum> got = cs.reasons().minimumSize(d);
    assertTrue(got.isPresent(), "the full set is always sufficient");
    assertEquals(min, got.get().size());
    Set<Long> actual = new HashSet<>();
    for (long m : got.get().masks()) {
      actual.add(m);
    }
    assertEquals(got.get().sets().size(), actual.size(), "no set listed twice");
    assertEquals(expected, actual);
    if (min > 0) {
      assertTrue(cs.reasons().minimumSize(min - 1).isEmpty());
    }
  }


  @Test
  void oneRelevanceMatchesAgreementProbabilityOne() {
    // Two independent implementations of the same property: SAT (δ = 1) and weighted counting.
    qt().withFixedSeed(1618L).withExamples(60).withShrinkCycles(20)
        .forAll(integers().between(1, 8), longs().all())
        .checkAssert((d, seed) -> {
          Case cs = randomCase(d, seed);
          SufficientReasons sr = cs.reasons();
          WeightedModelCounter w = WeightedModelCounter.bdd(cs.c(), cs.k());
          ProductDistribution v = ProductDistribution.bernoulli(cs.p());
          for (int s = 0; s < (1 << d); s++) {
            assertEquals(sr.isSufficient(FeatureSet.ofMask(s)),
                w.agreementProbability(v, cs.x(), FeatureSet.ofMask(s)).equals(BigFraction.ONE),
                "S mask " + s);
          }
        });
  }

  @Test
  void offSupportInputIsSubstitutedOnS() {
    // Φ = x1 with p1 = 0 and x1 = 1: on the support y1 = 0, so {} is not sufficient (Φ flips),
    // and {1} is sufficient because the definition substitutes x1 = 1.
    Circuit.Builder b = Circuit.builder(2);
    b.output(b.and(b.input(1), b.or(b.input(1), b.input(2))));
    Circuit c = b.build();
    ProductDistribution v = ProductDistribution.bernoulli(BigFraction.ZERO, BigFraction.of(1, 2));
    SufficientReasons sr = SufficientReasons.of(c, 0, new boolean[] {true, false}, v);
    assertTrue(sr.prediction());
    assertFalse(sr.isSufficient(FeatureSet.ofMask(0L)));
    assertTrue(sr.isSufficient(FeatureSet.ofMask(0b01L)));
    assertFalse(sr.isSufficient(FeatureSet.ofMask(0b10L)));
    assertEquals(1, sr.minimumSize(2).orElseThrow().size());
  }

  @Test
  void offSupportInputCanMakeSufficiencyNonMonotone() {
    // Φ = x2 ∨ ¬x1, p2 = 1, x = (0,0), Φ(x) = 1. On the support y2 = 1 and Φ = 1, so {} is
    // sufficient; {2} substitutes x2 = 0 and Φ(1,0) = 0, so {2} is not; {1} and {1,2} are.
    Circuit.Builder b = Circuit.builder(2);
    b.output(b.or(b.input(2), b.not(b.input(1))));
    Circuit c = b.build();
    ProductDistribution v = ProductDistribution.bernoulli(BigFraction.of(1, 2), BigFraction.ONE);
    SufficientReasons sr = SufficientReasons.of(c, 0, new boolean[] {false, false}, v);
    assertFalse(sr.inputInSupport());
    assertTrue(sr.isSufficient(FeatureSet.ofMask(0b00L)));
    assertTrue(sr.isSufficient(FeatureSet.ofMask(0b01L)));
    assertFalse(sr.isSufficient(FeatureSet.ofMask(0b10L)));
    assertTrue(sr.isSufficient(FeatureSet.ofMask(0b11L)));
    // One deletion pass from {1,2} keeps 1 (as {2} fails) and drops 2; the second pass drops 1.
    assertEquals(0L, sr.subsetMinimal(FeatureSet.ofMask(0b11L)).mask());
    SufficientReasons.Minimum m = sr.minimumSize(2).orElseThrow();
    assertEquals(0, m.size());
    assertEquals(List.of(FeatureSet.empty()), m.sets());
  }

  @Test
  void setsBeyondSixtyThreeFeaturesUseBitSets() {
    // Φ = x70 ∧ (x75 ∨ x3) on d = 80 at x with x70 = x75 = 1: {70, 75} is the only minimum reason.
    int d = 80;
    Circuit.Builder b = Circuit.builder(d);
    b.output(b.and(b.input(70), b.or(b.input(75), b.input(3))));
    boolean[] x = new boolean[d];
    x[69] = true;
    x[74] = true;
    SufficientReasons sr = SufficientReasons.of(b.build(), 0, x);
    BitSet s = new BitSet();
    s.set(69);
    s.set(74);
    assertTrue(sr.isSufficient(FeatureSet.of(s)));
    BitSet only70 = new BitSet();
    only70.set(69);
    assertFalse(sr.isSufficient(FeatureSet.of(only70)));
    BitSet full = new BitSet();
    full.set(0, d);
    assertEquals(FeatureSet.of(s), sr.subsetMinimal(FeatureSet.of(full)));
    SufficientReasons.Minimum m = sr.minimumSize(3).orElseThrow();
    assertEquals(2, m.size());
    assertEquals(List.of(FeatureSet.of(s)), m.sets());
    assertThrows(IllegalArgumentException.class, () -> sr.isSufficient(FeatureSet.of(81)));
    assertThrows(IllegalStateException.class, m::masks);
  }

  @Test
  void constantOutputsHaveTheEmptyReason() {
    Circuit.Builder b = Circuit.builder(3);
    int t = b.constant(true);
    b.output(b.or(t, b.input(2)));
    b.output(b.xor(b.input(1), b.input(1)));
    Circuit c = b.build();
    for (int k = 0; k < 2; k++) {
      SufficientReasons sr = SufficientReasons.of(c, k, new boolean[] {true, false, true});
      assertTrue(sr.isSufficient(FeatureSet.ofMask(0L)));
      SufficientReasons.Minimum m = sr.minimumSize(3).orElseThrow();
      assertEquals(0, m.size());
      assertEquals(List.of(FeatureSet.empty()), m.sets());
    }
  }

  @Test
  void candidateLimitIsReportedAsTooLarge() {
    // Parity of 12 inputs: the only sufficient reason is all 12 features.
    int d = 12;
    Circuit.Builder b = Circuit.builder(d);
    int[] in = new int[d];
    for (int i = 0; i < d; i++) {
      in[i] = b.input(i + 1);
    }
    b.output(b.xor(in));
    SufficientReasons sr = SufficientReasons.of(b.build(), 0, new boolean[d]);
    TooLargeException e = assertThrows(TooLargeException.class, () -> sr.minimumSize(d, 500));
    assertFalse(e.getMessage().contains("\n"));
    assertEquals(4096, SufficientReasons.candidateCount(d, d).intValueExact());
    SufficientReasons.Minimum m = sr.minimumSize(d, 4096).orElseThrow();
    assertEquals(d, m.size());
    assertEquals(1, m.sets().size());
  }

  /** Clause cleaning, short and wide: tautologies vanish, repeats go, nothing else changes. */
  @Test
  void cleanedClausesKeepTheirLiteralsOnce() {
    qt().withFixedSeed(41L).withExamples(400)
        .forAll(integers().between(1, 80), integers().between(1, 40), longs().all())
        .checkAssert((len, vars, seed) -> {
          Random r = new Random(seed);
          int[] clause = new int[len];
          for (int j = 0; j < len; j++) {
            clause[j] = (1 + r.nextInt(vars)) * (r.nextBoolean() ? 1 : -1);
          }
          Set<Integer> lits = new HashSet<>();
          boolean tautology = false;
          for (int lit : clause) {
            lits.add(lit);
            tautology |= lits.contains(-lit);
          }
          int[] cleaned = SufficientReasons.clean(clause);
          if (tautology) {
            assertEquals(null, cleaned);
          } else {
            Set<Integer> got = new HashSet<>();
            for (int lit : cleaned) {
              assertTrue(got.add(lit), "repeated literal " + lit);
            }
            assertEquals(lits, got);
          }
        });
  }
}
