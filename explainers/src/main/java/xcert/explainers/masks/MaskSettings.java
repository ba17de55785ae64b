package xcert.explainers.masks;

import java.util.OptionalDouble;

/**
 * The settings of the relaxed sufficient / necessary / unified masks, the problem
 * argmin_{S ∈ [0,1]^d} Δuni(S, α) + λ₁‖S‖₁ + λ_TV·TV(S) of seed 004 Eq. 13 (Eq. 58), solved as in
 * Appendix A.2 (Eq. 59–62): S initialised with S_i ~ N(0.5, 1/36), K relaxed Bernoulli(S_i) masks per
 * step from the binary Concrete (Gumbel-softmax) distribution, Adam.
 *
 * <p>Defaults: K = 10, 1000 iterations, learning rate 0.1, β₁ = 0.9, β₂ = 0.99 (Appendix A.2);
 * λ_TV = 0 (tabular features have no neighbours); temperature 0.5 (not stated in the seed: at
 * S_i = 1/2 a relaxed entry then lies within 0.12 of 0 or 1 with probability 0.54, so X̃ is mostly
 * x_i or b_i, while the reparametrised gradient is not carried by rare draws near the switch; on the
 * separated linear instances of the tests 0.5 recovered the exact optimum for every seed tried, 0.2
 * and 1.0 did not); the baseline of each step paired with its reference rows
 * ({@link BaselineEstimate}); 1000 draws for the estimate of f_∅(x) and of the final objective.
 *
 * <p>λ₁: the seed's λ₁ = 2 (with λ_TV = 20) belongs to 512×512 CT images and a ResNet's output and
 * does not transfer to small tabular problems. When no λ₁ is given (the default) it is scaled by the
 * problem, λ₁ = 0.1·|f(x) − f̂_∅(x)|/d: selecting every feature then costs a tenth of the baseline
 * gap ρ(f(x), f_∅(x)) = Δsuf(∅) = Δnec(∅), the value of the fidelity terms at the empty mask; on an
 * additive model whose contributions share a sign, a feature then stays in the mask when it closes
 * more than about a tenth of its equal share of that gap. The same rule serves a score and a 0/1 label (the gap is then a probability).
 *
 * <p>The mask is parametrised by S itself (as in Appendix A.2, not by logits), projected after each
 * Adam step onto [{@link #EPSILON}, 1 − {@link #EPSILON}] so that the logit log(S/(1−S)) of the
 * Concrete relaxation stays finite.
 *
 * @param alpha α ∈ [0,1]: 1 is the sufficient mask, 0 the necessary mask, 1/2 the unified mask
 * @param lambda1 λ₁ ≥ 0, the coefficient of ‖S‖₁; empty for the problem-scaled default
 * @param lambdaTv λ_TV ≥ 0, the coefficient of the total variation; must be 0 when gridWidth is 0
 * @param gridWidth 0 when the features are not a grid; else the width w of a row-major grid
 *     (d a multiple of w), on which TV is the anisotropic total variation
 * @param samplesPerStep K ≥ 1, relaxed masks (each with its own reference row) per step
 * @param iterations Adam steps, ≥ 1
 * @param learningRate Adam's step size, > 0
 * @param beta1 Adam's first-moment decay, in [0,1)
 * @param beta2 Adam's second-moment decay, in [0,1)
 * @param temperature the Concrete temperature t > 0
 * @param necessityTerm the necessity term: Definition 2.2 (default) or as printed in Eq. 59
 * @param baselineEstimate how each step estimates f_∅(x) in the necessity term: paired with the
 *     step's reference rows (default) or one fixed estimate, see {@link BaselineEstimate}
 * @param evaluationSamples ≥ 1 draws for f̂_∅(x) and for the final objective estimate
 * @param seed the seed of every random draw (initial mask, relaxed masks, reference rows)
 */
