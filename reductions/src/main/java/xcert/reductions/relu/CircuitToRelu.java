package xcert.reductions.relu;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Circuit.Op;
import xcert.solvers.model.ReluNetwork;

/**
 * Compiles one output of a Boolean {@link Circuit} into a {@link ReluNetwork} with integer weights and
 * biases and threshold 1 whose score equals the circuit's output on every x ∈ {0,1}^d, so that its
 * label does too. This makes executable the remark of seed 003 (footnote 1 of Sections 1 and 3) that
 * Boolean circuits are ReLU networks: "The depth can be chosen constant and the total number of
 * neurons polynomial in d."
 *
 * <h2>Construction</h2>
 *
 * <ol>
 *   <li><b>Normal form.</b> Only the output's cone is kept. Constants are folded, NOT gates become a
 *       negation flag on references, repeated children are merged, identical gates are shared and,
 *       when {@code mergeChains} is set, single-use AND/OR/XOR chains are spliced (AND(AND(a, b), c) =
 *       AND(a, b, c), AND(¬OR(a, b), c) = AND(¬a, ¬b, c), XOR(XOR(a, b), c) = XOR(a, b, c)). Each step
 *       preserves the Boolean value of every node; see {@code GateDag}.
 *   <li><b>Levels.</b> An input has level 0, a gate 1 + the largest level of its children (the
 *       longest path from an input, counting AND, OR and XOR gates; NOT and constants are free).
 *       Hidden layer ℓ computes the gates of level ℓ.
 *   <li><b>Invariant.</b> The value of every node of level ≤ ℓ that is still needed is an
 *       <em>affine</em> combination, with integer coefficients, of the units of hidden layer ℓ (of the
 *       inputs for ℓ = 0), and on every x ∈ {0,1}^d that combination equals the node's Boolean value
 *       (0 or 1). A negated reference is 1 − value and a constant is the number 0 or 1, so NOT and
 *       constants cost no units. For ℓ = 0 the invariant holds with value(x_i) = x_i.
 *   <li><b>Gates.</b> Let v_1..v_k (k ≥ 2) be the children's values, each affine in the units of layer
 *       ℓ − 1, and s = v_1 + … + v_k, an integer in 0..k on Boolean inputs. The pre-activations below
 *       are affine in the units of layer ℓ − 1 (sums of affine expressions plus a bias), so each is one
 *       row of layer ℓ's weight matrix:
 *       <ul>
 *         <li>AND: one unit u = ReLU(s − (k − 1)). If all v_i = 1 then s − (k − 1) = 1, so u = 1;
 *             otherwise s ≤ k − 1, the pre-activation is ≤ 0 and u = 0. Value: u.
 *         <li>OR: one unit u = ReLU(1 − s). If s = 0 then u = 1; if s ≥ 1 then 1 − s ≤ 0 and u = 0.
 *             Value: 1 − u, which is 1 exactly when some v_i = 1. (This is the AND formula applied to
 *             the negated children, by De Morgan. The two-unit form ReLU(s) − ReLU(s − 1) = min(s, 1)
 *             is also correct but costs one unit more.)
 *         <li>XOR: k units u_t = ReLU(s − t) for t = 0..k−1, value g(s) = Σ_t c_t u_t with c_0 = 1
 *             and c_t = 2(−1)^t for t ≥ 1. The function g(z) = Σ_t c_t ReLU(z − t) is piecewise linear
 *             with g(0) = 0 and, on [j, j + 1] for 0 ≤ j ≤ k − 1, slope c_0 + … + c_j = 1 − 2 + 2 − … =
 *             (−1)^j. So g rises to 1 on [0, 1], falls to 0 on [1, 2], rises on [2, 3], and so on:
 *             g(s) = s mod 2 for s = 0..k, the parity of the children.
 *       </ul>
 *       Each resulting value is affine in the new units (u, 1 − u, Σ c_t u_t) and equals the gate's
 *       Boolean value, so the invariant extends to level ℓ.
 *   <li><b>Carries.</b> A node of level &lt; ℓ whose value a gate of a level &gt; ℓ still needs gets an
 *       identity unit u = ReLU(v) in layer ℓ. Since v ∈ {0, 1} on Boolean inputs, ReLU(v) = v: the
 *       value is u, and the invariant is kept.
 *   <li><b>Output.</b> With H the output's level, the last layer is linear with one row: the output's
 *       affine expression over layer H (1 − expression for a negated output, the constant itself for
 *       a constant output, a single layer over the inputs when H = 0). By the invariant the score
 *       equals the circuit's output, 0 or 1, on {0,1}^d, hence the label (score ≥ 1) does too.
 * </ol>
 *
 * <p>All weights are sums of the integer coefficients of affine expressions and all biases are integer
 * constants, so the network computes exactly in integer arithmetic. Off {0,1}^d the network computes
 * some continuous piecewise-linear extension; nothing is claimed there.
 *
 * <h2>Depth and size</h2>
 *
 * The network has H + 1 layers, H ≤ the circuit's depth D counted in AND/OR/XOR gates (folding and
 * merging never raise a level), so its depth is O(D). The hidden units are one per AND or OR gate,
 * k per k-ary XOR gate, and one carry per node and per layer it is carried through; so the size is at
 * most the number of edges of the cone plus (number of nodes) · H, polynomial in the circuit size.
 * For circuits of bounded depth the network depth is a constant independent of d, which is the
 * footnote's claim for them: a CNF or DNF (an AND of ORs of literals) compiles to 2 hidden layers and
 * 3 layers in all, whatever d and the number of clauses; the reduction instances Φ'(u, v) =
 * Φ(∧_j u^(j)) ∨ ∧_i v_i built from a CNF Φ in seed 003 Lemma 3.6 have depth 4 and compile to at most
 * 4 hidden layers. For an arbitrary circuit of depth D the depth is O(D), not constant. A compilation
 * of every polynomial-size circuit into constant depth and polynomial size is not known: with integer
 * weights of polynomially many bits it would put every polynomial-size circuit family into TC⁰, an
 * open question. The footnote's claim is thus read here for the bounded-depth circuits the reduction
 * builds.
 */
