package xcert.reductions.instances;

import java.util.SplittableRandom;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.io.DimacsFormat;
import xcert.solvers.model.Circuit;

/** The generated instances of the reductions study, each fixed by its seed. */
public final class Generated {

  private Generated() {}

  /** A random 3-CNF over d variables with the given number of clauses, drawn with {@code seed}. */
  public static DimacsFormat.Cnf cnf(long seed, int d, int clauses) {
    return DimacsFormat.toClauses(RandomInstances.cnf(new SplittableRandom(seed), d, clauses, 3));
  }

  /** The circuit with no inputs and the constant output {@code value}. */
  public static Circuit constant(boolean value) {
    Circuit.Builder b = Circuit.builder(0);
    return b.output(b.constant(value)).build();
  }

  /**
   * An E-MAJSAT formula with n + r inputs drawn from {@code rnd}: a random circuit, or a random
   * constant when n + r = 0.
   */
  public static Circuit emajsat(SplittableRandom rnd, int n, int r) {
    int d = n + r;
    return d == 0 ? constant(rnd.nextBoolean())
        : RandomInstances.circuit(rnd, d, 1 + rnd.nextInt(3 * d));
  }
}
