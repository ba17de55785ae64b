package xcert.reductions.relu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.io.ReluJsonFormat;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.ReluNetwork;

/** The compiled networks written out: JSON round trip, Graphviz drawing, the explanation text. */
class ReluOutputTest {

  @Test
  void jsonRoundTripKeepsEveryLabel() {
    Circuit c = RandomInstances.circuit(new SplittableRandom(41), 12, 80);
    Circuit cnf = RandomInstances.cnf(new SplittableRandom(85), 20, 85, 3);
    for (Circuit circuit : new Circuit[] {c, cnf}) {
      ReluNetwork net = CircuitToRelu.compile(circuit, 0).network();
      String json = ReluJsonFormat.toString(net);
      ReluNetwork back = ReluJsonFormat.read("compiled.json", new StringReader(json));
      assertEquals(net.layerCount(), back.layerCount());
      assertEquals(1.0, back.threshold().getAsDouble());
      assertTrue(TestCircuits.integral(back));
      ReluEquivalence.Exhaustive ex = ReluEquivalence.exhaustive(circuit, 0, back);
      assertTrue(ex.agrees(), ex.toString());
      int d = circuit.dimension();
      for (long y = 0; y < 1L << Math.min(d, 12); y++) {
        double[] x = TestCircuits.point(y * 0x9E3779B1L & ((1L << d) - 1), d);
        assertEquals(net.label(x), back.label(x));
        assertEquals(net.score(x), back.score(x));
      }
    }
  }

  @Test
  void dotDrawsOneNodePerUnitAndOneEdgePerNonZeroWeight() throws IOException {
    Circuit.Builder b = Circuit.builder(3);
    int a = b.and(b.input(1), b.input(2));
    Circuit c = b.output(b.xor(a, b.not(b.input(3)))).build();
    ReluCompilation comp = CircuitToRelu.compile(c, 0);
    // Layer 1: AND(x1, x2) (1 unit) and the carry of x3; layer 2: XOR of 2 (2 units); score.
    assertEquals(3, comp.depth());
    assertEquals(4, comp.size());
    StringWriter out = new StringWriter();
    ReluDot.write(comp, out);
    String dot = out.toString();
    assertTrue(dot.startsWith("digraph relu {"), dot);
    assertTrue(dot.contains("AND n3/2"), dot);
    assertTrue(dot.contains("carry x3"), dot);
    ReluNetwork net = comp.network();
    int edges = 0;
    int in = net.dimension();
    for (int l = 0; l < net.layerCount(); l++) {
      for (int j = 0; j < net.width(l); j++) {
        for (int i = 0; i < in; i++) {
          edges += net.weight(l, j, i) != 0 ? 1 : 0;
        }
      }
      in = net.width(l);
    }
    assertEquals(edges, count(dot, Pattern.compile(" -> ")));
    // Nodes: x1..x3, h1_1, h1_2, h2_1, h2_2, score.
    assertEquals(3 + 4 + 1, count(dot, Pattern.compile("(?m)^    \\S+ \\[")));
    assertTrue(dot.contains("score ≥ 1"), dot);

    StringWriter plain = new StringWriter();
    ReluDot.write(net, plain);
    assertTrue(plain.toString().contains("h2_2 -> score"));
  }

  @Test
  void dotRefusesLargeNetworks() {
    Circuit cnf = RandomInstances.cnf(new SplittableRandom(3), 50, 400, 3);
    ReluCompilation comp = CircuitToRelu.compile(cnf, 0);
    TooLargeException e = assertThrows(TooLargeException.class,
        () -> ReluDot.write(comp.network(), new StringWriter()));
    assertTrue(e.getMessage().contains("at most 400"), e.getMessage());
  }

  @Test
  void explainNamesEachLayer() {
    Circuit cnf = RandomInstances.cnf(new SplittableRandom(85), 20, 85, 3);
    int clauses = TestCircuits.distinctClauses(cnf);
    ReluCompilation comp = CircuitToRelu.compile(cnf, 0);
    String text = comp.explain();
    assertTrue(text.contains("Layer 1 (ReLU, " + clauses + " units): " + clauses + " OR gates"),
        text);
    assertTrue(text.contains("Layer 2 (ReLU, 1 unit): 1 AND gate"), text);
    assertTrue(text.contains("Layer 3 (linear, 1 unit): score = h2_1; label 1 iff score ≥ 1"), text);
    assertTrue(text.contains("3 layers (2 hidden ReLU + 1 linear)"), text);
    assertTrue(text.contains("u = ReLU(1 − s)"), text);

    Circuit tree = TestCircuits.treeParity(20);
    String plain = CircuitToRelu.compile(tree, 0, false).explain();
    assertTrue(plain.contains("Layer 1 (ReLU, 20 units): 10 XOR gates (20 units)"), plain);
    assertTrue(plain.contains("Layer 3 (ReLU, 5 units): 2 XOR gates (4 units), 1 carried value"),
        plain);
  }

  private static int count(String s, Pattern p) {
    Matcher m = p.matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
