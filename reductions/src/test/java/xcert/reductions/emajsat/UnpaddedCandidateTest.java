package xcert.reductions.emajsat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.model.Circuit;

/**
 * The construction as first proposed, without padding: n' = n, r' = r, threshold δ_raw =
 * 2^{−n}(3/2 + 2^{−r}), g = n + r, and the least L with ρ + (1−ρ)δ_raw ≥ δ &gt; ρ + (1−ρ)(δ_raw −
 * 2^{−g}); where no ρ exists, ρ = 0 (any ρ &gt; 0 only raises every relevance). It is wrong in two
 * places, and these tests keep the counterexamples:
 *
 * <ol>
 *   <li>n = 0: the disjuncts [u = 1 ∧ v = 1] and ∧_i (u_i ⊕ v_i) ∧ φ are both over empty sets of
 *       coordinates, so Ψ ≡ 1 and every instance becomes a yes-instance. n = 1 and δ ≤ 3/4: the
 *       no-instance bound δ_raw − 2^{−g} = 3/4 is not below δ, so no ρ ∈ [0, 1) exists; with φ ≡ 0
 *       the set {v_1} has relevance ρ + (1−ρ)/2 ≥ 1/2, and the no-instance maps to a yes-instance
 *       for δ = 1/2.
 *   <li>r = 0: Pr_b[φ] ∈ {0, 1}, so "&gt; 1/2" means "= 1", and "≥ 1/2 + 2^{−r} = 3/2" is
 *       unreachable: δ_raw overshoots the true yes-value 2^{1−n}, and the ρ chosen from it can send
 *       a yes-instance to a no-instance (n = 2, r = 0, φ ≡ 1, δ = 2/3: ρ = 1/4, maximum relevance
 *       1/4 + (3/4)(1/2) = 5/8 &lt; 2/3).
 * </ol>
 *
 * <p>QuickTheories (seed 20250301, 400 examples) falsifies the candidate and shrinks (n, r, δ index,
 * instance seed) to these counterexamples, pinned in {@link #shrunkCounterexamples}:
 *
 * <ul>
 *   <li>n, r ≥ 0: (0, 0, δ = 1/2, seed 1): φ ≡ 0 on no inputs, a no-instance; Φ' ≡ 1, so ∅ has
 *       relevance 1.
 *   <li>n, r ≥ 1: (1, 1, δ = 1/2, seed −1): φ(a1, b1) = b1, Pr_b = 1/2 for both a, a no-instance;
 *       no ρ exists, with ρ = 0 the maximum relevance is 3/4 (at {u1} and {v1}) and even ∅ has
 *       relevance 1/4 + (1/2)(1/2) = 1/2 ≥ δ.
 *   <li>n ≥ 2: (2, 0, δ = 2/3, seed 0): φ(a1, a2) = ¬(a1 ∧ a2), a yes-instance (p* = 1); the
 *       candidate's ρ = 1/4 (L = 2, Q = 1) gives maximum relevance 1/4 + (3/4)(1/2) = 5/8 &lt; 2/3.
 * </ul>
 *
 * {@link EmajsatToRelevant} pads n to max(n, 1), and to 2 when δ ≤ 3·2^{−n−1}, and r to max(r, 1);
 * with n ≥ 1, r ≥ 1 and 3·2^{−n−1} &lt; δ it is exactly this construction, which the last test
 * confirms, and on every padded instance the exhaustive checks of {@link EmajsatToRelevantTest} hold.
 */
class UnpaddedCandidateTest {

