package xcert.explainers.metrics;

import java.util.Map;
import java.util.OptionalDouble;
import xcert.explainers.api.Attribution;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.result.Provenance;

/** Small models and attributions for the metric tests. */
final class Models {

  private Models() {}

  /** f(x) = aᵀx + c: a ReLU network with no hidden layer. */
  static ReluNetwork affine(double c, double... a) {
    return new ReluNetwork(new double[][][] {{a.clone()}}, new double[][] {{c}},
        OptionalDouble.empty());
  }

  /** x1 ∧ x2 on d inputs. */
  static Circuit and12(int d) {
    Circuit.Builder b = Circuit.builder(d);
    b.output(b.and(b.input(1), b.input(2)));
    return b.build();
  }

  static Attribution attribution(double[] w, OptionalDouble b) {
    return new Attribution(w, b, "hand", Map.of(), Provenance.exact("by hand"));
  }

  static Attribution attribution(double... w) {
    return attribution(w, OptionalDouble.empty());
  }
}
