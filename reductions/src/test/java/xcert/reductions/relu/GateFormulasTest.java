package xcert.reductions.relu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Circuit.Op;
import xcert.solvers.model.ReluNetwork;

/**
 * The gate formulas, first as arithmetic written out here, then as compiled single-gate networks, on
 * every Boolean input of arity 1..6. Expected values come from the Boolean operations, never from the
 * compiler.
 */
class GateFormulasTest {

  private static long relu(long z) {
    return Math.max(0, z);
  }

  /**
   * AND of k: ReLU(s − (k − 1)). Hand check for k = 3: s = 3 → ReLU(1) = 1; s = 2 → ReLU(0) = 0;
   * s = 0 → ReLU(−2) = 0.
   *
   * <p>OR of k: 1 − ReLU(1 − s). k = 3: s = 0 → 1 − 1 = 0; s = 1 → 1 − 0 = 1; s = 3 → 1 − ReLU(−2) =
   * 1. The two-unit form ReLU(s) − ReLU(s − 1): s = 0 → 0; s = 1 → 1 − 0 = 1; s = 3 → 3 − 2 = 1.
   *
   * <p>XOR of k: Σ_{t<k} c_t ReLU(s − t), c = 1, −2, 2, −2, … k = 4: s = 0 → 0; s = 1 → 1; s = 2 →
   * 2 − 2·1 = 0; s = 3 → 3 − 2·2 + 2·1 = 1; s = 4 → 4 − 2·3 + 2·2 − 2·1 = 0.
   */
  @Test
  void formulasAgreeWithTheBooleanOperationsOnAllInputs() {
    for (int k = 1; k <= 6; k++) {
      for (int x = 0; x < 1 << k; x++) {
        long s = Integer.bitCount(x);
        long and = x == (1 << k) - 1 ? 1 : 0;
        long or = x != 0 ? 1 : 0;
        long xor = s % 2;
        assertEquals(and, relu(s - (k - 1)), "AND k=" + k + " x=" + x);
        assertEquals(or, 1 - relu(1 - s), "OR k=" + k + " x=" + x);
        assertEquals(or, relu(s) - relu(s - 1), "two-unit OR k=" + k + " x=" + x);
        long parity = 0;
        for (int t = 0; t < k; t++) {
          long c = t == 0 ? 1 : (t % 2 == 1 ? -2 : 2);
          parity += c * relu(s - t);
        }
        assertEquals(xor, parity, "XOR k=" + k + " x=" + x);
      }
    }
    // The identity carry: ReLU(v) = v for v in {0, 1}.
    assertEquals(0, relu(0));
    assertEquals(1, relu(1));
  }

  /** A single k-ary gate over x1..xk, child i negated when bit i of {@code negations} is set. */
  static Circuit gate(Op op, int k, int negations) {
    Circuit.Builder b = Circuit.builder(k);
    int[] ch = new int[k];
    for (int i = 0; i < k; i++) {
      ch[i] = (negations >>> i & 1) != 0 ? b.not(b.input(i + 1)) : b.input(i + 1);
    }
    return b.output(b.gate(op, ch)).build();
  }

  private static boolean expected(Op op, int k, int negations, int x) {
    int lits = (x ^ negations) & ((1 << k) - 1);
    return switch (op) {
      case AND -> lits == (1 << k) - 1;
      case OR -> lits != 0;
      default -> Integer.bitCount(lits) % 2 == 1;
    };
  }

  @Test
  void compiledSingleGatesComputeTheGateExactlyOnAllInputs() {
    for (Op op : new Op[] {Op.AND, Op.OR, Op.XOR}) {
      for (int k = 1; k <= 6; k++) {
        for (int neg = 0; neg < 1 << k; neg++) {
          Circuit c = gate(op, k, neg);
          for (boolean merge : new boolean[] {false, true}) {
            ReluCompilation comp = CircuitToRelu.compile(c, 0, merge);
            ReluNetwork net = comp.network();
            String what = op + " k=" + k + " negations=" + neg + " merge=" + merge;
            // One child: the gate is its (possibly negated) child, a linear function of x.
            // k >= 2: one hidden layer; AND and OR take one unit, XOR k units.
            int units = k == 1 ? 0 : op == Op.XOR ? k : 1;
            assertEquals(k == 1 ? 1 : 2, comp.depth(), what);
            assertEquals(units, comp.size(), what);
            for (int x = 0; x < 1 << k; x++) {
              double[] v = new double[k];
              for (int i = 0; i < k; i++) {
                v[i] = x >>> i & 1;
              }
              double want = expected(op, k, neg, x) ? 1.0 : 0.0;
              assertEquals(want, net.score(v), what + " x=" + x);
              assertEquals((int) want, net.label(v), what + " x=" + x);
            }
          }
        }
      }
    }
  }

