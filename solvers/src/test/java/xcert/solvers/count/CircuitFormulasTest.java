package xcert.solvers.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.logicng.datastructures.Assignment;
import org.logicng.formulas.Equivalence;
import org.logicng.formulas.Formula;
import org.logicng.formulas.FormulaFactory;
import org.logicng.formulas.Literal;
import org.logicng.formulas.Not;
import xcert.solvers.model.Circuit;

class CircuitFormulasTest {

  private static Assignment assignment(FormulaFactory f, boolean[] y) {
    List<Literal> lits = new ArrayList<>();
    for (int i = 0; i < y.length; i++) {
      lits.add(f.literal(CircuitFormulas.VARIABLE_PREFIX + (i + 1), y[i]));
    }
    return new Assignment(lits);
  }

  @Test
  void formulaComputesTheCircuitOutput() {
    qt().withFixedSeed(8080L).withExamples(200).withShrinkCycles(20)
        .forAll(integers().between(1, 9), longs().all())
        .checkAssert((d, seed) -> {
          Random r = new Random(seed);
          Circuit c = RandomCircuitsForCounting.circuit(r, d);
          FormulaFactory f = new FormulaFactory();
          for (int k = 0; k < c.outputCount(); k++) {
            Formula phi = CircuitFormulas.toFormula(c, k, f);
            for (int y = 0; y < (1 << d); y++) {
              boolean[] v = RandomCircuitsForCounting.bits(y, d);
              assertEquals(c.evaluate(k, v), evaluate(phi, v, new IdentityHashMap<>()), "y = " + y);
            }
          }
        });
  }

  /** g_{i+1} = (g_i ∧ (g_i ∨ x_i)) ⊕ x_{i+1}, g_1 = x1: as a tree this doubles at every level. */
  private static Circuit chain(int n) {
    Circuit.Builder b = Circuit.builder(n + 1);
    int g = b.input(1);
    for (int i = 1; i <= n; i++) {
      g = b.xor(b.and(g, b.or(g, b.input(i))), b.input(i + 1));
    }
    b.output(g);
    return b.build();
  }

  @Test
  void sharingIsPreserved() {
    // Small enough for LogicNG's evaluate, which walks the formula as a tree.
    Circuit small = chain(8);
    FormulaFactory f = new FormulaFactory();
    Formula phiSmall = CircuitFormulas.toFormula(small, 0, f);
    for (int y = 0; y < (1 << 9); y++) {
      boolean[] v = RandomCircuitsForCounting.bits(y, 9);
      assertEquals(small.evaluate(0, v), phiSmall.evaluate(assignment(f, v)));
    }
    // 2^60 as a tree; the translation must stay linear in the circuit.
    int n = 60;
    Circuit c = chain(n);
    Formula phi = CircuitFormulas.toFormula(c, 0, f);
    int distinct = distinctNodes(phi);
    assertTrue(distinct <= 10 * c.nodeCount(), distinct + " distinct formula nodes");
    // The BDD route compiles such a DAG node by node; g_i ∧ (g_i ∨ x_i) = g_i, so the output is the
    // parity of x1..x_{n+1}, which is 1 on half of the 2^{n+1} points.
    WeightedModelCounter w = WeightedModelCounter.bdd(c, 0);
    assertEquals(BigInteger.ONE.shiftLeft(n), w.modelCount());
  }

  /**
   * Evaluates a formula memoised per node (LogicNG's own evaluate walks the DAG as a tree, which is
   * exponential on deep shared circuits).
   */
  private static boolean evaluate(Formula g, boolean[] v, IdentityHashMap<Formula, Boolean> memo) {
    Boolean known = memo.get(g);
    if (known != null) {
      return known;
    }
    boolean value;
    switch (g.type()) {
      case TRUE -> value = true;
      case FALSE -> value = false;
      case LITERAL -> {
        Literal l = (Literal) g;
        value = v[CircuitFormulas.featureOf(l.variable()) - 1] == l.phase();
      }
      case NOT -> value = !evaluate(((Not) g).operand(), v, memo);
      case EQUIV -> {
        Equivalence e = (Equivalence) g;
        value = evaluate(e.left(), v, memo) == evaluate(e.right(), v, memo);
      }
      case AND -> {
        value = true;
        for (Formula op : g) {
          value &= evaluate(op, v, memo);
        }
      }
      case OR -> {
        value = false;
        for (Formula op : g) {
          value |= evaluate(op, v, memo);
        }
      }
      default -> throw new AssertionError("unexpected " + g.type());
    }
    memo.put(g, value);
    return value;
  }

  private static int distinctNodes(Formula root) {
    IdentityHashMap<Formula, Boolean> seen = new IdentityHashMap<>();
    ArrayDeque<Formula> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Formula g = stack.pop();
      if (seen.put(g, Boolean.TRUE) == null) {
        for (Formula op : g) {
          stack.push(op);
        }
      }
    }
    return seen.size();
  }

  @Test
  void featureNamesRoundTrip() {
    FormulaFactory f = new FormulaFactory();
    for (int i : new int[] {1, 9, 10, 12345}) {
      assertEquals(i, CircuitFormulas.featureOf(CircuitFormulas.variable(f, i)));
    }
    assertEquals(-1, CircuitFormulas.featureOf(f.variable("x0")));
    assertEquals(-1, CircuitFormulas.featureOf(f.variable("x01")));
    assertEquals(-1, CircuitFormulas.featureOf(f.variable("t5")));
    assertEquals(-1, CircuitFormulas.featureOf(f.variable("@RESERVED_CNF_0")));
  }
}