public final class CircuitToRelu {

  /** Largest number of dense weight entries (Σ width_ℓ · width_{ℓ−1}) a compilation may build. */
  public static final long MAX_DENSE_WEIGHTS = 1L << 24;

  private CircuitToRelu() {}

  /** Compiles output {@code output} (0-based) of c, merging single-use AND/OR/XOR chains. */
  public static ReluCompilation compile(Circuit c, int output) {
    return compile(c, output, true);
  }

  /**
   * Compiles output {@code output} (0-based) of c.
   *
   * @param mergeChains whether single-use AND/OR/XOR chains are spliced before levelling (fewer
   *     layers and units; the plain level-by-level construction when false)
   * @throws TooLargeException when the dense weight matrices would exceed {@link #MAX_DENSE_WEIGHTS}
   */
  public static ReluCompilation compile(Circuit c, int output, boolean mergeChains) {
    if (output < 0 || output >= c.outputCount()) {
      throw new IllegalArgumentException("output " + (output + 1) + " does not exist; the circuit has "
          + c.outputCount());
    }
    int outNode = c.outputNode(output);
    GateDag dag = GateDag.of(c, outNode);
    if (mergeChains) {
      dag = dag.merged();
    }
    boolean[] circuitCone = GateDag.cone(c, outNode);
    int coneNodes = 0;
    for (boolean b : circuitCone) {
      coneNodes += b ? 1 : 0;
    }
    return build(dag, new ReluCompilation.Source(output, outNode, c.dimension(), coneNodes,
        circuitDepth(c, outNode), mergeChains));
  }

