package xcert.explainers.methods;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The parameters a user may set for a method; anything left empty takes the method's default
 * ({@link Methods} documents each).
 *
 * @param samples n, the number of perturbations
 * @param seed the random seed
 * @param sigma the noise scale σ (Gaussian standard deviation, Laplace scale, uniform half-width,
 *     GLIME-Binomial's σ in P(z_i = 1) = 1/(1 + e^{−1/σ²}))
 * @param kernelWidth LIME's kernel width (lime_image's default 0.25)
 * @param distance LIME's distance, "cosine" (lime_image's default) or "l2"
 * @param lambda the ridge or lasso strength
 * @param lasso use ‖w‖₁ instead of ‖w‖² where the method has a penalty
 * @param intercept whether g has an intercept, where the method lets it vary
 * @param reference r, the value a masked feature takes (default 0)
 * @param steps Riemann steps for Integrated Gradients
 */
public record MethodSettings(Optional<Long> samples, long seed, OptionalDouble sigma,
    OptionalDouble kernelWidth, Optional<String> distance, OptionalDouble lambda, boolean lasso,
    Optional<Boolean> intercept, Optional<double[]> reference, Optional<Integer> steps) {

  /** Every parameter at its default, seed 0. */
  public static MethodSettings defaults() {
    return new MethodSettings(Optional.empty(), 0, OptionalDouble.empty(), OptionalDouble.empty(),
        Optional.empty(), OptionalDouble.empty(), false, Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  public MethodSettings withSamples(long n) {
    return new MethodSettings(Optional.of(n), seed, sigma, kernelWidth, distance, lambda, lasso,
        intercept, reference, steps);
  }

  public MethodSettings withSeed(long s) {
    return new MethodSettings(samples, s, sigma, kernelWidth, distance, lambda, lasso, intercept,
        reference, steps);
  }

  public MethodSettings withSigma(double s) {
    return new MethodSettings(samples, seed, OptionalDouble.of(s), kernelWidth, distance, lambda,
        lasso, intercept, reference, steps);
  }

  public MethodSettings withKernelWidth(double w) {
    return new MethodSettings(samples, seed, sigma, OptionalDouble.of(w), distance, lambda, lasso,
        intercept, reference, steps);
  }

  public MethodSettings withDistance(String dist) {
    return new MethodSettings(samples, seed, sigma, kernelWidth, Optional.of(dist), lambda, lasso,
        intercept, reference, steps);
  }

  public MethodSettings withLambda(double l) {
    return new MethodSettings(samples, seed, sigma, kernelWidth, distance, OptionalDouble.of(l),
        lasso, intercept, reference, steps);
  }

  public MethodSettings withLasso(boolean l) {
    return new MethodSettings(samples, seed, sigma, kernelWidth, distance, lambda, l, intercept,
        reference, steps);
  }

  public MethodSettings withIntercept(boolean b) {
    return new MethodSettings(samples, seed, sigma, kernelWidth, distance, lambda, lasso,
        Optional.of(b), reference, steps);
  }

  public MethodSettings withReference(double[] r) {
    return new MethodSettings(samples, seed, sigma, kernelWidth, distance, lambda, lasso,
        intercept, Optional.of(r.clone()), steps);
  }

  public MethodSettings withSteps(int m) {
    return new MethodSettings(samples, seed, sigma, kernelWidth, distance, lambda, lasso,
        intercept, reference, Optional.of(m));
  }
}
