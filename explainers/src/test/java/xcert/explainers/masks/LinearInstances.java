package xcert.explainers.masks;

import java.util.OptionalDouble;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.exact.SufficiencyNecessity;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.setfunction.Rho;

/**
 * A linear score f(x) = wᵀx with weights 16, 8, 4, 2, 1, 0 at x = 1⋯1 under the uniform product
 * distribution on {0,1}^6: f_S(x) = Σ_{i∈S} w_i + Σ_{i∉S} w_i/2, so Δsuf(S) = Δnec(S) =
 * Σ_{i∉S} w_i/2 and the unique optimum of (P_suf) and (P_nec) at |S| ≤ k is the top k features
 * (k ≤ 5).
 */
final class LinearInstances {

  static final double[] WEIGHTS = {16, 8, 4, 2, 1, 0};
  static final int D = WEIGHTS.length;

  private LinearInstances() {}

  static ReluNetwork model() {
    return new ReluNetwork(new double[][][] {{WEIGHTS}}, new double[][] {{0}},
        OptionalDouble.empty());
  }

  static double[] point() {
    double[] x = new double[D];
    java.util.Arrays.fill(x, 1);
    return x;
  }

  static ProductDistribution distribution() {
    return ProductDistribution.uniform(D);
  }

  static SufficiencyNecessity exact() {
    return SufficiencyNecessity.of(RestrictedPredictions.table(model(), point(), distribution()),
        Rho.ABS);
  }

  /** a_i = w_i·(x_i − E b_i) = w_i/2, what feature i closes of the gap f(x) − f_∅(x). */
  static double contribution(int i) {
    return WEIGHTS[i] / 2;
  }

  /** The set of the k largest mask entries as a bit mask, or -1 when entry k and k+1 tie. */
  static int topK(double[] mask, int k) {
    Integer[] order = new Integer[mask.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(mask[b], mask[a]));
    if (k < mask.length && mask[order[k - 1]] == mask[order[k]]) {
      return -1;
    }
    int s = 0;
    for (int j = 0; j < k; j++) {
      s |= 1 << order[j];
    }
    return s;
  }
}
