package xcert.explainers.nofreelunch;

import java.util.Random;
import xcert.solvers.model.Circuit;

/** Random Boolean circuits for tests: AND / OR / XOR / NOT over the inputs and earlier gates. */
public final class RandomCircuits {

  private RandomCircuits() {}

  /** A random circuit on d inputs whose output is the last of 2d+2 gates. */
  public static Circuit circuit(Random r, int d) {
    Circuit.Builder b = Circuit.builder(d);
    int[] nodes = new int[d + 2 * d + 2];
    for (int i = 1; i <= d; i++) {
      nodes[i - 1] = b.input(i);
    }
    int n = d;
    for (int g = 0; g < 2 * d + 2; g++) {
      int a = nodes[r.nextInt(n)];
      int c = nodes[Math.max(0, n - 1 - r.nextInt(Math.min(n, 4)))];
      int roll = r.nextInt(10);
      nodes[n++] = roll < 1 ? b.not(a) : roll < 4 ? b.and(a, c) : roll < 7 ? b.or(a, c)
          : b.xor(a, c);
    }
    b.output(nodes[n - 1]);
    return b.build();
  }
}
