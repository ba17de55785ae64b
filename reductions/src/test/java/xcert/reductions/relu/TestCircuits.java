package xcert.reductions.relu;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Circuit.Op;
import xcert.solvers.model.ReluNetwork;

/** Circuits and independent measurements the relu tests share. */
final class TestCircuits {

  private TestCircuits() {}

  /** Parity of x1..xd as one d-ary XOR gate. */
  static Circuit flatParity(int d) {
    Circuit.Builder b = Circuit.builder(d);
    int[] xs = new int[d];
    for (int i = 0; i < d; i++) {
      xs[i] = b.input(i + 1);
    }
    return b.output(b.xor(xs)).build();
  }

  /** Parity of x1..xd as a balanced tree of 2-input XOR gates (an odd one out is passed up). */
  static Circuit treeParity(int d) {
    Circuit.Builder b = Circuit.builder(d);
    int[] level = new int[d];
    for (int i = 0; i < d; i++) {
      level[i] = b.input(i + 1);
    }
    while (level.length > 1) {
      int[] next = new int[(level.length + 1) / 2];
      for (int i = 0; i < level.length / 2; i++) {
        next[i] = b.xor(level[2 * i], level[2 * i + 1]);
      }
      if (level.length % 2 == 1) {
        next[next.length - 1] = level[level.length - 1];
      }
      level = next;
    }
    return b.output(level[0]).build();
  }

  /**
   * Seed 003 Lemma 3.6: Φ'(u^(1), …, u^(q), v) = Φ(∧_j u^(j)) ∨ ∧_i v_i, the conjunction inside Φ
   * component-wise; input (j−1)·d + i is u^(j)_i, and the last {@code vCount} inputs are v.
   */
  static Circuit phiPrime(Circuit phi, int q, int vCount) {
    int d = phi.dimension();
    Circuit.Builder b = Circuit.builder(d * q + vCount);
    int[] map = new int[phi.nodeCount()];
    for (int i = 0; i < d; i++) {
      int[] copies = new int[q];
      for (int j = 0; j < q; j++) {
        copies[j] = b.input(j * d + i + 1);
      }
      map[i] = b.and(copies);
    }
    for (int n = d; n < phi.nodeCount(); n++) {
      int[] ch = phi.children(n);
      int[] m = new int[ch.length];
      for (int a = 0; a < ch.length; a++) {
        m[a] = map[ch[a]];
      }
      map[n] = switch (phi.op(n)) {
        case FALSE -> b.constant(false);
        case TRUE -> b.constant(true);
        case NOT -> b.not(m[0]);
        default -> b.gate(phi.op(n), m);
      };
    }
    int[] vs = new int[vCount];
    for (int i = 0; i < vCount; i++) {
      vs[i] = b.input(d * q + i + 1);
    }
    return b.output(b.or(map[phi.outputNode(0)], b.and(vs))).build();
  }

  /** AND/OR/XOR gates on the longest path to output k; NOT and constants add nothing. */
  static int gateDepth(Circuit c, int k) {
    int[] depth = new int[c.nodeCount()];
    for (int n = 0; n < c.nodeCount(); n++) {
      int max = 0;
      for (int ch : c.children(n)) {
        max = Math.max(max, depth[ch]);
      }
      Op op = c.op(n);
      depth[n] = op == Op.NOT ? max : (op == Op.AND || op == Op.OR || op == Op.XOR) ? max + 1 : 0;
    }
    return depth[c.outputNode(k)];
  }

  /** Edges and nodes of the cone of output k. */
  static int[] coneEdgesAndNodes(Circuit c, int k) {
    boolean[] in = new boolean[c.nodeCount()];
    in[c.outputNode(k)] = true;
    int edges = 0;
    int nodes = 0;
    for (int n = c.nodeCount() - 1; n >= 0; n--) {
      if (in[n]) {
        nodes++;
        for (int ch : c.children(n)) {
          in[ch] = true;
          edges++;
        }
      }
    }
    return new int[] {edges, nodes};
  }

  /** The number of distinct clauses (as sets of literals) of a CNF built by RandomInstances.cnf. */
  static int distinctClauses(Circuit cnf) {
    int top = cnf.outputNode(0);
    Set<Set<Integer>> clauses = new HashSet<>();
    for (int clause : cnf.children(top)) {
      Set<Integer> lits = new TreeSet<>();
      for (int lit : cnf.children(clause)) {
        lits.add(cnf.op(lit) == Op.NOT ? -(cnf.children(lit)[0] + 1) : lit + 1);
      }
      clauses.add(lits);
    }
    return clauses.size();
  }

  /** Whether every weight, bias and the threshold is an integer. */
  static boolean integral(ReluNetwork net) {
    int in = net.dimension();
    for (int l = 0; l < net.layerCount(); l++) {
      for (int j = 0; j < net.width(l); j++) {
        if (net.bias(l, j) != Math.rint(net.bias(l, j))) {
          return false;
        }
        for (int i = 0; i < in; i++) {
          if (net.weight(l, j, i) != Math.rint(net.weight(l, j, i))) {
            return false;
          }
        }
      }
      in = net.width(l);
    }
    double t = net.threshold().orElse(0.5);
    return t == Math.rint(t);
  }

  static double[] point(long y, int d) {
    double[] x = new double[d];
    for (int i = 0; i < d; i++) {
      x[i] = y >>> i & 1L;
    }
    return x;
  }

  static boolean[] bits(long y, int d) {
    boolean[] x = new boolean[d];
    for (int i = 0; i < d; i++) {
      x[i] = (y >>> i & 1L) != 0;
    }
    return x;
  }
}
