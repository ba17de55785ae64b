package xcert.solvers.claims;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.apache.commons.numbers.fraction.BigFraction;
import org.quicktheories.core.Gen;
import xcert.solvers.instances.FiniteJoint;
import xcert.solvers.instances.Instance;
import xcert.solvers.instances.RandomInstances;

/**
 * QuickTheories generators of instances: each draws the sizes (d, gates, width) and a seed and builds
 * the instance with {@link RandomInstances}, so a failure shrinks towards fewer features, fewer gates
 * and smaller seeds, and its description names all three.
 */
final class Gens {

  private Gens() {}

  /** Circuits with 1 ≤ d ≤ maxD features and up to 3d gates, product or empirical V. */
  static Gen<Instance> circuits(int maxD) {
    return circuits(1, maxD);
  }

  /** Circuits with minD ≤ d ≤ maxD features. */
  static Gen<Instance> circuits(int minD, int maxD) {
    return integers().between(minD, maxD).zip(integers().between(1, 3 * maxD),
        longs().between(0, 1_000_000), (d, g, s) -> RandomInstances.circuitInstance(s, d, g));
  }

  /** Random 3-CNFs with 1 ≤ d ≤ maxD and up to 5d clauses, product Bernoulli V. */
  static Gen<Instance> cnfs(int maxD) {
    return integers().between(1, maxD).zip(integers().between(1, 5 * maxD),
        longs().between(0, 1_000_000), (d, m, s) -> RandomInstances.cnfInstance(s, d, m));
  }

  /** Circuits whose features 1 and 2 are interchangeable (2 ≤ d ≤ maxD). */
  static Gen<Instance> symmetricCircuits(int maxD) {
    return integers().between(2, maxD).zip(integers().between(1, 3 * maxD),
        longs().between(0, 1_000_000),
        (d, g, s) -> RandomInstances.symmetricCircuitInstance(s, d, g));
  }

  /** ReLU networks (scores and classifiers) with 1 ≤ d ≤ maxD, widths 1..4. */
  static Gen<Instance> relus(int maxD) {
    return integers().between(1, maxD).zip(integers().between(1, 4),
        longs().between(0, 1_000_000),
        (d, w, s) -> RandomInstances.reluInstance(s, d, w, (s & 1) == 0));
  }

  /** Circuits or ReLU networks. */
  static Gen<Instance> models(int maxCircuitD, int maxReluD) {
    return circuits(maxCircuitD).mix(relus(maxReluD));
  }

  /** Finite joint distributions with 1 ≤ d ≤ maxD and up to 4d support points. */
  static Gen<FiniteJoint> joints(int maxD) {
    return integers().between(1, maxD).zip(integers().between(1, 4 * maxD),
        longs().between(0, 1_000_000), (d, n, s) -> RandomInstances.joint(s, d, n));
  }

  /** α = k/8, k ∈ 0..8. */
  static Gen<BigFraction> alphas() {
    return integers().between(0, 8).map(k -> BigFraction.of(k, 8));
  }

  /** α = k/8, k ∈ 1..7 (the open interval of Lemma 4.1). */
  static Gen<BigFraction> openAlphas() {
    return integers().between(1, 7).map(k -> BigFraction.of(k, 8));
  }
}
