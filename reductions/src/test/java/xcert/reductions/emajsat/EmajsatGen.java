package xcert.reductions.emajsat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;

/** Seeded E-MAJSAT instances for the property tests, and the fixed thresholds δ. */
final class EmajsatGen {

  private EmajsatGen() {}

  /** The fixed δ ∈ [1/2, 1) the reduction is checked for (all give d' ≤ 62 for n, r ≤ 3). */
  static final BigFraction[] DELTAS = {
      BigFraction.of(1, 2), BigFraction.of(2, 3), BigFraction.of(3, 4), BigFraction.of(7, 8),
      BigFraction.of(9, 10), BigFraction.of(51, 100)};

  /**
   * An instance with n existential and r random inputs; the kind (seed mod 3) picks a random circuit
   * from {@link RandomInstances#circuit}, a uniformly random truth table, or a planted truth table
   * whose max_a #{b : φ(a, b)} is exactly 2^{r−1} (a no-instance on the threshold) or 2^{r−1} + 1
   * (a yes-instance just above it).
   */
  static EmajsatInstance instance(int n, int r, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int d = n + r;
    int kind = (int) Math.floorMod(seed, 3L);
    return switch (kind) {
      case 0 -> new EmajsatInstance(RandomInstances.circuit(rnd, d, 1 + rnd.nextInt(12)), n);
      case 1 -> {
        boolean[] table = new boolean[1 << d];
        for (int t = 0; t < table.length; t++) {
          table[t] = rnd.nextBoolean();
        }
        yield new EmajsatInstance(fromTable(d, table), n);
      }
      default -> new EmajsatInstance(fromTable(d, planted(rnd, n, r)), n);
    };
  }

  /** A table with max_a c(a) = 2^{r−1} or 2^{r−1} + 1 (for r = 0: 0 or 1), chosen at random. */
  static boolean[] planted(SplittableRandom rnd, int n, int r) {
    int half = r == 0 ? 0 : 1 << (r - 1);
    int target = rnd.nextBoolean() ? half : half + 1;
    boolean[] table = new boolean[1 << (n + r)];
    int top = rnd.nextInt(1 << n);
    for (int a = 0; a < (1 << n); a++) {
      int c = a == top ? target : rnd.nextInt(target + 1);
      List<Integer> bs = new ArrayList<>();
      for (int b = 0; b < (1 << r); b++) {
        bs.add(b);
      }
      for (int t = 0; t < c; t++) {
        int b = bs.remove(rnd.nextInt(bs.size()));
        table[a | (b << n)] = true; // bit i of the index is x_{i+1}: a in the low n bits
      }
    }
    return table;
  }

  /** A DNF circuit with table[y] = φ(y), bit i of y being x_{i+1}. */
  static Circuit fromTable(int d, boolean[] table) {
    Circuit.Builder b = Circuit.builder(d);
    List<Integer> terms = new ArrayList<>();
    for (int y = 0; y < table.length; y++) {
      if (table[y]) {
        int[] lits = new int[d];
        for (int i = 0; i < d; i++) {
          lits[i] = ((y >>> i) & 1) != 0 ? b.input(i + 1) : b.not(b.input(i + 1));
        }
        terms.add(b.and(lits));
      }
    }
    return b.output(b.or(terms.stream().mapToInt(Integer::intValue).toArray())).build();
  }

  /** A constant circuit on d inputs. */
  static Circuit constant(int d, boolean value) {
    Circuit.Builder b = Circuit.builder(d);
    return b.output(b.constant(value)).build();
  }
}
