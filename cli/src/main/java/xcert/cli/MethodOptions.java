package xcert.cli;

import picocli.CommandLine.Option;
import xcert.explainers.explain.ExplainSettings;
import xcert.solvers.errors.InputException;
import xcert.solvers.notation.InputVector;

/**
 * The method parameters {@code xcert explain} and {@code xcert oracle} share (a picocli mixin): the
 * reference r, σ, LIME's kernel width and distance, the penalty λ and the intercept, carried into
 * {@link ExplainSettings} (which checks them).
 */
final class MethodOptions {

  @Option(names = "--reference", paramLabel = "VALUES",
      description = "r, the value a masked feature takes (and IG's baseline): bits, d "
          + "comma-separated numbers, or 1-x (r_i = 1 − x_i for 0/1 inputs, lime's "
          + "LimeTabularExplainer on binary features; per row in a batch) (default all zeros)")
  String referenceText;

  @Option(names = "--sigma", paramLabel = "S",
      description = "noise scale σ > 0 (Gaussian sd, Laplace scale, uniform half-width, "
          + "GLIME-Binomial's σ); default per method")
  Double sigma;

  @Option(names = "--kernel-width", paramLabel = "W",
      description = "LIME's kernel width w > 0 (default 0.25)")
  Double kernelWidth;

  @Option(names = "--distance", paramLabel = "cosine|l2",
      description = "LIME's distance (default cosine)")
  String distance;

  @Option(names = "--lambda", paramLabel = "L",
      description = "penalty λ >= 0: sklearn's sum scale for sampled methods (default 1 for lime "
          + "and glime-*, 0 for c-lime); the expectation scale for lime-limit and glime-limit "
          + "(default 0, the n → ∞ limit of a fixed sum-scale λ)")
  Double lambda;

  @Option(names = "--no-intercept", description = "fit g without an intercept b")
  boolean noIntercept;

  /** The settings with these options (all but the reference, which needs d) stated. */
  ExplainSettings apply(ExplainSettings s) {
    s = sigma == null ? s : s.withSigma(sigma);
    s = kernelWidth == null ? s : s.withKernelWidth(kernelWidth);
    s = lambda == null ? s : s.withLambda(lambda);
    s = distance == null ? s : s.withDistance(ExplainSettings.distance(distance));
    return s.withIntercept(!noIntercept);
  }

  /** The literal of {@code --reference} that means r = 1 − x. */
  static final String COMPLEMENT = "1-x";

  /** True when {@code --reference 1-x} was given (the reference is then per input). */
  boolean complement() {
    return referenceText != null && referenceText.strip().equals(COMPLEMENT);
  }

  /** The settings with the reference r for d features at the point x stated, when given. */
  ExplainSettings reference(ExplainSettings s, int d, double[] x) {
    if (referenceText == null) {
      return s;
    }
    if (complement()) {
      try {
        return s.withReference(xcert.explainers.explain.Explanations.complement(x));
      } catch (InputException e) {
        throw InputException.of("--reference", e.problem());
      }
    }
    try {
      return s.withReference(InputVector.parse("--reference", referenceText, d));
    } catch (InputException e) {
      throw InputException.of("--reference", e.problem());
    }
  }
}
