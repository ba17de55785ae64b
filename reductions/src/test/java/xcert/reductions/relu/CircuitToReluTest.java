package xcert.reductions.relu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.ReluNetwork;

/**
 * The compiler on generated circuits (checked on all of {0,1}^d against the circuit's own evaluator),
 * and the depth and size of the compiled networks against values derived by hand or measured on the
 * circuit independently.
 */
class CircuitToReluTest {

  /** Score = circuit output (0 or 1) at every point, with ReluNetwork's own float64 forward pass. */
  private static void assertScoreEqualsCircuit(Circuit c, int k, ReluNetwork net) {
    int d = c.dimension();
    for (long y = 0; y < 1L << d; y++) {
      double want = c.evaluate(k, TestCircuits.bits(y, d)) ? 1.0 : 0.0;
      assertEquals(want, net.score(TestCircuits.point(y, d)), "point " + y);
    }
  }

  @Test
  void generatedCircuitsCompileToEquivalentIntegerNetworks() {
    qt().withFixedSeed(3003L).withExamples(250).withShrinkCycles(30)
        .forAll(integers().between(0, 12), integers().between(0, 60),
            longs().between(0, 1_000_000_000L))
        .checkAssert((d, gates, seed) -> {
          Circuit c = RandomInstances.circuit(new SplittableRandom(seed), d, gates);
          int depth = TestCircuits.gateDepth(c, 0);
          int[] edgesNodes = TestCircuits.coneEdgesAndNodes(c, 0);
          int plainHidden = -1;
          for (boolean merge : new boolean[] {false, true}) {
            ReluCompilation comp = CircuitToRelu.compile(c, 0, merge);
            ReluNetwork net = comp.network();
            String what = "seed=" + seed + " d=" + d + " gates=" + gates + " merge=" + merge;
            assertTrue(TestCircuits.integral(net), what);
            assertEquals(1.0, net.threshold().getAsDouble(), what);
            assertScoreEqualsCircuit(c, 0, net);
            assertTrue(ReluEquivalence.exhaustive(c, 0, net).agrees(), what);
            // Each level costs one hidden layer, and levels never exceed the circuit's gate depth.
            assertTrue(comp.hiddenLayers() <= depth, what + ": " + comp.hiddenLayers() + " > " + depth);
            // Units: at most one per child edge, plus one carry per node and layer.
            assertTrue(comp.size() <= edgesNodes[0] + edgesNodes[1] * comp.hiddenLayers(), what);
            assertEquals(comp.depth(), comp.layers().size(), what);
            int sum = 0;
            for (ReluCompilation.Layer l : comp.layers()) {
              sum += l.linear() ? 0 : l.units();
              assertEquals(l.units(), net.width(l.index() - 1), what);
            }
            assertEquals(comp.size(), sum, what);
            if (merge) {
              assertTrue(comp.hiddenLayers() <= plainHidden, what);
            } else {
              plainHidden = comp.hiddenLayers();
            }
          }
        });
  }

  @Test
  void largerGeneratedCircuitsAgreeOnAllOfTheCube() {
    for (long seed = 1; seed <= 3; seed++) {
      Circuit c = RandomInstances.circuit(new SplittableRandom(seed), 16, 400);
      for (boolean merge : new boolean[] {false, true}) {
        ReluCompilation comp = CircuitToRelu.compile(c, 0, merge);
        assertTrue(ReluEquivalence.exhaustive(c, 0, comp.network()).agrees(), "seed " + seed);
        assertTrue(comp.hiddenLayers() <= TestCircuits.gateDepth(c, 0));
      }
    }
  }

  @Test
  void anyOutputOfAMultiOutputCircuitCompiles() {
    Circuit.Builder b = Circuit.builder(4);
    int a = b.and(b.input(1), b.input(2));
    int o = b.or(a, b.not(b.input(3)));
    int x = b.xor(o, b.input(4), a);
    Circuit c = b.output(o).output(x).output(b.input(2)).build();
    for (int k = 0; k < 3; k++) {
      ReluCompilation comp = CircuitToRelu.compile(c, k);
      assertEquals(k, comp.output());
      assertScoreEqualsCircuit(c, k, comp.network());
    }
    // Output 3 is the input x2: a single linear layer, score = x2.
    assertEquals(1, CircuitToRelu.compile(c, 2).depth());
    assertThrows(IllegalArgumentException.class, () -> CircuitToRelu.compile(c, 3));
  }

