package xcert.reductions.emajsat;

import xcert.solvers.features.FeatureSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import xcert.solvers.count.WeightedModelCounter;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.TruthTable;

/**
 * The reduction E-MAJSAT → RELEVANT-INPUT checked by exhaustion: for every generated instance with n,
 * r ≤ 3, every set S with |S| ≤ k' on Φ' (sets touching the parity blocks included) is evaluated
 * exactly, and the RELEVANT-INPUT answer is compared with E-MAJSAT by enumeration, together with the
 * structural facts the argument rests on.
 */
class EmajsatToRelevantTest {

  private static final AtomicLong INSTANCES = new AtomicLong();
  private static final AtomicLong SETS = new AtomicLong();
  private static final AtomicLong YES = new AtomicLong();

  @AfterAll
  static void report() {
    System.out.println("EmajsatToRelevantTest: " + INSTANCES.get() + " reduced instances ("
        + YES.get() + " yes), " + SETS.get() + " sets S evaluated exactly");
  }

  /** All checks on one instance; returns the number of sets visited. */
  static long checkInstance(EmajsatInstance inst, BigFraction delta, boolean crossCheckAll) {
    EmajsatSolver.Solution sol = EmajsatSolver.solve(inst);
    EmajsatToRelevant red = EmajsatToRelevant.reduce(inst, delta);
    RelevantInputInstance target = red.target();
    int n = inst.existential();
    int r = inst.random();
    int np = red.paddedExistential();
    int rp = red.paddedRandom();
    int L = red.shift().bits();
    int d = target.dimension();

    // Shape of the construction.
    assertEquals(Math.max(r, 1), rp);
    assertTrue(np >= Math.max(n, 1) && np <= Math.max(n, 2), "n' = " + np);
    assertTrue(EmajsatToRelevant.lowerBound(np).compareTo(delta) < 0, "lo < δ after padding");
    assertEquals(np, target.k());
    assertEquals(2 * np + (rp + L) * (np + 1), d);
    assertEquals(delta, target.delta());
    assertTrue(target.label(), "Φ'(x') = 1");
    boolean[] ones = new boolean[d];
    Arrays.fill(ones, true);
    assertTrue(Arrays.equals(ones, target.point()));

    // The shift: the condition holds, and no smaller L admits any Q.
    EmajsatToRelevant.Shift s = red.shift();
    BigFraction lo = red.noBound();
    BigFraction hi = red.yesBound();
    assertTrue(s.apply(hi).compareTo(delta) >= 0, "ρ + (1-ρ)hi >= δ");
    assertTrue(s.apply(lo).compareTo(delta) < 0, "ρ + (1-ρ)lo < δ");
    assertTrue(s.count().signum() >= 0 && s.count().compareTo(BigInteger.ONE.shiftLeft(L)) < 0);
    assertTrue(L <= EmajsatToRelevant.shiftBitsBound(np, rp, delta), "L within its bound");
    for (int l = 0; l < L; l++) {
      for (long q = 0; q < (1L << l); q++) {
        EmajsatToRelevant.Shift t = new EmajsatToRelevant.Shift(l, BigInteger.valueOf(q));
        assertFalse(t.apply(hi).compareTo(delta) >= 0 && t.apply(lo).compareTo(delta) < 0,
            "a smaller L works: " + t);
      }
    }

    // Every S with |S| <= k': the exact relevance equals the predicted ρ + (1-ρ)R(S).
    UniformCounts counts = UniformCounts.compile(target.circuit());
    long full = 1L << d;
    long uv = (1L << (2 * np)) - 1;
    long[] predicted = new long[1 << (2 * np)];
    Arrays.fill(predicted, -1L);
    for (long m = 0; m <= uv; m++) {
      if (Long.bitCount(m) <= np) {
        BigFraction p = red.predictedRelevance(FeatureSet.ofMask(m), sol)
            .multiply(BigFraction.of(BigInteger.ONE.shiftLeft(d)));
        assertEquals(BigInteger.ONE, p.getDenominator(), "2^d' · relevance is an integer");
        predicted[(int) m] = p.getNumerator().longValueExact();
      }
    }
    GuessAndCount.Survey survey = GuessAndCount.survey(target, counts);
    long[] mismatch = {-1L, 0L, 0L};
    long visited = counts.forEachSet(target.point(), np, (mask, scaled) -> {
      long want = predicted[(int) (mask & uv)];
      if (want != scaled && mismatch[0] < 0) {
        mismatch[0] = mask;
        mismatch[1] = scaled;
        mismatch[2] = want;
      }
    });
    assertEquals(-1L, mismatch[0], () -> "S = " + Features.format(mismatch[0]) + ": relevance "
        + mismatch[1] + "/2^" + d + ", argument predicts " + mismatch[2] + "/2^" + d);
    assertEquals(GuessAndCount.candidateCount(d, np).longValueExact(), visited);
    assertEquals(visited, survey.sets());

    // The answers agree, the maximum is as predicted, and the δ-relevant sets are exactly the S_a
    // with p(a) > 1/2.
    assertEquals(sol.satisfiable(), survey.relevant(), "RELEVANT-INPUT vs E-MAJSAT");
    assertEquals(red.predictedMaximum(sol), survey.maximum(), "maximum relevance");
    assertEquals(s.apply(BigFraction.ONE.add(sol.maxProbability())
        .divide(BigFraction.of(BigInteger.ONE.shiftLeft(np)))), survey.maximum());
    Set<Long> expectedRelevant = new HashSet<>();
    BigFraction half = BigFraction.of(1, 2);
    for (long a = 0; a < (1L << np); a++) {
      BigFraction p = sol.probability((int) (a & ((1L << n) - 1)));
      if (p.compareTo(half) > 0) {
        expectedRelevant.add(red.intendedSet(a).mask());
      }
    }
    assertEquals(expectedRelevant, new HashSet<>(survey.relevantSets()), "δ-relevant sets");
    assertEquals(expectedRelevant.size(), survey.relevantCount());
    for (long m : survey.relevantSets()) {
      Optional<Long> a = red.assignmentOf(FeatureSet.ofMask(m));
      assertTrue(a.isPresent());
      assertTrue(sol.probability((int) (a.get() & ((1L << n) - 1))).compareTo(half) > 0);
    }

    // The membership algorithm on the reduced instance, with the fast oracle.
    GuessAndCount.Decision dec = GuessAndCount.decide(target, AgreementOracle.uniformCounts(target));
    assertEquals(sol.satisfiable(), dec.relevant());
    if (dec.relevant()) {
      assertTrue(expectedRelevant.contains(dec.witness().orElseThrow().mask()));
      assertTrue(dec.witnessRelevance().orElseThrow().compareTo(delta) >= 0);
    } else {
      assertEquals(visited, dec.oracleCalls());
    }

    // The long path against the BigFraction weighted model counter: every S_a, and random sets of
    // every size up to k' that include block inputs.
    WeightedModelCounter wmc = WeightedModelCounter.bdd(target.circuit(), 0);
    ProductDistribution uniform = ProductDistribution.uniform(d);
    SplittableRandom rnd = new SplittableRandom(d * 31L + n * 7L + r);
    for (long a = 0; a < (1L << np); a++) {
      FeatureSet sa = red.intendedSet(a);
      assertEquals(BigFraction.of(BigInteger.valueOf(counts.scaledAgreement(ones,
          sa.mask())), BigInteger.ONE.shiftLeft(d)),
          wmc.agreementProbability(uniform, ones, sa), "S_a");
    }
    for (int t = 0; t < (crossCheckAll ? 12 : 3); t++) {
      BitSet rs = new BitSet();
      int size = rnd.nextInt(np + 1);
      while (rs.cardinality() < size) {
        rs.set(rnd.nextInt(d));
      }
      assertEquals(BigFraction.of(BigInteger.valueOf(counts.scaledAgreement(ones,
          FeatureSet.of(rs).mask())), BigInteger.ONE.shiftLeft(d)),
          wmc.agreementProbability(uniform, ones, FeatureSet.of(rs)), () -> "S = " + rs);
    }
    if (crossCheckAll && visited <= 600) {
      assertEquals(sol.satisfiable(), GuessAndCount.decide(target).relevant(), "WMC oracle");
    }
    INSTANCES.incrementAndGet();
    SETS.addAndGet(visited);
    if (sol.satisfiable()) {
      YES.incrementAndGet();
    }
    return visited;
  }

