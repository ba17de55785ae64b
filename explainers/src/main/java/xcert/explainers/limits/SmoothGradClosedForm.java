package xcert.explainers.limits;

import xcert.solvers.model.ReluNetwork;

/**
 * SmoothGrad's limit (seed 000 A.2.5; seed 001 Section 3.3) for f(x) = Σ_j v_j ReLU(w_j·x + b_j) + c:
 * ∇f(x) = Σ_j v_j w_j 1[w_j·x + b_j &gt; 0], and w_j·ξ ~ N(0, σ²‖w_j‖²) for ξ ~ N(0, σ²I), so
 * E[∇f(x0 + ξ)] = Σ_j v_j w_j Φ((w_j·x0 + b_j)/(σ‖w_j‖)). A unit with w_j = 0 contributes nothing. A
 * network without hidden layer is affine and its expected gradient is its weight row.
 */
final class SmoothGradClosedForm {

  private SmoothGradClosedForm() {}

  static double[] expectedGradient(ReluNetwork f, double[] x0, double sigma) {
    int d = f.dimension();
    if (f.layerCount() > 2) {
      throw new IllegalArgumentException("the closed-form SmoothGrad needs at most one hidden layer; "
          + "this network has " + (f.layerCount() - 1));
    }
    double[] g = new double[d];
    if (f.layerCount() == 1) {
      for (int i = 0; i < d; i++) {
        g[i] = f.weight(0, 0, i);
      }
      return g;
    }
    for (int j = 0; j < f.width(0); j++) {
      double v = f.weight(1, 0, j);
      double norm2 = 0;
      double pre = f.bias(0, j);
      for (int i = 0; i < d; i++) {
        double wi = f.weight(0, j, i);
        norm2 += wi * wi;
        pre += wi * x0[i];
      }
      if (norm2 == 0 || v == 0) {
        continue;
      }
      double p = NormalCdf.phi(pre / (sigma * Math.sqrt(norm2)));
      for (int i = 0; i < d; i++) {
        g[i] += v * f.weight(0, j, i) * p;
      }
    }
    return g;
  }
}
