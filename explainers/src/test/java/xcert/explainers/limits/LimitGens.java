package xcert.explainers.limits;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.quicktheories.core.Gen;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;

/**
 * Generated instances for the limit tests: a model, a point x0 and a reference r, all built from a
 * seed with {@link RandomInstances} so that a failure shrinks to small d and small seeds and names
 * them.
 */
final class LimitGens {

  private LimitGens() {}

  /** A model with its point and reference. */
  record Case(Model model, double[] x0, double[] r, String label) {
    ReluNetwork relu() {
      return (ReluNetwork) model;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** Random circuits, 1 ≤ d ≤ maxD, up to 3d gates, 0/1 point and reference. */
  static Gen<Case> circuits(int maxD) {
    return integers().between(1, maxD).zip(integers().between(1, 3 * maxD),
        longs().between(0, 1_000_000), (d, g, s) -> {
          SplittableRandom rnd = new SplittableRandom(s);
          Model c = RandomInstances.circuit(rnd, d, g);
          return new Case(c, RandomInstances.input(rnd, d, true), RandomInstances.input(rnd, d, true),
              "circuit d=" + d + " gates=" + g + " seed=" + s);
        });
  }

  /**
   * Random ReLU networks, 1 ≤ d ≤ maxD, widths 1..4, 1..maxHidden hidden layers, scores and
   * classifiers, point and reference in {−1, 0, 1}^d (or quarters in [−2, 2] on odd seeds).
   */
  static Gen<Case> relus(int maxD, int maxHidden) {
    return integers().between(1, maxD).zip(integers().between(1, 4),
        integers().between(1, maxHidden), longs().between(0, 1_000_000), (d, w, h, s) -> {
          SplittableRandom rnd = new SplittableRandom(s);
          ReluNetwork net = RandomInstances.relu(rnd, d, w, h, (s % 3) == 0);
          double[] x0 = point(rnd, d, (s & 1) == 1);
          double[] r = point(rnd, d, (s & 2) == 2);
          return new Case(net, x0, r, "relu d=" + d + " width=" + w + " hidden=" + h + " seed=" + s);
        });
  }

  private static double[] point(SplittableRandom rnd, int d, boolean quarters) {
    if (!quarters) {
      return RandomInstances.input(rnd, d, false);
    }
    double[] x = new double[d];
    for (int i = 0; i < d; i++) {
      x[i] = (rnd.nextInt(17) - 8) / 4.0;
    }
    return x;
  }
}