  @Test
  void reductionIsCorrectOnEveryInstanceWithSmallNAndR() {
    qt().withFixedSeed(20250301L).withExamples(1000).withShrinkCycles(50)
        .forAll(integers().between(0, 3), integers().between(0, 3),
            integers().between(0, EmajsatGen.DELTAS.length - 1), longs().all())
        .checkAssert((n, r, di, seed) -> checkInstance(EmajsatGen.instance(n, r, seed),
            EmajsatGen.DELTAS[di], Math.floorMod(seed, 8L) == 0));
  }

  @Test
  void everyCombinationOfSizesAndThresholdsOnThePlantedBoundary() {
    // Deterministic sweep: every (n, r, δ) with a no-instance exactly on the threshold
    // (max_a Pr_b = 1/2, or 0 for r = 0) and a yes-instance just above it.
    for (int n = 0; n <= 3; n++) {
      for (int r = 0; r <= 3; r++) {
        for (BigFraction delta : EmajsatGen.DELTAS) {
          for (int yes = 0; yes < 2; yes++) {
            boolean[] table = new boolean[1 << (n + r)];
            int c = (r == 0 ? 0 : 1 << (r - 1)) + yes;
            for (int b = 0; b < c; b++) {
              table[(1 << n) - 1 | (b << n)] = true; // a = 1...1
            }
            EmajsatInstance inst = new EmajsatInstance(EmajsatGen.fromTable(n + r, table), n);
            assertEquals(yes == 1, EmajsatSolver.solve(inst).satisfiable());
            checkInstance(inst, delta, true);
          }
        }
      }
    }
  }

