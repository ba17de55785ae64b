package xcert.reductions.emajsat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.model.Circuit;

class EmajsatSolverTest {

  @Test
  void strictMajorityIsRequired() {
    // φ(a1, b1) = a1 ⊕ b1: Pr_b = 1/2 for both a; not a strict majority.
    Circuit.Builder b = Circuit.builder(2);
    b.output(b.xor(b.input(1), b.input(2)));
    EmajsatSolver.Solution s = EmajsatSolver.solve(new EmajsatInstance(b.build(), 1));
    assertFalse(s.satisfiable());
    assertEquals(BigFraction.of(1, 2), s.maxProbability());
  }

  @Test
  void existentialChoiceMatters() {
    // φ(a1, a2, b1, b2) = (a1 ∧ ¬a2) ∧ (b1 ∨ b2): 3/4 at a = 10, 0 elsewhere.
    Circuit.Builder b = Circuit.builder(4);
    b.output(b.and(b.input(1), b.not(b.input(2)), b.or(b.input(3), b.input(4))));
    EmajsatSolver.Solution s = EmajsatSolver.solve(new EmajsatInstance(b.build(), 2));
    assertTrue(s.satisfiable());
    assertEquals(1, s.bestAssignment());
    assertEquals(3, s.count(1));
    assertEquals(0, s.count(0));
    assertEquals(0, s.count(2));
    assertEquals(0, s.count(3));
    assertEquals(BigFraction.of(3, 4), s.maxProbability());
    assertEquals("yes: max_a Pr_b[φ] = 3/4 at a = 10", s.toString());
  }

  @Test
  void degenerateSizes() {
    // r = 0: E-MAJSAT is SAT; n = 0: MAJSAT.
    Circuit.Builder b = Circuit.builder(1);
    b.output(b.not(b.input(1)));
    assertTrue(EmajsatSolver.solve(new EmajsatInstance(b.build(), 1)).satisfiable());
    assertFalse(EmajsatSolver.solve(new EmajsatInstance(b.build(), 0)).satisfiable());
    assertFalse(EmajsatSolver.solve(
        new EmajsatInstance(EmajsatGen.constant(0, false), 0)).satisfiable());
    assertTrue(EmajsatSolver.solve(
        new EmajsatInstance(EmajsatGen.constant(0, true), 0)).satisfiable());
  }
}
