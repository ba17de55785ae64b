package xcert.explainers.lfa;

import java.util.Arrays;
import xcert.explainers.backend.Backend;
import xcert.explainers.backend.CounterStream;
import xcert.explainers.backend.LfaSums;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;

/**
 * The sufficient statistics of an {@link LfaInstance} run (seed 000 Eq. 1) computed on the host: the
 * n perturbations are drawn from {@link CounterStream} in sample order, combined, evaluated (or
 * differentiated) through a backend's {@link Backend#evaluate} and {@link Backend#gradients} in
 * chunks, and accumulated in sample order into the layout of {@link LfaSums}. Sample i is a pure
 * function of (seed, i), paired samples included, so the sums depend on (instance, n, seed) only,
 * not on the chunk size or the backend's threads.
 */
final class HostSums {

  private final LfaInstance instance;
  private final long n;
  private final CounterStream stream;
  private final int batch;

  HostSums(LfaInstance instance, long n, long seed, int batch) {
    this.instance = instance;
    this.n = n;
    this.stream = new CounterStream(seed);
    this.batch = batch;
  }

  /**
   * ξ of sample {@code index} into xi: the neighbourhood's sample at that index, or under paired
   * sampling for odd indices 1 − ξ with ξ the sample at index − 1 (drawn again, so that the pair does
   * not depend on where a chunk ends).
   */
  void perturbation(long index, double[] xi) {
    if (instance.paired() && (index & 1) == 1) {
      instance.neighbourhood().sample(stream, index - 1, xi);
      for (int f = 0; f < xi.length; f++) {
        xi[f] = 1 - xi[f];
      }
    } else {
      instance.neighbourhood().sample(stream, index, xi);
    }
  }

  /**
   * Samples first..first+m−1 into xis (ξ, row-major) and rows (x0 ⊕ ξ, or x0 ⊕ (1 − ξ) when
   * {@code complement}, the drop target's input).
   */
  private void draw(long first, int m, double[] x0, boolean complement, double[] xis,
      double[] rows) {
    int d = x0.length;
    double[] xi = new double[d];
    double[] in = new double[d];
    double[] out = new double[d];
    for (int r = 0; r < m; r++) {
      perturbation(first + r, xi);
      System.arraycopy(xi, 0, xis, r * d, d);
      if (complement) {
        for (int i = 0; i < d; i++) {
          in[i] = 1 - xi[i];
        }
        instance.combination().apply(x0, in, out);
      } else {
        instance.combination().apply(x0, xi, out);
      }
      System.arraycopy(out, 0, rows, r * d, d);
    }
  }

  /**
   * f(x0) and f(x0 ⊕ 0), evaluated together as the two rows [x0, x0 ⊕ 0] of one backend call.
   */
  double[] baseValues(Model f, double[] x0, Backend backend) {
    int d = x0.length;
    double[] two = new double[2 * d];
    System.arraycopy(x0, 0, two, 0, d);
    double[] base = new double[d];
    instance.combination().apply(x0, new double[d], base);
    System.arraycopy(base, 0, two, d, d);
    return backend.evaluate(f, two, 2);
  }

  /** The sums of a squared-error fit (the regression rows and targets of {@link LfaSums}). */
  LfaSums squaredError(Model f, double[] x0, Backend backend) {
    int d = x0.length;
    ModelClass g = instance.modelClass();
    boolean efficiency = g.efficiency();
    boolean drop = instance.target() == Target.DROP;
    double fx0 = Double.NaN;
    double fBase = Double.NaN;
    double c0 = 0;
    double c1 = 0;
    if (efficiency || drop) {
      double[] v = baseValues(f, x0, backend);
      fx0 = v[0];
      c0 = v[1];
      c1 = v[0] - v[1];
      if (efficiency) {
        fBase = v[1];
      }
    }
    WeightedLeastSquares ls = new WeightedLeastSquares(efficiency ? d - 1 : d, g.intercept());
    int chunk = (int) Math.min(batch, n);
    double[] xis = new double[chunk * d];
    double[] rows = new double[chunk * d];
    double[] xi = new double[d];
    double[] u = new double[d];
    for (long first = 0; first < n; first += chunk) {
      int m = (int) Math.min(chunk, n - first);
      draw(first, m, x0, drop, xis, rows);
      double[] y = backend.evaluate(f, m == chunk ? rows : Arrays.copyOf(rows, m * d), m);
      for (int r = 0; r < m; r++) {
        System.arraycopy(xis, r * d, xi, 0, d);
        double weight = instance.kernel().weight(xi);
        double target = drop ? fx0 - y[r] : y[r];
        if (efficiency) {
          double zd = xi[d - 1];
          for (int i = 0; i < d - 1; i++) {
            u[i] = xi[i] - zd;
          }
          ls.add(u, target - c0 - c1 * zd, weight);
        } else {
          ls.add(xi, target, weight);
        }
      }
    }
    return ls.sums(fx0, fBase);
  }

  /** The sums of gradient matching: Σ π J ⊙ ∇f(x0 ⊕ ξ) and Σ π. */
  LfaSums gradientMatching(ReluNetwork f, double[] x0, Backend backend) {
    int d = x0.length;
    int chunk = (int) Math.min(batch, n);
    double[] xis = new double[chunk * d];
    double[] rows = new double[chunk * d];
    double[] jac = new double[d];
    instance.combination().jacobianDiagonal(x0, jac);
    double[] sum = new double[d];
    double weightSum = 0;
    double[] xi = new double[d];
    for (long first = 0; first < n; first += chunk) {
      int m = (int) Math.min(chunk, n - first);
      draw(first, m, x0, false, xis, rows);
      double[] grads = backend.gradients(f, m == chunk ? rows : Arrays.copyOf(rows, m * d), m);
      for (int r = 0; r < m; r++) {
        System.arraycopy(xis, r * d, xi, 0, d);
        double weight = instance.kernel().weight(xi);
        for (int i = 0; i < d; i++) {
          sum[i] += weight * jac[i] * grads[r * d + i];
        }
        weightSum += weight;
      }
    }
    return new LfaSums(new double[0], sum, weightSum, n, Double.NaN, Double.NaN);
  }
}
