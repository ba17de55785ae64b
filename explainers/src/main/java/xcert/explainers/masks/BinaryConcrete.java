package xcert.explainers.masks;

import java.util.SplittableRandom;

/**
 * The binary Concrete (Gumbel-softmax) relaxation of a Bernoulli(s) mask entry used in seed 004
 * Appendix A.2 to make Eq. 60–62 differentiable: with logistic noise L = log U − log(1 − U),
 * U ~ Uniform(0,1), the relaxed entry is m̃ = σ((log(s/(1−s)) + L)/t). As t → 0 it tends to a
 * Bernoulli(s) draw, P(m̃ > 1/2) = s at every t, and for t > 0 it is differentiable in s with
 * ∂m̃/∂s = m̃(1 − m̃)/(t·s(1 − s)) (the reparametrisation gradient).
 */
public final class BinaryConcrete {

  private final double temperature;

  /**
   * @throws IllegalArgumentException unless t > 0
   */
  public BinaryConcrete(double temperature) {
    if (!(temperature > 0) || !Double.isFinite(temperature)) {
      throw new IllegalArgumentException("temperature must be in (0,∞), is " + temperature);
    }
    this.temperature = temperature;
  }

  public double temperature() {
    return temperature;
  }

  /** One logistic draw L = log U − log(1 − U), U ∈ (0,1). */
  public static double logisticNoise(SplittableRandom rnd) {
    double u = rnd.nextDouble();
    while (u == 0) {
      u = rnd.nextDouble();
    }
    return Math.log(u) - Math.log1p(-u);
  }

  /** The relaxed entry m̃ = σ((logit s + L)/t), for s ∈ (0,1). */
  public double sample(double s, double noise) {
    double z = (Math.log(s) - Math.log1p(-s) + noise) / temperature;
    return 1 / (1 + Math.exp(-z));
  }

  /** ∂m̃/∂s at the entry m̃ drawn with parameter s: m̃(1 − m̃)/(t·s(1 − s)). */
  public double derivative(double s, double relaxed) {
    return relaxed * (1 - relaxed) / (temperature * s * (1 - s));
  }
}
