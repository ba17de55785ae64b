package xcert.explainers.oracle;

import java.util.Locale;
import xcert.explainers.lfa.Kernel;
import xcert.explainers.oracle.bounds.KernelShapSamplingBound;
import xcert.explainers.oracle.bounds.LimeSamplingBound;
import xcert.explainers.oracle.bounds.SamplingBound;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.model.Model;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.SetFunction;

/**
 * The statistical bound of a {@link SampledEstimator} at the oracle's settings, from the game values
 * v(S) = f_S(x) of every coalition and the exact counterpart: Hoeffding over antithetic pairs for
 * {@code permutation}, {@link KernelShapSamplingBound} for {@code kernelshap}, {@link
 * LimeSamplingBound} for {@code lime}.
 */
final class SampledBounds {

  /** LIME's ridge α on sklearn's sum scale (lime_base: Ridge(alpha=1)). */
  static final double LIME_ALPHA = 1;

  private SampledBounds() {}

  /**
   * The bound for the counterpart {@code exact} of the game {@code v}.
   *
   * @param v the game values of every coalition (for the limits: at the reference point)
   */
  static SamplingBound of(SetFunction v, Scalar[] exact, OracleSettings s) {
    int d = v.dimension();
    long n = s.samples();
    double c = s.confidence();
    double[] game = new double[1 << d];
    for (int i = 0; i < game.length; i++) {
      game[i] = v.doubleAt(i);
    }
    double[] w = new double[d];
    for (int i = 0; i < d; i++) {
      w[i] = exact[i].value();
    }
    return switch (s.estimator()) {
      case PERMUTATION -> {
        double[] widths = Oracle.marginalWidths(v);
        double[] h = new double[d];
        for (int i = 0; i < d; i++) {
          h[i] = SampledEstimator.permutationHalfWidth(widths[i], d, n, c);
        }
        yield new SamplingBound(h, false, n, c, String.format(Locale.ROOT, "Hoeffding over %d"
            + " independent pairs, simultaneous over %d features", n / 2, d));
      }
      case KERNELSHAP -> KernelShapSamplingBound.of(game, w, n, c);
      case LIME -> {
        Kernel.Distance dist = s.limit().distance() == null ? Kernel.Distance.COSINE
            : s.limit().distance();
        double width = s.limit().kernelWidth() == null ? 0.25 : s.limit().kernelWidth();
        yield LimeSamplingBound.of(game, w, width, dist, LIME_ALPHA, n, c);
      }
    };
  }

  /**
   * The game the mask limits regress on: v(z) = f_S(x) under the distribution when one is given
   * (seed 004 Eq. 1), else at the limit's reference point r, v(z) = f(x ⊙ z + r ⊙ (1 − z)).
   */
  static SetFunction game(Model f, double[] x, ReferenceDistribution distribution,
      OracleSettings s) {
    int d = f.dimension();
    double[] r = s.limit().reference() == null ? new double[d] : s.limit().reference();
    ReferenceDistribution v = distribution != null ? distribution
        : ProductDistribution.pointMass(r);
    return RestrictedPredictions.table(f, x, v,
        f.hasExactValues() ? Arithmetic.EXACT : Arithmetic.FLOAT64).values();
  }
}
