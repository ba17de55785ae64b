package xcert.solvers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.model.Circuit;

class CircuitDotTest {

  @Test
  void drawsReachableNodesAndEveryEdge() {
    Circuit.Builder b = Circuit.builder(4);
    b.nameInput(1, "a");
    int g = b.and(b.input(1), b.not(b.input(2)));
    b.or(b.input(3), b.input(4)); // unreachable: not drawn
    b.output(b.or(g, b.input(2)), "phi");
    String dot = CircuitDot.toDot(b.build(), "test \"quoted\"");
    assertTrue(dot.startsWith("digraph circuit {"));
    assertTrue(dot.contains("label=\"a (x1)\""));
    assertTrue(dot.contains("label=\"test \\\"quoted\\\"\""));
    assertTrue(dot.contains("doublecircle, label=\"phi\""));
    assertFalse(dot.contains("x3"), "input 3 only feeds an unreachable gate");
    // edges: AND(2) + NOT(1) + OR(2) + the output arrow
    assertEquals(6, dot.split("->", -1).length - 1);
  }

  @Test
  void refusesHugeCircuits() {
    int d = CircuitDot.MAX_NODES + 1;
    Circuit.Builder b = Circuit.builder(d);
    int[] all = new int[d];
    for (int i = 0; i < d; i++) {
      all[i] = b.input(i + 1);
    }
    b.output(b.and(all));
    assertThrows(TooLargeException.class, () -> CircuitDot.toDot(b.build(), "big"));
  }
}
