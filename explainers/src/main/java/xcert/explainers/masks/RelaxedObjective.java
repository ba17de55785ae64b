package xcert.explainers.masks;

import java.util.SplittableRandom;
import xcert.explainers.relax.ReferenceSampler;
import xcert.explainers.relax.SmoothModel;

/**
 * A Monte Carlo estimate of the relaxed objective of seed 004 Eq. 13 / Eq. 59 at a mask
 * S ∈ (0,1)^d, and of its gradient, from K relaxed masks (Eq. 60–62):
 *
 * <ul>
 *   <li>each draw k has its own Concrete mask m̃_k ({@link BinaryConcrete}) and its own reference row
 *       b_k ~ V;
 *   <li>f̂_S(x) = (1/K)·Σ_k f(x⊙m̃_k + (1−m̃_k)⊙b_k) (Eq. 60: keep x where the mask is on);
 *   <li>f̂_{S^c}(x) = (1/K)·Σ_k f(x⊙(1−m̃_k) + m̃_k⊙b_k) (keep x outside S), with the same m̃_k and
 *       b_k (common random numbers);
 *   <li>objective α|f(x) − f̂_S(x)| + (1−α)·N + λ₁‖S‖₁ + λ_TV‖S‖_TV, where N is
 *       |f̂_{S^c}(x) − f̂_∅(x)| (Definition 2.2) or |f(x) − f̂_{S^c}(x)| (as printed in Eq. 59), see
 *       {@link NecessityTerm}; f̂_∅(x) is (1/K)·Σ_k f(b_k) over the same rows (paired, the default)
 *       or a fixed estimate made once, see {@link BaselineEstimate}.
 * </ul>
 *
 * <p>The gradient follows the chain rule through the relaxation: ∂f̂_S/∂S_i =
 * (1/K)Σ_k ∂_i f(X̃_k)·(x_i − b_{k,i})·∂m̃_{k,i}/∂S_i, and with (b_{k,i} − x_i) for the complement;
 * |·| has derivative sign(·) with sign(0) = 0. Draws are made in a fixed order from one stream, so the
 * estimate depends only on S and the state of that stream.
 */
public final class RelaxedObjective {

  /** One estimate: the objective, its parts, and its gradient (empty when not asked for). */
  public record Estimate(double value, double fS, double fSc, double[] gradient) {}

  private final SmoothModel g;
  private final double[] x;
  private final double fx;
  private final double fEmpty;
  private final double alpha;
  private final NecessityTerm term;
  private final boolean paired;
  private final double lambda1;
  private final double lambdaTv;
  private final TotalVariation tv;
  private final ReferenceSampler sampler;
  private final BinaryConcrete concrete;

  /**
   * @param g the smooth model
   * @param x the explained point
   * @param fx f(x) (the smooth model's value at x)
   * @param fEmpty the fixed estimate f̂_∅(x), used when the baseline estimate is FIXED
   * @param lambda1 λ₁ as used (after any problem scaling)
   * @param settings α, λ_TV, grid width, temperature, the necessity term and the baseline estimate
   * @param sampler draws b ~ V
   */
  public RelaxedObjective(SmoothModel g, double[] x, double fx, double fEmpty, double lambda1,
      MaskSettings settings, ReferenceSampler sampler) {
    this.g = g;
    this.x = x.clone();
    this.fx = fx;
    this.fEmpty = fEmpty;
    this.alpha = settings.alpha();
    this.term = settings.necessityTerm();
    this.paired = settings.baselineEstimate() == BaselineEstimate.PAIRED;
    this.lambda1 = lambda1;
    this.lambdaTv = settings.lambdaTv();
    this.tv = settings.gridWidth() > 0 ? new TotalVariation(settings.gridWidth(), x.length) : null;
    this.sampler = sampler;
    this.concrete = new BinaryConcrete(settings.temperature());
  }

  /** Estimates the objective at s from k draws of rnd, with the gradient when asked. */
  public Estimate estimate(double[] s, SplittableRandom rnd, int k, boolean withGradient) {
    int d = x.length;
    double[] relaxed = new double[k * d];
    double[] b = new double[k * d];
    for (int r = 0; r < k; r++) {
      for (int i = 0; i < d; i++) {
        relaxed[r * d + i] = concrete.sample(s[i], BinaryConcrete.logisticNoise(rnd));
      }
      sampler.sample(rnd, b, r * d);
    }
    boolean needSuf = alpha > 0;
    boolean needNec = alpha < 1;
    double[] grad = withGradient ? new double[d] : null;
    double fS = Double.NaN;
    double fSc = Double.NaN;
    double value = 0;
    if (needSuf) {
      double[] rows = mix(relaxed, b, k, false);
      fS = mean(g.values(rows, k));
      value += alpha * Math.abs(fx - fS);
      if (withGradient) {
        double c = -alpha * Math.signum(fx - fS);
        accumulate(c, rows, relaxed, b, k, s, false, grad);
      }
    }
    if (needNec) {
      double[] rows = mix(relaxed, b, k, true);
      fSc = mean(g.values(rows, k));
      double inner;
      if (term == NecessityTerm.DEFINITION) {
        inner = fSc - (paired ? mean(g.values(b.clone(), k)) : fEmpty);
      } else {
        inner = fx - fSc;
      }
      value += (1 - alpha) * Math.abs(inner);
      if (withGradient) {
        double c = (1 - alpha) * Math.signum(inner)
            * (term == NecessityTerm.DEFINITION ? 1 : -1);
        accumulate(c, rows, relaxed, b, k, s, true, grad);
      }
    }
    double l1 = 0;
    for (int i = 0; i < d; i++) {
      l1 += s[i];
    }
    value += lambda1 * l1;
    if (tv != null) {
      value += lambdaTv * tv.value(s);
    }
    if (withGradient) {
      for (int i = 0; i < d; i++) {
        grad[i] += lambda1;
      }
      if (tv != null && lambdaTv > 0) {
        tv.addSubgradient(s, lambdaTv, grad);
      }
    }
    return new Estimate(value, fS, fSc, grad);
  }

  /** The rows x⊙m̃ + (1−m̃)⊙b, or x⊙(1−m̃) + m̃⊙b for the complement. */
  private double[] mix(double[] relaxed, double[] b, int k, boolean complement) {
    int d = x.length;
    double[] rows = new double[k * d];
    for (int r = 0; r < k; r++) {
      for (int i = 0; i < d; i++) {
        double m = relaxed[r * d + i];
        double keep = complement ? 1 - m : m;
        rows[r * d + i] = keep * x[i] + (1 - keep) * b[r * d + i];
      }
    }
    return rows;
  }

  /** grad += c·∂f̂/∂S for the sufficient rows or their complement. */
  private void accumulate(double c, double[] rows, double[] relaxed, double[] b, int k,
      double[] s, boolean complement, double[] grad) {
    if (c == 0) {
      return;
    }
    int d = x.length;
    double[] gr = g.gradients(rows, k);
    for (int r = 0; r < k; r++) {
      for (int i = 0; i < d; i++) {
        double dx = complement ? b[r * d + i] - x[i] : x[i] - b[r * d + i];
        grad[i] += c / k * gr[r * d + i] * dx * concrete.derivative(s[i], relaxed[r * d + i]);
      }
    }
  }

  private static double mean(double[] v) {
    double sum = 0;
    for (double t : v) {
      sum += t;
    }
    return sum / v.length;
  }
}