  @Test
  void cnfWithTwentyVariablesAndEightyFiveClauses() {
    Circuit cnf = RandomInstances.cnf(new SplittableRandom(85), 20, 85, 3);
    int clauses = TestCircuits.distinctClauses(cnf);
    for (boolean merge : new boolean[] {false, true}) {
      ReluCompilation comp = CircuitToRelu.compile(cnf, 0, merge);
      ReluNetwork net = comp.network();
      // Layer 1: one OR unit per distinct clause; layer 2: the AND; layer 3: linear score.
      assertEquals(3, comp.depth());
      assertEquals(clauses, net.width(0));
      assertEquals(1, net.width(1));
      assertEquals(clauses + 1, comp.size());
      assertEquals(0, comp.carries());
      assertTrue(TestCircuits.integral(net));
      ReluEquivalence.Exhaustive ex = ReluEquivalence.exhaustive(cnf, 0, net);
      assertTrue(ex.agrees(), ex.toString());
      assertEquals(1L << 20, ex.points());
      assertTrue(ex.integerArithmetic());
    }
  }

  @Test
  void parityOfTwentyInputs() {
    Circuit flat = TestCircuits.flatParity(20);
    Circuit tree = TestCircuits.treeParity(20);
    assertEquals(5, TestCircuits.gateDepth(tree, 0)); // ⌈log2 20⌉ levels of 2-input XORs

    // One 20-ary XOR gate: 20 units u_t = ReLU(s − t) in one hidden layer.
    ReluCompilation f = CircuitToRelu.compile(flat, 0);
    assertEquals(2, f.depth());
    assertEquals(20, f.size());
    // Merging splices the single-use XOR tree into the same one gate.
    ReluCompilation tm = CircuitToRelu.compile(tree, 0, true);
    assertEquals(2, tm.depth());
    assertEquals(20, tm.size());
    // Level by level: 10, 5, 2, 1, 1 XOR2 gates (2 units each); the fifth level-2 value waits in
    // layers 3 and 4 (2 carries): 19 · 2 + 2 = 40 units, 5 hidden layers.
    ReluCompilation tp = CircuitToRelu.compile(tree, 0, false);
    assertEquals(6, tp.depth());
    assertEquals(40, tp.size());
    assertEquals(2, tp.carries());
    for (ReluCompilation comp : new ReluCompilation[] {f, tm, tp}) {
      Circuit c = comp == f ? flat : tree;
      assertTrue(TestCircuits.integral(comp.network()));
      ReluEquivalence.Exhaustive ex = ReluEquivalence.exhaustive(c, 0, comp.network());
      assertTrue(ex.agrees(), ex.toString());
    }
  }

  @Test
  void cnfDepthDoesNotGrowWithD() {
    int[] ds = {5, 20, 50};
    for (int d : ds) {
      Circuit cnf = RandomInstances.cnf(new SplittableRandom(d), d, (int) Math.round(4.26 * d), 3);
      ReluCompilation comp = CircuitToRelu.compile(cnf, 0);
      assertEquals(3, comp.depth(), "d=" + d);
      assertEquals(TestCircuits.distinctClauses(cnf) + 1, comp.size(), "d=" + d);
      assertTrue(TestCircuits.integral(comp.network()), "d=" + d);
      ReluEquivalence.Sampled s = ReluEquivalence.sampled(cnf, 0, comp.network(), 20_000, d);
      assertTrue(s.agrees(), s.toString());
    }
  }

  /** Φ'(u, v) = Φ(∧_j u^(j)) ∨ ∧_i v_i with seed 003's q and m' (δ = 1/2): depth 4, 5 layers. */
  @Test
  void reductionInstancesHaveConstantDepth() {
    for (int d : new int[] {5, 20, 50}) {
      Circuit phi = RandomInstances.cnf(new SplittableRandom(100 + d), d,
          (int) Math.round(4.26 * d), 3);
      int q = (int) Math.ceil(Math.log(d) / Math.log(2) + 1); // ⌈log2 d − log2(1 − δ)⌉
      int p = 2; // ⌊−log2 δ⌋ + 1
      int mPrime = d * q;
      Circuit prime = TestCircuits.phiPrime(phi, q, mPrime + p);
      assertEquals(4, TestCircuits.gateDepth(prime, 0));
      ReluCompilation comp = CircuitToRelu.compile(prime, 0);
      assertEquals(5, comp.depth(), "d=" + d);
      assertTrue(TestCircuits.integral(comp.network()), "d=" + d);
      // Polynomial size: at most edges + nodes · depth (a generous bound; the count is far below).
      int[] en = TestCircuits.coneEdgesAndNodes(prime, 0);
      assertTrue(comp.size() <= en[0] + 4 * en[1]);
    }
  }
}
