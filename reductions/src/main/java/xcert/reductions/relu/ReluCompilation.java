package xcert.reductions.relu;

import java.util.List;
import xcert.solvers.model.ReluNetwork;

/**
 * The result of {@link CircuitToRelu#compile}: the network (integer weights and biases, threshold 1,
 * score = circuit output on {0,1}^d), its depth and size, and a layer-by-layer description.
 */
public final class ReluCompilation {

  /** What was compiled: output index, its node, d, the cone's size and depth, the merge setting. */
  record Source(int output, int outputNode, int d, int coneNodes, int circuitDepth,
      boolean mergeChains) {}

  /**
   * One layer of the network. For a hidden layer: how many units it has, how many AND, OR and XOR
   * gates it computes (an AND or OR gate takes one unit, a k-ary XOR gate k units, {@code xorUnits} in
   * all) and how many values it carries forward with identity units. The last layer is linear and
   * has one unit, the score.
   *
   * @param index 1-based layer number
   * @param linear whether this is the linear output layer
   */
  public record Layer(int index, boolean linear, int units, int andGates, int orGates, int xorGates,
      int xorUnits, int carries) {

    /** One line: "Layer 2 (ReLU, 3 units): 1 AND gate, 2 carried values". */
    public String describe() {
      if (linear) {
        return "Layer " + index + " (linear, 1 unit)";
      }
      StringBuilder sb = new StringBuilder("Layer " + index + " (ReLU, " + plural(units, "unit")
          + "):");
      String sep = " ";
      if (andGates > 0) {
        sb.append(sep).append(plural(andGates, "AND gate"));
        sep = ", ";
      }
      if (orGates > 0) {
        sb.append(sep).append(plural(orGates, "OR gate"));
        sep = ", ";
      }
      if (xorGates > 0) {
        sb.append(sep).append(plural(xorGates, "XOR gate")).append(" (")
            .append(plural(xorUnits, "unit")).append(')');
        sep = ", ";
      }
      if (carries > 0) {
        sb.append(sep).append(plural(carries, "carried value"));
      }
      return sb.toString();
    }
  }

  private final Source source;
  private final ReluNetwork network;
  private final List<Layer> layers;
  private final String[][] labels;
  private final int gates;
  private final int andGates;
  private final int orGates;
  private final int xorGates;
  private final int carries;
  private final String score;

  ReluCompilation(Source source, ReluNetwork network, List<Layer> layers, String[][] labels,
      int gates, int andGates, int orGates, int xorGates, int carries, String score) {
    this.source = source;
    this.network = network;
    this.layers = List.copyOf(layers.isEmpty()
        ? List.of(new Layer(1, true, 1, 0, 0, 0, 0, 0)) : layers);
    this.labels = labels;
    this.gates = gates;
    this.andGates = andGates;
    this.orGates = orGates;
    this.xorGates = xorGates;
    this.carries = carries;
    this.score = score;
  }

  /** The network: integer weights and biases, threshold 1, label = circuit output on {0,1}^d. */
  public ReluNetwork network() {
    return network;
  }

  /** Number of layers, the linear output layer included (hidden layers + 1). */
  public int depth() {
    return network.layerCount();
  }

  /** Number of hidden (ReLU) layers. */
  public int hiddenLayers() {
    return network.layerCount() - 1;
  }

  /** Number of hidden units (the output unit is not counted). */
  public int size() {
    int s = 0;
    for (int l = 0; l + 1 < network.layerCount(); l++) {
      s += network.width(l);
    }
    return s;
  }

  /** The layers, hidden ones first, the linear output layer last. */
  public List<Layer> layers() {
    return layers;
  }

  /**
   * What hidden unit j of hidden layer l (both 0-based) computes, e.g. "AND n37/3" (the one unit of
   * the 3-ary AND gate from circuit node 37), "XOR n40/4 t=2", "carry x5"; n-numbers are the
   * circuit's 0-based node ids, x-numbers its 1-based inputs.
   */
  public String unitLabel(int l, int j) {
    return labels[l][j];
  }

  /** The compiled output (0-based). */
  public int output() {
    return source.output();
  }

  /** Number of inputs d. */
  public int dimension() {
    return source.d();
  }

  /** Circuit nodes in the output's cone, inputs included. */
  public int coneNodes() {
    return source.coneNodes();
  }

  /** The circuit's depth at the output: AND, OR and XOR gates on the longest path (NOT is free). */
  public int circuitDepth() {
    return source.circuitDepth();
  }

  /** Whether single-use AND/OR/XOR chains were merged. */
  public boolean mergedChains() {
    return source.mergeChains();
  }

  /** AND, OR and XOR gates left after the normal form (each is computed in one layer). */
  public int gates() {
    return gates;
  }

  public int andGates() {
    return andGates;
  }

  public int orGates() {
    return orGates;
  }

  public int xorGates() {
    return xorGates;
  }

  /** Identity units that carry a value to a later layer. */
  public int carries() {
    return carries;
  }

  /** The construction, layer by layer: which gates, how many units, the formula used. */
  public String explain() {
    StringBuilder sb = new StringBuilder();
    sb.append("Output ").append(source.output() + 1).append(" (circuit node ")
        .append(source.outputNode()).append(") as a ReLU network on d = ").append(source.d())
        .append(" inputs.\n");
    sb.append("  Circuit: ").append(plural(source.coneNodes(), "node"))
        .append(" in the output's cone, depth ").append(source.circuitDepth())
        .append(" (AND/OR/XOR gates on the longest path; NOT and constants are free).\n");
    sb.append("  Normal form (constants folded, NOTs absorbed, equal gates shared")
        .append(source.mergeChains() ? ", single-use AND/OR/XOR chains merged" : "")
        .append("): ").append(plural(gates, "gate")).append(" (").append(andGates).append(" AND, ")
        .append(orGates).append(" OR, ").append(xorGates).append(" XOR).\n");
    sb.append("  Network: ").append(plural(depth(), "layer")).append(" (")
        .append(hiddenLayers()).append(" hidden ReLU + 1 linear), ")
        .append(plural(size(), "hidden unit")).append(" (").append(plural(carries, "carry", "carries"))
        .append("), integer weights and biases, threshold 1.\n");
    sb.append("  On every x in {0,1}^d the score equals the circuit's output (0 or 1), so the label")
        .append(" (score ≥ 1) does too.\n");
    sb.append("Formulas: v_1..v_k are the children's values, each an integer affine combination of")
        .append(" the previous layer's units;\n  s = v_1 + … + v_k; NOT v = 1 − v and constants cost")
        .append(" no unit.\n");
    sb.append("  AND of k  1 unit   u = ReLU(s − (k−1))           value u\n");
    sb.append("  OR of k   1 unit   u = ReLU(1 − s)               value 1 − u\n");
    sb.append("  XOR of k  k units  u_t = ReLU(s − t), t = 0..k−1  value u_0 − 2u_1 + 2u_2 − …\n");
    sb.append("  carry     1 unit   u = ReLU(v) = v (v is 0 or 1)  value u\n");
    for (Layer layer : layers) {
      sb.append(layer.describe());
      if (layer.linear()) {
        sb.append(": score = ").append(score).append("; label 1 iff score ≥ 1");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "ReluCompilation[d=" + source.d() + ", depth=" + depth() + ", size=" + size() + "]";
  }

  static String plural(long n, String one) {
    return plural(n, one, one + "s");
  }

  static String plural(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
