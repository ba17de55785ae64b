package xcert.solvers.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * An immutable Boolean circuit: a DAG over inputs x1..xd with n-ary AND, OR, XOR gates, NOT gates and
 * constants, and one or more outputs. It is the Boolean classifier Φ: {0,1}^d → {0,1} of seed 003
 * Section 3 and a model f of seed 004 whose restricted predictions the enumerators compute.
 *
 * <p>Nodes are numbered in topological order: nodes 0..d-1 are the inputs x1..xd, and every gate's
 * children have smaller numbers, so a circuit built here cannot be cyclic. Readers of cyclic files
 * (AIGER) must detect the cycle before building. As a {@link Model}, a circuit computes its first
 * output; {@link #withOutput(int)} selects another.
 */
public final class Circuit implements Model {

  /** Node operations. An empty AND is true, an empty OR and an empty XOR are false. */
  public enum Op {
    INPUT,
    FALSE,
    TRUE,
    NOT,
    AND,
    OR,
    XOR
  }

  private final int d;
  private final Op[] ops;
  private final int[][] children;
  private final int[] outputs;
  private final String[] inputNames;
  private final String[] outputNames;

  private Circuit(int d, Op[] ops, int[][] children, int[] outputs, String[] inputNames,
      String[] outputNames) {
    this.d = d;
    this.ops = ops;
    this.children = children;
    this.outputs = outputs;
    this.inputNames = inputNames;
    this.outputNames = outputNames;
  }

  /** A builder for a circuit on d inputs; nodes 0..d-1 are created at once as x1..xd. */
  public static Builder builder(int d) {
    return new Builder(d);
  }

  @Override
  public int dimension() {
    return d;
  }

  /** Number of nodes, inputs included. */
  public int nodeCount() {
    return ops.length;
  }

  public int outputCount() {
    return outputs.length;
  }

  /** Node id of output k (0-based). */
  public int outputNode(int k) {
    return outputs[k];
  }

  public Op op(int node) {
    return ops[node];
  }

  /** The children of a node (a copy). */
  public int[] children(int node) {
    return children[node].clone();
  }

  int[] childrenUnsafe(int node) {
    return children[node];
  }

  /** For an input node, its 1-based feature index. */
  public int inputIndex(int node) {
    if (ops[node] != Op.INPUT) {
      throw new IllegalArgumentException("node " + node + " is not an input");
    }
    return node + 1;
  }

  /** The name of input i (1-based), if the source file gave one. */
  public Optional<String> inputName(int i) {
    return Optional.ofNullable(inputNames[i - 1]);
  }

  /** The name of output k (0-based), if the source file gave one. */
  public Optional<String> outputName(int k) {
    return Optional.ofNullable(outputNames[k]);
  }

  /** The same circuit with output k as its only output. */
  public Circuit withOutput(int k) {
    if (k < 0 || k >= outputs.length) {
      throw new IllegalArgumentException(
          "output " + (k + 1) + " does not exist; the circuit has " + outputs.length);
    }
    return new Circuit(d, ops, children, new int[] {outputs[k]}, inputNames,
        new String[] {outputNames[k]});
  }

  /** Evaluates every node on one input; x[i] is feature i+1. */
  public boolean[] evaluateNodes(boolean[] x) {
    if (x.length != d) {
      throw new IllegalArgumentException("input has length " + x.length + ", expected " + d);
    }
    boolean[] v = new boolean[ops.length];
    for (int n = 0; n < ops.length; n++) {
      int[] ch = children[n];
      switch (ops[n]) {
        case INPUT -> v[n] = x[n];
        case FALSE -> v[n] = false;
        case TRUE -> v[n] = true;
        case NOT -> v[n] = !v[ch[0]];
        case AND -> {
          boolean r = true;
          for (int c : ch) {
            r &= v[c];
          }
          v[n] = r;
        }
        case OR -> {
          boolean r = false;
          for (int c : ch) {
            r |= v[c];
          }
          v[n] = r;
        }
        case XOR -> {
          boolean r = false;
          for (int c : ch) {
            r ^= v[c];
          }
          v[n] = r;
        }
        default -> throw new AssertionError(ops[n]);
      }
    }
    return v;
  }

  /** Output k on one input. */
  public boolean evaluate(int k, boolean[] x) {
    return evaluateNodes(x)[outputs[k]];
  }

  /** All outputs on one input. */
  public boolean[] evaluateOutputs(boolean[] x) {
    boolean[] v = evaluateNodes(x);
    boolean[] out = new boolean[outputs.length];
    for (int k = 0; k < outputs.length; k++) {
      out[k] = v[outputs[k]];
    }
    return out;
  }

  /** The first output on the input whose bit i (of the low d bits of {@code mask}) is x_{i+1}. */
  public boolean evaluateMask(long mask) {
    boolean[] x = new boolean[d];
    for (int i = 0; i < d; i++) {
      x[i] = ((mask >>> i) & 1L) != 0;
    }
    return evaluate(0, x);
  }

  /** The first output; x must be a 0/1 vector. */
  @Override
  public double evaluate(double[] x) {
    if (x.length != d) {
      throw new IllegalArgumentException("input has length " + x.length + ", expected " + d);
    }
    boolean[] b = new boolean[d];
    for (int i = 0; i < d; i++) {
      if (x[i] == 1.0) {
        b[i] = true;
      } else if (x[i] != 0.0) {
        throw new IllegalArgumentException(
            "a circuit takes 0/1 inputs; feature " + (i + 1) + " is " + x[i]);
      }
    }
    return evaluate(0, b) ? 1.0 : 0.0;
  }

  @Override
  public BigFraction exactValue(double[] x) {
    return evaluate(x) == 1.0 ? BigFraction.ONE : BigFraction.ZERO;
  }

  @Override
  public boolean isBooleanValued() {
    return true;
  }

  @Override
  public boolean requiresBinaryInputs() {
    return true;
  }

  /** The 1-based indices of the inputs that some output depends on structurally. */
  public int[] structuralSupport() {
    boolean[] reach = new boolean[ops.length];
    for (int o : outputs) {
      reach[o] = true;
    }
    for (int n = ops.length - 1; n >= 0; n--) {
      if (reach[n]) {
        for (int c : children[n]) {
          reach[c] = true;
        }
      }
    }
    int[] tmp = new int[d];
    int m = 0;
    for (int i = 0; i < d; i++) {
      if (reach[i]) {
        tmp[m++] = i + 1;
      }
    }
    return Arrays.copyOf(tmp, m);
  }

  @Override
  public String toString() {
    return "Circuit[d=" + d + ", nodes=" + ops.length + ", outputs=" + outputs.length + "]";
  }

  /** Builds a circuit node by node; children must already exist, which rules out cycles. */
  public static final class Builder {
    private final int d;
    private final List<Op> ops = new ArrayList<>();
    private final List<int[]> children = new ArrayList<>();
    private final List<Integer> outputs = new ArrayList<>();
    private final List<String> outputNames = new ArrayList<>();
    private final String[] inputNames;
    private int constFalse = -1;
    private int constTrue = -1;

    private Builder(int d) {
      if (d < 0) {
        throw new IllegalArgumentException("negative number of inputs: " + d);
      }
      this.d = d;
      this.inputNames = new String[d];
      for (int i = 0; i < d; i++) {
        ops.add(Op.INPUT);
        children.add(new int[0]);
      }
    }

    public int dimension() {
      return d;
    }

    /** The node of input x_i, i 1-based. */
    public int input(int i) {
      if (i < 1 || i > d) {
        throw new IllegalArgumentException("input x" + i + " out of range 1.." + d);
      }
      return i - 1;
    }

    public Builder nameInput(int i, String name) {
      inputNames[input(i)] = name;
      return this;
    }

    public int constant(boolean value) {
      if (value) {
        if (constTrue < 0) {
          constTrue = add(Op.TRUE, new int[0]);
        }
        return constTrue;
      }
      if (constFalse < 0) {
        constFalse = add(Op.FALSE, new int[0]);
      }
      return constFalse;
    }

    public int not(int a) {
      return add(Op.NOT, new int[] {a});
    }

    public int and(int... xs) {
      return add(Op.AND, xs.clone());
    }

    public int or(int... xs) {
      return add(Op.OR, xs.clone());
    }

    public int xor(int... xs) {
      return add(Op.XOR, xs.clone());
    }

    /**
     * "At least t of the nodes xs are 1", built by the counting recurrence
     * c[j][k] = c[j−1][k] ∨ (x_j ∧ c[j−1][k−1]) with c[0][0] = 1 and c[0][k] = 0 for k ≥ 1: about
     * n·t gates, and an OBDD of about t·(n − t + 1) nodes in the inputs' order.
     */
    public int atLeast(int[] xs, int t) {
      int[] prev = new int[t + 1];
      prev[0] = constant(true);
      for (int k = 1; k <= t; k++) {
        prev[k] = constant(false);
      }
      for (int x : xs) {
        int[] cur = new int[t + 1];
        cur[0] = prev[0];
        for (int k = 1; k <= t; k++) {
          cur[k] = or(prev[k], and(x, prev[k - 1]));
        }
        prev = cur;
      }
      return prev[t];
    }

    /** A gate of the given n-ary operation. */
    public int gate(Op op, int... xs) {
      return switch (op) {
        case AND -> and(xs);
        case OR -> or(xs);
        case XOR -> xor(xs);
        case NOT -> {
          if (xs.length != 1) {
            throw new IllegalArgumentException("NOT takes one child, got " + xs.length);
          }
          yield not(xs[0]);
        }
        default -> throw new IllegalArgumentException("not a gate: " + op);
      };
    }

    public Builder output(int node) {
      return output(node, null);
    }

    public Builder output(int node, String name) {
      check(node);
      outputs.add(node);
      outputNames.add(name);
      return this;
    }

    public int nodeCount() {
      return ops.size();
    }

    private int add(Op op, int[] ch) {
      for (int c : ch) {
        check(c);
      }
      ops.add(op);
      children.add(ch);
      return ops.size() - 1;
    }

    private void check(int node) {
      if (node < 0 || node >= ops.size()) {
        throw new IllegalArgumentException("node " + node + " does not exist yet");
      }
    }

    public Circuit build() {
      if (outputs.isEmpty()) {
        throw new IllegalStateException("a circuit needs at least one output");
      }
      return new Circuit(d, ops.toArray(new Op[0]), children.toArray(new int[0][]),
          outputs.stream().mapToInt(Integer::intValue).toArray(), inputNames.clone(),
          outputNames.toArray(new String[0]));
    }
  }
}
