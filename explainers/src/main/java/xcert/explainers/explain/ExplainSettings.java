package xcert.explainers.explain;

import xcert.explainers.lfa.Kernel;
import xcert.explainers.masks.BaselineEstimate;
import xcert.explainers.masks.NecessityTerm;
import xcert.explainers.rde.DistortionMode;
import xcert.solvers.errors.InputException;

/**
 * The settings of one {@link Explanations#explain} call, for every {@link ExplainMethod}. A boxed
 * setting left null was not stated and takes the method's default; a method refuses a stated setting
 * that does not apply to it ({@link Explanations#check}). Immutable: every {@code withX} returns a
 * copy.
 *
 * @param samples number of perturbations n ≥ 1 (null: the method's default; for rde the rows of V with sampled distortion)
 * @param seed random seed; the same seed gives the same numbers
 * @param sigma noise scale σ > 0 (null: per method)
 * @param kernelWidth LIME's kernel width w > 0 (null: 0.25)
 * @param distance LIME's distance (null: cosine)
 * @param lambda penalty λ ≥ 0 (null: per method; λ₁ of the masks, λ of RDE)
 * @param lasso λ‖w‖₁ instead of λ‖w‖² (sampled methods)
 * @param intercept fit g with an intercept b (default true)
 * @param reference r, the value a masked feature takes and IG's baseline (null: all zeros)
 * @param steps Riemann midpoints of integrated-gradients (null: 64)
 * @param backend where f and its gradients are evaluated (default auto)
 * @param distortion rde: how D(s) is computed (null: diagonal ADF)
 * @param rank rde: rank of the low-rank covariance factor
 * @param iterations relaxations: optimisation steps
 * @param alpha masks: weight α of Δsuf in Δuni
 * @param maskSamples masks: Gumbel-softmax samples K per step
 * @param lambdaTv masks: weight of the total variation on a grid
 * @param gridWidth masks: width of the feature grid
 * @param learningRate masks: Adam's step size
 * @param temperature masks: Gumbel-softmax temperature
 * @param necessity masks: the necessity term (null: definition)
 * @param baseline masks: how f_∅(x) is estimated (null: paired)
 */