public record MaskSettings(double alpha, OptionalDouble lambda1, double lambdaTv, int gridWidth,
    int samplesPerStep, int iterations, double learningRate, double beta1, double beta2,
    double temperature, NecessityTerm necessityTerm, BaselineEstimate baselineEstimate,
    int evaluationSamples, long seed) {

  /** The mask is kept in [EPSILON, 1 − EPSILON]. */
  public static final double EPSILON = 1e-3;

  /** K of Appendix A.2. */
  public static final int DEFAULT_SAMPLES_PER_STEP = 10;
  /** Iterations of Appendix A.2. */
  public static final int DEFAULT_ITERATIONS = 1000;
  /** Learning rate of Appendix A.2. */
  public static final double DEFAULT_LEARNING_RATE = 0.1;
  /** β₁ of Appendix A.2. */
  public static final double DEFAULT_BETA1 = 0.9;
  /** β₂ of Appendix A.2. */
  public static final double DEFAULT_BETA2 = 0.99;
  /** The Concrete temperature (the seed states none). */
  public static final double DEFAULT_TEMPERATURE = 0.5;
  /** Draws for f̂_∅(x) and the final objective. */
  public static final int DEFAULT_EVALUATION_SAMPLES = 1000;
  /** The factor c of the problem-scaled λ₁ = c·|f(x) − f̂_∅(x)|/d. */
  public static final double LAMBDA1_SCALE = 0.1;

  /**
   * @throws IllegalArgumentException naming the parameter, its value and the expected range
   */
  public MaskSettings {
    check("alpha", alpha, alpha >= 0 && alpha <= 1, "[0,1]");
    if (lambda1 == null) {
      throw new IllegalArgumentException("lambda1 must be given or empty, is null");
    }
    if (lambda1.isPresent()) {
      check("lambda1", lambda1.getAsDouble(), lambda1.getAsDouble() >= 0
          && Double.isFinite(lambda1.getAsDouble()), "[0,∞)");
    }
    check("lambdaTv", lambdaTv, lambdaTv >= 0 && Double.isFinite(lambdaTv), "[0,∞)");
    if (gridWidth < 0) {
      throw new IllegalArgumentException("gridWidth must be 0 (no grid) or a positive width, is "
          + gridWidth);
    }
    if (lambdaTv > 0 && gridWidth == 0) {
      throw new IllegalArgumentException("lambdaTv is " + lambdaTv + " but gridWidth is 0: total "
          + "variation needs a grid (expected lambdaTv = 0 or gridWidth > 0)");
    }
    if (samplesPerStep < 1) {
      throw new IllegalArgumentException("samplesPerStep must be in [1,∞), is " + samplesPerStep);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be in [1,∞), is " + iterations);
    }
    check("learningRate", learningRate, learningRate > 0 && Double.isFinite(learningRate),
        "(0,∞)");
    check("beta1", beta1, beta1 >= 0 && beta1 < 1, "[0,1)");
    check("beta2", beta2, beta2 >= 0 && beta2 < 1, "[0,1)");
    check("temperature", temperature, temperature > 0 && Double.isFinite(temperature), "(0,∞)");
    if (necessityTerm == null) {
      throw new IllegalArgumentException("necessityTerm must be DEFINITION or PRINTED, is null");
    }
    if (baselineEstimate == null) {
      throw new IllegalArgumentException("baselineEstimate must be PAIRED or FIXED, is null");
    }
    if (evaluationSamples < 1) {
      throw new IllegalArgumentException("evaluationSamples must be in [1,∞), is "
          + evaluationSamples);
    }
  }

  /** The defaults of Appendix A.2 at this α, seed 0, problem-scaled λ₁, no TV. */
  public static MaskSettings defaults(double alpha) {
    return new MaskSettings(alpha, OptionalDouble.empty(), 0, 0, DEFAULT_SAMPLES_PER_STEP,
        DEFAULT_ITERATIONS, DEFAULT_LEARNING_RATE, DEFAULT_BETA1, DEFAULT_BETA2,
        DEFAULT_TEMPERATURE, NecessityTerm.DEFINITION, BaselineEstimate.PAIRED,
        DEFAULT_EVALUATION_SAMPLES, 0L);
  }

  /** λ₁ given or scaled by the problem: the coefficient used when f(x) and f̂_∅(x) are these. */
  public double lambda1For(double fx, double fEmptyEstimate, int d) {
    return lambda1.orElse(LAMBDA1_SCALE * Math.abs(fx - fEmptyEstimate) / d);
  }

  /** The name of the explainer for this α: "mask-suf", "mask-nec" or "mask-uni". */
  public String methodName() {
    return alpha == 1 ? "mask-suf" : alpha == 0 ? "mask-nec" : "mask-uni";
  }

  /** Checks that d features fit the grid (d a multiple of the width). */
  public void checkDimension(int d) {
    if (gridWidth > 0 && d % gridWidth != 0) {
      throw new IllegalArgumentException("gridWidth must divide d = " + d + ", is " + gridWidth);
    }
  }

  public MaskSettings withAlpha(double a) {
    return new MaskSettings(a, lambda1, lambdaTv, gridWidth, samplesPerStep, iterations,
        learningRate, beta1, beta2, temperature, necessityTerm, baselineEstimate, evaluationSamples, seed);
  }

  /** An explicit λ₁ (instead of the problem-scaled default). */
  public MaskSettings withLambda1(double l) {
    return new MaskSettings(alpha, OptionalDouble.of(l), lambdaTv, gridWidth, samplesPerStep,
        iterations, learningRate, beta1, beta2, temperature, necessityTerm, baselineEstimate, evaluationSamples, seed);
  }

  /** Back to the problem-scaled λ₁ = 0.1·|f(x) − f̂_∅(x)|/d. */
  public MaskSettings withScaledLambda1() {
    return new MaskSettings(alpha, OptionalDouble.empty(), lambdaTv, gridWidth, samplesPerStep,
        iterations, learningRate, beta1, beta2, temperature, necessityTerm, baselineEstimate, evaluationSamples, seed);
  }

  /** Total variation with coefficient l on a row-major grid of the given width. */
  public MaskSettings withTotalVariation(double l, int width) {
    return new MaskSettings(alpha, lambda1, l, width, samplesPerStep, iterations, learningRate,
        beta1, beta2, temperature, necessityTerm, baselineEstimate, evaluationSamples, seed);
  }

  public MaskSettings withSamplesPerStep(int k) {
    return new MaskSettings(alpha, lambda1, lambdaTv, gridWidth, k, iterations, learningRate,
        beta1, beta2, temperature, necessityTerm, baselineEstimate, evaluationSamples, seed);
  }

  public MaskSettings withIterations(int n) {
    return new MaskSettings(alpha, lambda1, lambdaTv, gridWidth, samplesPerStep, n, learningRate,
        beta1, beta2, temperature, necessityTerm, baselineEstimate, evaluationSamples, seed);
  }

  public MaskSettings withLearningRate(double lr) {
    return new MaskSettings(alpha, lambda1, lambdaTv, gridWidth, samplesPerStep, iterations, lr,
        beta1, beta2, temperature, necessityTerm, baselineEstimate, evaluationSamples, seed);
  }

  public MaskSettings withBetas(double b1, double b2) {
    return new MaskSettings(alpha, lambda1, lambdaTv, gridWidth, samplesPerStep, iterations,
        learningRate, b1, b2, temperature, necessityTerm, baselineEstimate, evaluationSamples, seed);
  }

  public MaskSettings withTemperature(double t) {
    return new MaskSettings(alpha, lambda1, lambdaTv, gridWidth, samplesPerStep, iterations,
        learningRate, beta1, beta2, t, necessityTerm, baselineEstimate, evaluationSamples, seed);
  }

  public MaskSettings withNecessityTerm(NecessityTerm n) {
    return new MaskSettings(alpha, lambda1, lambdaTv, gridWidth, samplesPerStep, iterations,
        learningRate, beta1, beta2, temperature, n, baselineEstimate, evaluationSamples, seed);
  }

  public MaskSettings withBaselineEstimate(BaselineEstimate b) {
    return new MaskSettings(alpha, lambda1, lambdaTv, gridWidth, samplesPerStep, iterations,
        learningRate, beta1, beta2, temperature, necessityTerm, b, evaluationSamples, seed);
  }

  public MaskSettings withEvaluationSamples(int n) {
    return new MaskSettings(alpha, lambda1, lambdaTv, gridWidth, samplesPerStep, iterations,
        learningRate, beta1, beta2, temperature, necessityTerm, baselineEstimate, n, seed);
  }

  public MaskSettings withSeed(long s) {
    return new MaskSettings(alpha, lambda1, lambdaTv, gridWidth, samplesPerStep, iterations,
        learningRate, beta1, beta2, temperature, necessityTerm, baselineEstimate, evaluationSamples, s);
  }

  private static void check(String name, double value, boolean ok, String range) {
    if (!ok) {
      throw new IllegalArgumentException(name + " must be in " + range + ", is " + value);
    }
  }
}