  @Test
  void constantFormulas() {
    for (int n = 0; n <= 3; n++) {
      for (int r = 0; r <= 3; r++) {
        for (BigFraction delta : EmajsatGen.DELTAS) {
          checkInstance(new EmajsatInstance(EmajsatGen.constant(n + r, false), n), delta, true);
          checkInstance(new EmajsatInstance(EmajsatGen.constant(n + r, true), n), delta, true);
        }
      }
    }
  }

  @Test
  void smallReducedInstancesAgreeWithTheTruthTable() {
    // Where d' <= 22, an independent route without any BDD: the truth table of Φ' by bit-sliced
    // evaluation, and cnt[T] = #{y ⊇ T : Φ'(y) = 1} for every T by the superset-sum transform, so
    // that P(Φ'(y) = 1 | y_S = 1) = cnt[S] / 2^{d'-|S|} for every S at once.
    int[] checked = {0};
    qt().withFixedSeed(99L).withExamples(150).withShrinkCycles(20)
        .forAll(integers().between(0, 3), integers().between(0, 3),
            integers().between(0, EmajsatGen.DELTAS.length - 1), longs().all())
        .checkAssert((n, r, di, seed) -> {
          EmajsatInstance inst = EmajsatGen.instance(n, r, seed);
          EmajsatToRelevant red = EmajsatToRelevant.reduce(inst, EmajsatGen.DELTAS[di]);
          RelevantInputInstance t = red.target();
          int d = t.dimension();
          if (d > 22) {
            return;
          }
          long[] table = TruthTable.of(t.circuit(), 0);
          int[] cnt = new int[1 << d];
          for (int y = 0; y < cnt.length; y++) {
            cnt[y] = TruthTable.get(table, y) ? 1 : 0;
          }
          for (int i = 0; i < d; i++) {
            for (int y = 0; y < cnt.length; y++) {
              if ((y >>> i & 1) == 0) {
                cnt[y] += cnt[y | 1 << i];
              }
            }
          }
          assertEquals(1, cnt[cnt.length - 1], "Φ'(x') = 1");
          UniformCounts counts = UniformCounts.compile(t.circuit());
          EmajsatSolver.Solution sol = EmajsatSolver.solve(inst);
          boolean[] relevant = {false};
          counts.forEachSet(t.point(), t.k(), (mask, scaled) -> {
            assertEquals((long) cnt[(int) mask] << Long.bitCount(mask), scaled,
                () -> "S = " + Features.format(mask));
            BigFraction rel = BigFraction.of(BigInteger.valueOf(cnt[(int) mask]),
                BigInteger.ONE.shiftLeft(d - Long.bitCount(mask)));
            assertEquals(red.predictedRelevance(FeatureSet.ofMask(mask), sol), rel);
            relevant[0] |= rel.compareTo(t.delta()) >= 0;
          });
          assertEquals(sol.satisfiable(), relevant[0]);
          checked[0]++;
        });
    assertTrue(checked[0] >= 50, "instances with d' <= 22: " + checked[0]);
  }