  /** Longest path from an input to the node, counting AND, OR and XOR gates (NOT is free). */
  static int circuitDepth(Circuit c, int outNode) {
    int[] depth = new int[outNode + 1];
    for (int n = 0; n <= outNode; n++) {
      Op op = c.op(n);
      int max = 0;
      for (int ch : c.children(n)) {
        max = Math.max(max, depth[ch]);
      }
      depth[n] = switch (op) {
        case INPUT, FALSE, TRUE -> 0;
        case NOT -> max;
        default -> 1 + max;
      };
    }
    return depth[outNode];
  }

  /** An integer affine expression c + Σ coef[i] · unit[i] over the units of one layer. */
  private record Affine(long constant, int[] units, long[] coefs) {
    static Affine unit(int u) {
      return new Affine(0, new int[] {u}, new long[] {1});
    }

    /** Adds sign · (negated ? 1 − this : this) to (row, returned constant). */
    long addTo(double[] row, boolean negated, long sign) {
      long s = negated ? -sign : sign;
      for (int i = 0; i < units.length; i++) {
        row[units[i]] += s * coefs[i];
      }
      return (negated ? sign : 0) + s * constant;
    }
  }

  private static ReluCompilation build(GateDag g, ReluCompilation.Source src) {
    int d = g.d;
    if (g.out < 0) {
      double[][][] w = {{new double[d]}};
      double[][] b = {{g.out == GateDag.TRUE ? 1 : 0}};
      return new ReluCompilation(src, new ReluNetwork(w, b, OptionalDouble.of(1.0)), List.of(),
          new String[0][], 0, 0, 0, 0, 0, g.out == GateDag.TRUE ? "1" : "0");
    }
    int og = g.out >> 1;
    boolean[] cone = g.outputCone();
    int n = g.size();
    int[] level = new int[n];
    for (int p = d; p < n; p++) {
      if (cone[p]) {
        int max = 0;
        for (int r : g.kids(p)) {
          max = Math.max(max, level[r >> 1]);
        }
        level[p] = 1 + max;
      }
    }
    int depth = level[og];
    int[] need = level.clone();
    for (int p = d; p < n; p++) {
      if (cone[p]) {
        for (int r : g.kids(p)) {
          need[r >> 1] = Math.max(need[r >> 1], level[p] - 1);
        }
      }
    }

    long[] width = new long[depth + 1];
    width[0] = d;
    int gates = 0;
    int ands = 0;
    int ors = 0;
    int xors = 0;
    for (int p = 0; p < n; p++) {
      if (!cone[p]) {
        continue;
      }
      if (p >= d) {
        gates++;
        switch (g.op(p)) {
          case AND -> ands++;
          case OR -> ors++;
          default -> xors++;
        }
        width[level[p]] += g.op(p) == Op.XOR ? g.kids(p).length : 1;
      }
      for (int l = level[p] + 1; l <= need[p]; l++) {
        width[l]++;
      }
    }
    long dense = width[depth];
    for (int l = 1; l <= depth; l++) {
      dense += width[l] * width[l - 1];
    }
    if (dense > MAX_DENSE_WEIGHTS) {
      throw new TooLargeException("the compiled network would have " + dense
          + " dense weight entries (hidden widths " + java.util.Arrays.toString(
              java.util.Arrays.copyOfRange(width, 1, width.length)) + "); at most "
          + MAX_DENSE_WEIGHTS + " are built");
    }

    double[][][] weights = new double[depth + 1][][];
    double[][] biases = new double[depth + 1][];
    String[][] labels = new String[depth][];
    List<ReluCompilation.Layer> layers = new ArrayList<>();
    Affine[] expr = new Affine[n];
    for (int i = 0; i < d; i++) {
      if (cone[i]) {
        expr[i] = Affine.unit(i);
      }
    }
    int carries = 0;
    for (int l = 1; l <= depth; l++) {
      int prev = (int) width[l - 1];
      int wl = (int) width[l];
      double[][] w = new double[wl][];
      double[] b = new double[wl];
      String[] lab = new String[wl];
      Affine[] next = new Affine[n];
      int u = 0;
      int la = 0;
      int lo = 0;
      int lx = 0;
      int lxu = 0;
      for (int p = d; p < n; p++) {
        if (!cone[p] || level[p] != l) {
          continue;
        }
        int[] ks = g.kids(p);
        int k = ks.length;
        double[] row = new double[prev];
        long s0 = 0; // the constant part of s = v_1 + ... + v_k
        for (int r : ks) {
          s0 += expr[r >> 1].addTo(row, (r & 1) == 1, 1);
        }
        String name = name(g, p);
        switch (g.op(p)) {
          case AND -> {
            w[u] = row;
            b[u] = s0 - (k - 1);
            lab[u] = "AND " + name + "/" + k;
            next[p] = Affine.unit(u++);
            la++;
          }
          case OR -> {
            for (int i = 0; i < prev; i++) {
              row[i] = -row[i];
            }
            w[u] = row;
            b[u] = 1 - s0;
            lab[u] = "OR " + name + "/" + k;
            next[p] = new Affine(1, new int[] {u}, new long[] {-1});
            u++;
            lo++;
          }
          case XOR -> {
            int[] us = new int[k];
            long[] cs = new long[k];
            for (int t = 0; t < k; t++) {
              w[u] = t == k - 1 ? row : row.clone();
              b[u] = s0 - t;
              lab[u] = "XOR " + name + "/" + k + " t=" + t;
              us[t] = u++;
              cs[t] = t == 0 ? 1 : (t % 2 == 1 ? -2 : 2);
            }
            next[p] = new Affine(0, us, cs);
            lx++;
            lxu += k;
          }
          default -> throw new AssertionError(g.op(p));
        }
      }
      int lc = 0;
      for (int p = 0; p < n; p++) {
        if (cone[p] && level[p] < l && l <= need[p]) {
          double[] row = new double[prev];
          w[u] = row;
          b[u] = expr[p].addTo(row, false, 1);
          lab[u] = "carry " + name(g, p);
          next[p] = Affine.unit(u++);
          lc++;
        }
      }
      if (u != wl) {
        throw new AssertionError("layer " + l + ": " + u + " units built, " + wl + " counted");
      }
      carries += lc;
      weights[l - 1] = w;
      biases[l - 1] = b;
      labels[l - 1] = lab;
      layers.add(new ReluCompilation.Layer(l, false, wl, la, lo, lx, lxu, lc));
      expr = next;
    }
    double[] row = new double[(int) width[depth]];
    long c0 = expr[og].addTo(row, (g.out & 1) == 1, 1);
    weights[depth] = new double[][] {row};
    biases[depth] = new double[] {c0};
    layers.add(new ReluCompilation.Layer(depth + 1, true, 1, 0, 0, 0, 0, 0));
    ReluNetwork net = new ReluNetwork(weights, biases, OptionalDouble.of(1.0));
    return new ReluCompilation(src, net, layers, labels, gates, ands, ors, xors, carries,
        scoreText(row, c0, depth));
  }

  private static String name(GateDag g, int p) {
    return p < g.d ? "x" + (p + 1) : "n" + g.origin(p);
  }

  /** The score's expression over the last hidden layer, e.g. "1 − h2_1", shortened when long. */
  private static String scoreText(double[] row, long c0, int layer) {
    StringBuilder sb = new StringBuilder();
    int terms = 0;
    for (int j = 0; j < row.length; j++) {
      if (row[j] != 0) {
        terms++;
      }
    }
    if (terms > 8) {
      return (c0 == 0 ? "" : c0 + " + ") + "a combination of " + terms + " units of layer " + layer;
    }
    if (c0 != 0 || terms == 0) {
      sb.append(c0);
    }
    String unit = layer == 0 ? "x" : "h" + layer + "_";
    for (int j = 0; j < row.length; j++) {
      long a = (long) row[j];
      if (a == 0) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(a < 0 ? " − " : " + ");
      } else if (a < 0) {
        sb.append('−');
      }
      if (Math.abs(a) != 1) {
        sb.append(Math.abs(a));
      }
      sb.append(unit).append(j + 1);
    }
    return sb.toString();
  }
}
