package xcert.solvers.io;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.model.Circuit;

/**
 * A Boolean circuit as a Graphviz digraph: inputs as boxes (named where the source named them),
 * gates as ellipses labelled with their operation, outputs as double circles; edges run from a
 * gate's children to the gate. Only nodes that some output reaches are drawn. Circuits with more
 * than {@link #MAX_NODES} such nodes are refused: a drawing that large is not readable.
 */
public final class CircuitDot {

  /** Largest number of drawn nodes. */
  public static final int MAX_NODES = 5_000;

  private CircuitDot() {}

  /** The Graphviz source; {@code title} becomes the graph's label. */
  public static String toDot(Circuit c, String title) {
    BitSet reached = reachable(c);
    if (reached.cardinality() > MAX_NODES) {
      throw new TooLargeException("the circuit has " + reached.cardinality()
          + " nodes reachable from its outputs; a .dot drawing is written only up to " + MAX_NODES);
    }
    StringBuilder sb = new StringBuilder();
    sb.append("digraph circuit {\n  rankdir=BT;\n  label=\"").append(escape(title))
        .append("\";\n  labelloc=t;\n  node [fontname=\"Helvetica\"];\n");
    for (int n = reached.nextSetBit(0); n >= 0; n = reached.nextSetBit(n + 1)) {
      Circuit.Op op = c.op(n);
      if (op == Circuit.Op.INPUT) {
        int i = c.inputIndex(n);
        String label = c.inputName(i).map(s -> s + " (x" + i + ")").orElse("x" + i);
        sb.append("  n").append(n).append(" [shape=box, label=\"").append(escape(label))
            .append("\"];\n");
      } else {
        sb.append("  n").append(n).append(" [label=\"").append(op.name()).append("\"];\n");
      }
    }
    for (int n = reached.nextSetBit(0); n >= 0; n = reached.nextSetBit(n + 1)) {
      for (int ch : c.children(n)) {
        sb.append("  n").append(ch).append(" -> n").append(n).append(";\n");
      }
    }
    for (int k = 0; k < c.outputCount(); k++) {
      String name = c.outputName(k).orElse("output " + (k + 1));
      sb.append("  out").append(k).append(" [shape=doublecircle, label=\"").append(escape(name))
          .append("\"];\n");
      sb.append("  n").append(c.outputNode(k)).append(" -> out").append(k).append(";\n");
    }
    return sb.append("}\n").toString();
  }

  private static BitSet reachable(Circuit c) {
    BitSet seen = new BitSet(c.nodeCount());
    Deque<Integer> todo = new ArrayDeque<>();
    for (int k = 0; k < c.outputCount(); k++) {
      todo.push(c.outputNode(k));
    }
    while (!todo.isEmpty()) {
      int n = todo.pop();
      if (seen.get(n)) {
        continue;
      }
      seen.set(n);
      for (int ch : c.children(n)) {
        todo.push(ch);
      }
    }
    return seen;
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
