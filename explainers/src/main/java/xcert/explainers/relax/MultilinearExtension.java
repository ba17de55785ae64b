package xcert.explainers.relax;

import xcert.solvers.model.Circuit;

/**
 * The arithmetic (multilinear) extension of a Boolean circuit to [0,1]^d and beyond: NOT a ↦ 1 − a,
 * AND ↦ ∏ a_i, OR ↦ 1 − ∏(1 − a_i), XOR ↦ (1 − ∏(1 − 2a_i))/2. On {0,1}^d it equals the circuit; on
 * a read-once circuit (no input or gate used twice) it equals E f(y) for independent y_i ~
 * Bernoulli(a_i). Gradients come from one reverse sweep over the gates. This is how the continuous
 * relaxations (RDE, relaxed masks) see a circuit; the exact enumerators never use it.
 */
public final class MultilinearExtension implements SmoothModel {

  private final Circuit circuit;
  private final int output;
  private final Circuit.Op[] ops;
  private final int[][] children;

  /** The extension of the circuit's first output (use {@link Circuit#withOutput} for another). */
  public MultilinearExtension(Circuit circuit) {
    this.circuit = circuit;
    this.output = circuit.outputNode(0);
    int m = circuit.nodeCount();
    ops = new Circuit.Op[m];
    children = new int[m][];
    for (int node = 0; node < m; node++) {
      ops[node] = circuit.op(node);
      children[node] = circuit.children(node);
    }
  }

  @Override
  public int dimension() {
    return circuit.dimension();
  }

  @Override
  public String describe() {
    return "multilinear extension of the circuit";
  }

  @Override
  public double[] values(double[] rows, int n) {
    int d = dimension();
    double[] out = new double[n];
    double[] v = new double[circuit.nodeCount()];
    for (int r = 0; r < n; r++) {
      forward(rows, r * d, v);
      out[r] = v[output];
    }
    return out;
  }

  @Override
  public double[] gradients(double[] rows, int n) {
    int d = dimension();
    int m = circuit.nodeCount();
    double[] out = new double[n * d];
    double[] v = new double[m];
    double[] adj = new double[m];
    for (int r = 0; r < n; r++) {
      forward(rows, r * d, v);
      java.util.Arrays.fill(adj, 0);
      adj[output] = 1;
      for (int node = m - 1; node >= 0; node--) {
        double a = adj[node];
        if (a == 0) {
          continue;
        }
        int[] ch = children[node];
        switch (ops[node]) {
          case INPUT -> out[r * d + node] += a; // input node i is feature i+1
          case FALSE, TRUE -> { }
          case NOT -> adj[ch[0]] -= a;
          case AND -> {
            for (int k = 0; k < ch.length; k++) {
              adj[ch[k]] += a * productExcept(v, ch, k, false);
            }
          }
          case OR -> {
            for (int k = 0; k < ch.length; k++) {
              adj[ch[k]] += a * productExcept(v, ch, k, true);
            }
          }
          case XOR -> {
            for (int k = 0; k < ch.length; k++) {
              double p = 1;
              for (int j = 0; j < ch.length; j++) {
                if (j != k) {
                  p *= 1 - 2 * v[ch[j]];
                }
              }
              adj[ch[k]] += a * p;
            }
          }
                  }
      }
    }
    return out;
  }

  private static double productExcept(double[] v, int[] ch, int k, boolean complement) {
    double p = 1;
    for (int j = 0; j < ch.length; j++) {
      if (j != k) {
        p *= complement ? 1 - v[ch[j]] : v[ch[j]];
      }
    }
    return p;
  }

  private void forward(double[] rows, int off, double[] v) {
    for (int node = 0; node < v.length; node++) {
      int[] ch = children[node];
      v[node] = switch (ops[node]) {
        case INPUT -> rows[off + node];
        case FALSE -> 0;
        case TRUE -> 1;
        case NOT -> 1 - v[ch[0]];
        case AND -> {
          double p = 1;
          for (int c : ch) {
            p *= v[c];
          }
          yield p;
        }
        case OR -> {
          double p = 1;
          for (int c : ch) {
            p *= 1 - v[c];
          }
          yield 1 - p;
        }
        case XOR -> {
          double p = 1;
          for (int c : ch) {
            p *= 1 - 2 * v[c];
          }
          yield (1 - p) / 2;
        }
      };
    }
  }
}