  /** The weights of the un-negated gates, derived by hand from the formulas. */
  @Test
  void singleGateWeightsAreTheFormulas() {
    for (int k = 2; k <= 6; k++) {
      // AND: u = ReLU(x1 + ... + xk − (k − 1)), score = u.
      ReluNetwork and = CircuitToRelu.compile(gate(Op.AND, k, 0), 0).network();
      for (int i = 0; i < k; i++) {
        assertEquals(1.0, and.weight(0, 0, i));
      }
      assertEquals(-(k - 1), and.bias(0, 0));
      assertEquals(1.0, and.weight(1, 0, 0));
      assertEquals(0.0, and.bias(1, 0));

      // OR: u = ReLU(1 − (x1 + ... + xk)), score = 1 − u.
      ReluNetwork or = CircuitToRelu.compile(gate(Op.OR, k, 0), 0).network();
      for (int i = 0; i < k; i++) {
        assertEquals(-1.0, or.weight(0, 0, i));
      }
      assertEquals(1.0, or.bias(0, 0));
      assertEquals(-1.0, or.weight(1, 0, 0));
      assertEquals(1.0, or.bias(1, 0));

      // XOR: u_t = ReLU(x1 + ... + xk − t), score = u_0 − 2u_1 + 2u_2 − ...
      ReluNetwork xor = CircuitToRelu.compile(gate(Op.XOR, k, 0), 0).network();
      assertEquals(k, xor.width(0));
      double[] c = {1, -2, 2, -2, 2, -2};
      for (int t = 0; t < k; t++) {
        for (int i = 0; i < k; i++) {
          assertEquals(1.0, xor.weight(0, t, i));
        }
        assertEquals(-t, xor.bias(0, t));
        assertEquals(c[t], xor.weight(1, 0, t));
      }
      assertEquals(0.0, xor.bias(1, 0));
      assertEquals(1.0, xor.threshold().getAsDouble());
    }
  }

  /** NAND(x1, x2) = 1 − AND: the same unit, the output layer negates; NOR = 1 − OR. */
  @Test
  void negatedOutputsCostNoUnit() {
    Circuit.Builder b = Circuit.builder(2);
    Circuit nand = b.output(b.not(b.and(b.input(1), b.input(2)))).build();
    ReluCompilation comp = CircuitToRelu.compile(nand, 0);
    assertEquals(1, comp.size());
    ReluNetwork net = comp.network();
    assertEquals(1.0, net.score(new double[] {0, 0}));
    assertEquals(1.0, net.score(new double[] {1, 0}));
    assertEquals(1.0, net.score(new double[] {0, 1}));
    assertEquals(0.0, net.score(new double[] {1, 1}));
  }

  /** Constant outputs and constant children fold away. */
  @Test
  void constantsFold() {
    Circuit.Builder b = Circuit.builder(3);
    int t = b.constant(true);
    int f = b.constant(false);
    // AND(x1, TRUE) = x1; OR(x2, FALSE) = x2; XOR(x3, TRUE) = ¬x3; AND(x1, FALSE) = FALSE.
    int g = b.xor(b.and(b.input(1), t), b.or(b.input(2), f), b.xor(b.input(3), t));
    Circuit c = b.output(g).output(b.and(b.input(1), f)).output(t).build();
    ReluCompilation comp = CircuitToRelu.compile(c, 0);
    assertEquals(3, comp.size()); // XOR(x1, x2, ¬x3) = ¬XOR(x1, x2, x3): three units
    for (int x = 0; x < 8; x++) {
      double[] v = {x & 1, x >> 1 & 1, x >> 2 & 1};
      double want = Integer.bitCount(x) % 2 == 1 ? 0 : 1;
      assertEquals(want, comp.network().score(v));
      assertEquals(0.0, CircuitToRelu.compile(c, 1).network().score(v));
      assertEquals(1.0, CircuitToRelu.compile(c, 2).network().score(v));
    }
    assertEquals(1, CircuitToRelu.compile(c, 1).depth());
    assertEquals(0, CircuitToRelu.compile(c, 2).size());
  }
}
