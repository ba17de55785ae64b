package xcert.ledger.seed001;

import java.util.OptionalDouble;
import xcert.solvers.model.ReluNetwork;

/** The small fixed models the seed-001 checks explain. */
final class Models {

  private Models() {}

  static final double[] X4 = {1, 0.5, -0.5, 1.5};
  static final double[] R4 = {0, 0, 0, 0};

  /** A ReLU network 4 → 3 → 1 (score), one hidden layer. */
  static ReluNetwork net4() {
    return new ReluNetwork(new double[][][] {
        {{1, -0.5, 0.25, 0.5}, {-0.75, 1, 0.5, -0.25}, {0.5, 0.5, -1, 0.75}},
        {{1, -0.75, 0.5}}},
        new double[][] {{0.1, -0.2, 0.05}, {0.1}}, OptionalDouble.empty());
  }
}