  @Test
  void shiftIsTheLeastLAndRefusesWhenNoShiftCanWork() {
    BigFraction half = BigFraction.of(1, 2);
    // lo >= δ: nothing can lower the relevance.
    assertTrue(EmajsatToRelevant.shift(BigFraction.of(3, 4), BigFraction.ONE, half).isEmpty());
    assertTrue(EmajsatToRelevant.shift(half, BigFraction.ONE, half).isEmpty());
    // lo < δ <= hi: ρ = 0 works, L = 0.
    EmajsatToRelevant.Shift s = EmajsatToRelevant.shift(BigFraction.of(3, 8), half, half).get();
    assertEquals(0, s.bits());
    assertEquals(BigFraction.ZERO, s.rho());
    // n' = 3, r' = 3, δ = 2/3: lo = 3/16, hi = 13/64; σ ∈ (16/39, 64/153] needs L = 7.
    s = EmajsatToRelevant.shift(EmajsatToRelevant.lowerBound(3), EmajsatToRelevant.upperBound(3, 3),
        BigFraction.of(2, 3)).get();
    assertEquals(7, s.bits());
    assertEquals(BigInteger.valueOf(75), s.count());
  }

  @Test
  void paddingOnlyWhereTheUnpaddedConstructionCannotWork() {
    BigFraction half = BigFraction.of(1, 2);
    assertEquals(2, EmajsatToRelevant.paddedExistential(0, half));
    assertEquals(2, EmajsatToRelevant.paddedExistential(1, half));
    assertEquals(2, EmajsatToRelevant.paddedExistential(1, BigFraction.of(3, 4)));
    assertEquals(1, EmajsatToRelevant.paddedExistential(1, BigFraction.of(7, 8)));
    assertEquals(1, EmajsatToRelevant.paddedExistential(0, BigFraction.of(7, 8)));
    assertEquals(2, EmajsatToRelevant.paddedExistential(2, half));
    assertEquals(3, EmajsatToRelevant.paddedExistential(3, half));
  }

  @Test
  void refusesThresholdsOutsideTheTheorem() {
    EmajsatInstance inst = new EmajsatInstance(EmajsatGen.constant(2, true), 1);
    assertThrows(IllegalArgumentException.class,
        () -> EmajsatToRelevant.reduce(inst, BigFraction.of(49, 100)));
    assertThrows(IllegalArgumentException.class,
        () -> EmajsatToRelevant.reduce(inst, BigFraction.ONE));
  }

  @Test
  void partsAndExplanation() {
    // φ(a1, b1, b2) = a1 ∧ (b1 ∨ b2): Pr_b = 3/4 at a1 = 1, a yes-instance.
    Circuit.Builder b = Circuit.builder(3);
    b.output(b.and(b.input(1), b.or(b.input(2), b.input(3))));
    EmajsatInstance inst = new EmajsatInstance(b.build(), 1);
    EmajsatToRelevant red = EmajsatToRelevant.reduce(inst, BigFraction.of(7, 8));
    assertEquals(1, red.paddedExistential());
    assertEquals(2, red.paddedRandom());
    assertEquals(2, red.blockSize());
    assertEquals(1, red.u(1));
    assertEquals(2, red.v(1));
    assertTrue(Arrays.equals(new int[] {3, 4}, red.zBlock(1)));
    assertTrue(Arrays.equals(new int[] {5, 6}, red.zBlock(2)));
    // lo = 3/4, hi = 7/8 = δ: ρ = 0, no w-blocks.
    assertEquals(BigFraction.of(3, 4), red.noBound());
    assertEquals(BigFraction.of(7, 8), red.yesBound());
    assertEquals(0, red.shift().bits());
    assertEquals(6, red.target().dimension());
    assertEquals(Optional.of(1L), red.assignmentOf(red.intendedSet(1)));
    String text = red.explain();
    assertTrue(text.contains("n' = 1 (none)"), text);
    assertTrue(text.contains("z2 = x5..x6"), text);
    assertTrue(text.contains("a = 1: p = 3/4, S_a = {x1}, relevance 7/8 >= δ"), text);
    assertTrue(text.contains("answer: yes"), text);
    checkInstance(inst, BigFraction.of(7, 8), true);

    EmajsatToRelevant padded = EmajsatToRelevant.reduce(inst, BigFraction.of(1, 2));
    assertEquals(2, padded.paddedExistential());
    assertTrue(padded.explain().contains("n' = 2 (dummy a2 added)"), padded.explain());
    assertTrue(padded.shift().bits() > 0);
    assertEquals(padded.target().dimension(), padded.wBlock(padded.shift().bits())[2]);
  }
}
