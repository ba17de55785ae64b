package xcert.reductions.relu;

import java.io.IOException;
import java.io.Writer;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.model.ReluNetwork;

/**
 * Writes a small {@link ReluNetwork} as a Graphviz digraph, one node per unit: the inputs x1..xd, each
 * hidden ReLU unit (labelled with its bias, and with what it computes when drawn from a {@link
 * ReluCompilation}), and the score; one edge per non-zero weight, labelled with the weight. Layers are
 * drawn left to right as clusters. Render with {@code dot -Tsvg net.dot -o net.svg}.
 */
public final class ReluDot {

  /** Most units (inputs + hidden units + the score) drawn; larger drawings are unreadable. */
  public static final int MAX_UNITS = 400;

  private ReluDot() {}

  /** Writes the network. */
  public static void write(ReluNetwork net, Writer out) throws IOException {
    write(net, null, out);
  }

  /** Writes a compiled network with each hidden unit's role ("AND n37/3", "carry x5", …). */
  public static void write(ReluCompilation compiled, Writer out) throws IOException {
    write(compiled.network(), compiled, out);
  }

  private static void write(ReluNetwork net, ReluCompilation roles, Writer out) throws IOException {
    int d = net.dimension();
    long units = d;
    for (int l = 0; l < net.layerCount(); l++) {
      units += net.width(l);
    }
    if (units > MAX_UNITS) {
      throw new TooLargeException("the network has " + units + " units (" + d + " inputs, "
          + (units - d - 1) + " hidden, 1 score); ReluDot draws at most " + MAX_UNITS
          + " (use explain() or the JSON format for larger networks)");
    }
    StringBuilder sb = new StringBuilder();
    sb.append("digraph relu {\n");
    sb.append("  rankdir=LR;\n  node [shape=circle, fontsize=10];\n  edge [fontsize=9];\n");
    sb.append("  subgraph cluster_0 {\n    label=\"inputs\";\n");
    for (int i = 0; i < d; i++) {
      sb.append("    x").append(i + 1).append(" [shape=box, label=\"x").append(i + 1)
          .append("\"];\n");
    }
    sb.append("  }\n");
    int layers = net.layerCount();
    for (int l = 0; l < layers; l++) {
      boolean last = l == layers - 1;
      sb.append("  subgraph cluster_").append(l + 1).append(" {\n    label=\"layer ").append(l + 1)
          .append(last ? " (linear)" : " (ReLU)").append("\";\n");
      for (int j = 0; j < net.width(l); j++) {
        sb.append("    ").append(unit(l, j, layers)).append(" [");
        String bias = "b=" + number(net.bias(l, j));
        if (last) {
          String t = net.threshold().isPresent()
              ? "\\nlabel: score ≥ " + number(net.threshold().getAsDouble()) : "";
          sb.append("shape=doublecircle, label=\"score\\n").append(bias).append(t).append('"');
        } else {
          String role = roles == null ? "" : escape(roles.unitLabel(l, j)) + "\\n";
          sb.append("label=\"").append(role).append(bias).append('"');
        }
        sb.append("];\n");
      }
      sb.append("  }\n");
    }
    int in = d;
    for (int l = 0; l < layers; l++) {
      for (int j = 0; j < net.width(l); j++) {
        for (int i = 0; i < in; i++) {
          double w = net.weight(l, j, i);
          if (w != 0) {
            sb.append("  ").append(l == 0 ? "x" + (i + 1) : unit(l - 1, i, layers)).append(" -> ")
                .append(unit(l, j, layers)).append(" [label=\"").append(number(w)).append("\"];\n");
          }
        }
      }
      in = net.width(l);
    }
    sb.append("}\n");
    out.write(sb.toString());
    out.flush();
  }

  private static String unit(int l, int j, int layers) {
    return l == layers - 1 ? "score" : "h" + (l + 1) + "_" + (j + 1);
  }

  /** Integers without ".0", other numbers as Java writes them. */
  private static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