  /** The candidate's shift, or ρ = 0 when it has none. */
  static EmajsatToRelevant.Shift candidateShift(int n, int r, BigFraction delta) {
    BigFraction hi = BigFraction.ONE.add(BigFraction.ONE).add(BigFraction.ONE)
        .divide(BigFraction.of(2)).add(BigFraction.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(r)))
        .divide(BigFraction.of(BigInteger.ONE.shiftLeft(n)));
    BigFraction lo = hi.subtract(BigFraction.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(n + r)));
    return EmajsatToRelevant.shift(lo, hi, delta)
        .orElse(new EmajsatToRelevant.Shift(0, BigInteger.ZERO));
  }

  /** The candidate's RELEVANT-INPUT answer, by exhaustion over all |S| ≤ n. */
  static boolean candidateAnswer(EmajsatInstance inst, BigFraction delta,
      EmajsatToRelevant.Shift s) {
    int n = inst.existential();
    Circuit c = EmajsatToRelevant.build(inst, n, inst.random(), s);
    boolean[] ones = new boolean[c.dimension()];
    Arrays.fill(ones, true);
    return GuessAndCount.survey(new RelevantInputInstance(c, ones, n, delta)).relevant();
  }

  static boolean candidateAnswer(EmajsatInstance inst, BigFraction delta) {
    return candidateAnswer(inst, delta,
        candidateShift(inst.existential(), inst.random(), delta));
  }

  private static void candidateProperty(int nMin, int rMin) {
    qt().withFixedSeed(20250301L).withExamples(400).withShrinkCycles(200)
        .forAll(integers().between(nMin, 3), integers().between(rMin, 3),
            integers().between(0, EmajsatGen.DELTAS.length - 1), longs().all())
        .checkAssert((n, r, di, seed) -> {
          EmajsatInstance inst = EmajsatGen.instance(n, r, seed);
          assertEquals(EmajsatSolver.solve(inst).satisfiable(),
              candidateAnswer(inst, EmajsatGen.DELTAS[di]));
        });
  }

  /** The property's falsification, reduced to its shrunk example "{n, r, δ index, seed}". */
  private static String shrunk(int nMin, int rMin) {
    AssertionError e = assertThrows(AssertionError.class, () -> candidateProperty(nMin, rMin));
    String m = e.getMessage();
    String key = "Smallest found falsifying value(s) :-";
    assertTrue(m.contains(key), m);
    String example = m.substring(m.indexOf(key) + key.length()).strip().lines().findFirst()
        .orElseThrow();
    System.out.println("Unpadded candidate, n >= " + nMin + ", r >= " + rMin
        + ": falsified, shrunk to {n, r, δ index, seed} = " + example);
    return example;
  }

  @Test
  void candidateIsFalsifiedAndShrinks() {
    assertEquals("{0, 0, 0, 1}", shrunk(0, 0));
    assertEquals("{1, 1, 0, -1}", shrunk(1, 1));
    assertEquals("{2, 0, 1, 0}", shrunk(2, 0));
  }

  /** One shrunk counterexample: the instance, δ, the true answer and the candidate's maximum. */
  private static void pinned(int n, int r, int deltaIndex, long seed, String table, boolean answer,
      BigFraction candidateMaximum) {
    EmajsatInstance inst = EmajsatGen.instance(n, r, seed);
    StringBuilder tt = new StringBuilder();
    for (int y = 0; y < (1 << (n + r)); y++) {
      boolean[] x = new boolean[n + r];
      for (int i = 0; i < n + r; i++) {
        x[i] = ((y >>> i) & 1) != 0;
      }
      tt.append(inst.circuit().evaluate(0, x) ? '1' : '0');
    }
    assertEquals(table, tt.toString(), "truth table, bit i of the row index = x_{i+1}");
    BigFraction delta = EmajsatGen.DELTAS[deltaIndex];
    assertEquals(answer, EmajsatSolver.solve(inst).satisfiable());
    EmajsatToRelevant.Shift s = candidateShift(n, r, delta);
    Circuit c = EmajsatToRelevant.build(inst, n, r, s);
    boolean[] ones = new boolean[c.dimension()];
    Arrays.fill(ones, true);
    GuessAndCount.Survey survey = GuessAndCount.survey(new RelevantInputInstance(c, ones, n, delta));
    assertEquals(candidateMaximum, survey.maximum());
    assertEquals(!answer, survey.relevant(), "the candidate answers wrongly");
    checkFixed(inst, delta);
  }

  @Test
  void shrunkCounterexamples() {
    pinned(0, 0, 0, 1L, "0", false, BigFraction.ONE);
    pinned(1, 1, 0, -1L, "0011", false, BigFraction.of(3, 4));
    pinned(2, 0, 1, 0L, "1110", true, BigFraction.of(5, 8));
  }

  @Test
  void nEqualZeroMakesPsiConstantlyTrue() {
    // φ ≡ 0 with n = r = 0: E-MAJSAT says no, the candidate's Φ' is ≡ 1.
    EmajsatInstance inst = new EmajsatInstance(EmajsatGen.constant(0, false), 0);
    assertFalse(EmajsatSolver.solve(inst).satisfiable());
    for (BigFraction delta : EmajsatGen.DELTAS) {
      assertTrue(candidateAnswer(inst, delta), "δ = " + delta);
      checkFixed(inst, delta);
    }
  }

  @Test
  void oneExistentialVariableAndSmallDeltaHasNoShift() {
    // n = 1, r = 1, φ ≡ 0 (a no-instance). δ_raw − 2^{−g} = 3/4 ≥ δ for δ ∈ {1/2, 2/3, 3/4}: no
    // ρ exists, and for every dyadic ρ with L ≤ 5 the candidate answers yes.
    EmajsatInstance inst = new EmajsatInstance(EmajsatGen.constant(2, false), 1);
    assertFalse(EmajsatSolver.solve(inst).satisfiable());
    for (BigFraction delta : new BigFraction[] {BigFraction.of(1, 2), BigFraction.of(2, 3),
        BigFraction.of(3, 4)}) {
      BigFraction hi = BigFraction.of(7, 8);
      BigFraction lo = BigFraction.of(3, 4);
      assertTrue(EmajsatToRelevant.shift(lo, hi, delta).isEmpty());
      for (int l = 0; l <= 5; l++) {
        for (long q = 0; q < (1L << l); q++) {
          EmajsatToRelevant.Shift s = new EmajsatToRelevant.Shift(l, BigInteger.valueOf(q));
          if (delta.equals(BigFraction.of(1, 2))) {
            assertTrue(candidateAnswer(inst, delta, s), s.toString());
          }
        }
      }
      checkFixed(inst, delta);
    }
  }

  @Test
  void noRandomVariableMakesTheYesThresholdUnreachable() {
    // n = 2, r = 0, φ ≡ 1 (a yes-instance), δ = 2/3: the candidate picks ρ = 1/4 from δ_raw =
    // 5/8, but the true maximum 2^{−2}(1 + 1) = 1/2 gives 1/4 + (3/4)(1/2) = 5/8 < 2/3.
    EmajsatInstance inst = new EmajsatInstance(EmajsatGen.constant(2, true), 2);
    assertTrue(EmajsatSolver.solve(inst).satisfiable());
    BigFraction delta = BigFraction.of(2, 3);
    EmajsatToRelevant.Shift s = candidateShift(2, 0, delta);
    assertEquals(BigFraction.of(1, 4), s.rho());
    assertFalse(candidateAnswer(inst, delta));
    checkFixed(inst, delta);
  }

  private static void checkFixed(EmajsatInstance inst, BigFraction delta) {
    EmajsatToRelevantTest.checkInstance(inst, delta, true);
  }

  @Test
  void withoutPaddingTheFixedConstructionIsTheCandidate() {
    // n ≥ 1, r ≥ 1 and 3·2^{−n−1} < δ: no padding, the same shift, the same circuit, same answers.
    qt().withFixedSeed(5L).withExamples(150).withShrinkCycles(20)
        .forAll(integers().between(1, 3), integers().between(1, 3),
            integers().between(0, EmajsatGen.DELTAS.length - 1), longs().all())
        .checkAssert((n, r, di, seed) -> {
          BigFraction delta = EmajsatGen.DELTAS[di];
          if (EmajsatToRelevant.lowerBound(n).compareTo(delta) >= 0) {
            return;
          }
          EmajsatInstance inst = EmajsatGen.instance(n, r, seed);
          EmajsatToRelevant red = EmajsatToRelevant.reduce(inst, delta);
          assertEquals(n, red.paddedExistential());
          assertEquals(r, red.paddedRandom());
          EmajsatToRelevant.Shift s = candidateShift(n, r, delta);
          assertEquals(s.bits(), red.shift().bits());
          assertEquals(s.count(), red.shift().count());
          assertEquals(EmajsatSolver.solve(inst).satisfiable(), candidateAnswer(inst, delta));
        });
  }
}
