package xcert.solvers.io;

import java.util.Random;
import xcert.solvers.model.Circuit;

/** Random circuits for round-trip tests: every gate kind, n-ary gates, sharing, names. */
final class RandomCircuits {
  private RandomCircuits() {}

  /**
   * A random circuit on d inputs with about {@code gates} gates and 1..3 outputs. Gates draw their
   * children from all earlier nodes, so sub-circuits are shared; n-ary gates have 0..5 children.
   */
  static Circuit random(Random r, int d, int gates) {
    Circuit.Builder b = Circuit.builder(d);
    for (int i = 1; i <= d; i++) {
      if (r.nextInt(3) == 0) {
        b.nameInput(i, "in " + i + (r.nextBoolean() ? "" : "_x"));
      }
    }
    for (int g = 0; g < gates; g++) {
      int n = b.nodeCount();
      int kind = r.nextInt(20);
      if (kind == 0 || n == 0) {
        b.constant(r.nextBoolean());
        continue;
      }
      if (kind < 5) {
        b.not(r.nextInt(n));
        continue;
      }
      int arity = r.nextInt(10) == 0 ? r.nextInt(2) : 2 + r.nextInt(4);
      int[] ch = new int[arity];
      for (int k = 0; k < arity; k++) {
        // favour recent nodes so that the circuit is deep, not only wide
        ch[k] = r.nextBoolean() ? n - 1 - r.nextInt(Math.min(n, 4)) : r.nextInt(n);
      }
      switch (kind % 3) {
        case 0 -> b.and(ch);
        case 1 -> b.or(ch);
        default -> b.xor(ch);
      }
    }
    if (b.nodeCount() == 0) {
      b.constant(r.nextBoolean());
    }
    int outs = 1 + r.nextInt(3);
    int n = b.nodeCount();
    for (int k = 0; k < outs; k++) {
      int node = k == 0 ? n - 1 : r.nextInt(n);
      b.output(node, r.nextInt(3) == 0 ? "out" + k : null);
    }
    return b.build();
  }

  /** The input whose bit i (of y) is x_{i+1}. */
  static boolean[] bits(int d, long y) {
    boolean[] x = new boolean[d];
    for (int i = 0; i < d; i++) {
      x[i] = ((y >>> i) & 1) != 0;
    }
    return x;
  }
}