public record ExplainSettings(Long samples,
    long seed,
    Double sigma,
    Double kernelWidth,
    Kernel.Distance distance,
    Double lambda,
    boolean lasso,
    boolean intercept,
    double[] reference,
    Integer steps,
    BackendChoice backend,
    DistortionMode distortion,
    Integer rank,
    Integer iterations,
    Double alpha,
    Integer maskSamples,
    Double lambdaTv,
    Integer gridWidth,
    Double learningRate,
    Double temperature,
    NecessityTerm necessity,
    BaselineEstimate baseline) {

  public ExplainSettings {
    reference = reference == null ? null : reference.clone();
    if (backend == null) {
      throw new NullPointerException("backend");
    }
  }

  /** Nothing stated: seed 0, ridge, with intercept, backend auto. */
  public static ExplainSettings defaults() {
    return new ExplainSettings(null, 0L, null, null, null, null, false, true, null, null, BackendChoice.AUTO, null, null, null, null, null, null, null, null, null, null, null);
  }

  @Override
  public double[] reference() {
    return reference == null ? null : reference.clone();
  }

  public ExplainSettings withSamples(long samples) {
    return new ExplainSettings(samples, seed, sigma, kernelWidth, distance, lambda, lasso, intercept, reference, steps, backend, distortion, rank, iterations, alpha, maskSamples, lambdaTv, gridWidth, learningRate, temperature, necessity, baseline);
  }

  public ExplainSettings withSeed(long seed) {
    return new ExplainSettings(samples, seed, sigma, kernelWidth, distance, lambda, lasso, intercept, reference, steps, backend, distortion, rank, iterations, alpha, maskSamples, lambdaTv, gridWidth, learningRate, temperature, necessity, baseline);
  }

  public ExplainSettings withSigma(double sigma) {
    return new ExplainSettings(samples, seed, sigma, kernelWidth, distance, lambda, lasso, intercept, reference, steps, backend, distortion, rank, iterations, alpha, maskSamples, lambdaTv, gridWidth, learningRate, temperature, necessity, baseline);
  }

  public ExplainSettings withKernelWidth(double kernelWidth) {
    return new ExplainSettings(samples, seed, sigma, kernelWidth, distance, lambda, lasso, intercept, reference, steps, backend, distortion, rank, iterations, alpha, maskSamples, lambdaTv, gridWidth, learningRate, temperature, necessity, baseline);
  }

  public ExplainSettings withDistance(Kernel.Distance distance) {
    return new ExplainSettings(samples, seed, sigma, kernelWidth, distance, lambda, lasso, intercept, reference, steps, backend, distortion, rank, iterations, alpha, maskSamples, lambdaTv, gridWidth, learningRate, temperature, necessity, baseline);
  }

  public ExplainSettings withLambda(double lambda) {
    return new ExplainSettings(samples, seed, sigma, kernelWidth, distance, lambda, lasso, intercept, reference, steps, backend, distortion, rank, iterations, alpha, maskSamples, lambdaTv, gridWidth, learningRate, temperature, necessity, baseline);
  }

  public ExplainSettings withLasso(boolean lasso) {
    return new ExplainSettings(samples, seed, sigma, kernelWidth, distance, lambda, lasso, intercept, reference, steps, backend, distortion, rank, iterations, alpha, maskSamples, lambdaTv, gridWidth, learningRate, temperature, necessity, baseline);
  }

  public ExplainSettings withIntercept(boolean intercept) {
    return new ExplainSettings(samples, seed, sigma, kernelWidth, distance, lambda, lasso, intercept, reference, steps, backend, distortion, rank, iterations, alpha, maskSamples, lambdaTv, gridWidth, learningRate, temperature, necessity, baseline);
  }

  public ExplainSettings withReference(double[] reference) {
    return new ExplainSettings(samples, seed, sigma, kernelWidth, distance, lambda, lasso, intercept, reference, steps, backend, distortion, rank, iterations, alpha, maskSamples, lambdaTv, gridWidth, learningRate, temperature, necessity, baseline);
  }

  public ExplainSettings withSteps(int steps) {
    return new ExplainSettings(samples, seed, sigma, kernelWidth, distance, lambda, lasso, intercept, reference, steps, backend, distortion, rank, iterations, alpha, maskSamples, lambdaTv, gridWidth, learningRate, temperature, necessity, baseline);
  }

  public ExplainSettings withBackend(BackendChoice backend) {
    return new ExplainSettings(samples, seed, sigma, kernelWidth, distance, lambda, lasso, intercept, reference, steps, backend, distortion, rank, iterations, alpha, maskSamples, lambdaTv, gridWidth, learningRate, temperature, necessity, baseline);
  }

  public ExplainSettings withDistortion(DistortionMode distortion) {
    return new ExplainSettings(samples, seed, sigma, kernelWidth, distance, lambda, lasso, intercept, reference, steps, backend, distortion, rank, iterations, alpha, maskSamples, lambdaTv, gridWidth, learningRate, temperature, necessity, baseline);
  }

  public ExplainSettings withRank(int rank) {
    return new ExplainSettings(samples, seed, sigma, kernelWidth, distance, lambda, lasso, intercept, reference, steps, backend, distortion, rank, iterations, alpha, maskSamples, lambdaTv, gridWidth, learningRate, temperature, necessity, baseline);
  }

  public ExplainSettings withIterations(int iterations) {
    return new ExplainSettings(samples, seed, sigma, kernelWidth, distance, lambda, lasso, intercept, reference, steps, backend, distortion, rank, iterations, alpha, maskSamples, lambdaTv, gridWidth, learningRate, temperature, necessity, baseline);
  }

  public ExplainSettings withAlpha(double alpha) {
    return new ExplainSettings(samples, seed, sigma, kernelWidth, distance, lambda, lasso, intercept, reference, steps, backend, distortion, rank, iterations, alpha, maskSamples, lambdaTv, gridWidth, learningRate, temperature, necessity, baseline);
  }

  public ExplainSettings withMaskSamples(int maskSamples) {
    return new ExplainSettings(samples, seed, sigma, kernelWidth, distance, lambda, lasso, intercept, reference, steps, backend, distortion, rank, iterations, alpha, maskSamples, lambdaTv, gridWidth, learningRate, temperature, necessity, baseline);
  }

  public ExplainSettings withLambdaTv(double lambdaTv) {
    return new ExplainSettings(samples, seed, sigma, kernelWidth, distance, lambda, lasso, intercept, reference, steps, backend, distortion, rank, iterations, alpha, maskSamples, lambdaTv, gridWidth, learningRate, temperature, necessity, baseline);
  }

  public ExplainSettings withGridWidth(int gridWidth) {
    return new ExplainSettings(samples, seed, sigma, kernelWidth, distance, lambda, lasso, intercept, reference, steps, backend, distortion, rank, iterations, alpha, maskSamples, lambdaTv, gridWidth, learningRate, temperature, necessity, baseline);
  }

  public ExplainSettings withLearningRate(double learningRate) {
    return new ExplainSettings(samples, seed, sigma, kernelWidth, distance, lambda, lasso, intercept, reference, steps, backend, distortion, rank, iterations, alpha, maskSamples, lambdaTv, gridWidth, learningRate, temperature, necessity, baseline);
  }

  public ExplainSettings withTemperature(double temperature) {
    return new ExplainSettings(samples, seed, sigma, kernelWidth, distance, lambda, lasso, intercept, reference, steps, backend, distortion, rank, iterations, alpha, maskSamples, lambdaTv, gridWidth, learningRate, temperature, necessity, baseline);
  }

  public ExplainSettings withNecessity(NecessityTerm necessity) {
    return new ExplainSettings(samples, seed, sigma, kernelWidth, distance, lambda, lasso, intercept, reference, steps, backend, distortion, rank, iterations, alpha, maskSamples, lambdaTv, gridWidth, learningRate, temperature, necessity, baseline);
  }

  public ExplainSettings withBaseline(BaselineEstimate baseline) {
    return new ExplainSettings(samples, seed, sigma, kernelWidth, distance, lambda, lasso, intercept, reference, steps, backend, distortion, rank, iterations, alpha, maskSamples, lambdaTv, gridWidth, learningRate, temperature, necessity, baseline);
  }

  /** LIME's distance by name: {@code cosine} or {@code l2}. */
  public static Kernel.Distance distance(String id) {
    return switch (id) {
      case "cosine" -> Kernel.Distance.COSINE;
      case "l2" -> Kernel.Distance.L2;
      default -> throw InputException.setting("distance", "'" + id
          + "' is not a distance; expected cosine or l2");
    };
  }

  /** The masks' necessity term by name: {@code definition} or {@code printed}. */
  public static NecessityTerm necessity(String id) {
    return switch (id) {
      case "definition" -> NecessityTerm.DEFINITION;
      case "printed" -> NecessityTerm.PRINTED;
      default -> throw InputException.setting("necessity", "'" + id + "' is not a necessity term; "
          + "expected definition or printed");
    };
  }

  /** The masks' baseline estimate by name: {@code paired} or {@code fixed}. */
  public static BaselineEstimate baseline(String id) {
    return switch (id) {
      case "paired" -> BaselineEstimate.PAIRED;
      case "fixed" -> BaselineEstimate.FIXED;
      default -> throw InputException.setting("baseline", "'" + id + "' is not a baseline "
          + "estimate; expected paired or fixed");
    };
  }

  /** RDE's distortion by name: {@code diag}, {@code low-rank}, {@code full} or {@code samples}. */
  public static DistortionMode distortion(String id) {
    try {
      return DistortionMode.fromCli(id);
    } catch (IllegalArgumentException e) {
      throw InputException.setting("distortion", e.getMessage());
    }
  }
}
