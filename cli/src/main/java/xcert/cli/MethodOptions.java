package xcert.cli;

import picocli.CommandLine.Option;
import xcert.explainers.lfa.Kernel;
import xcert.solvers.errors.InputException;
import xcert.solvers.notation.InputVector;

/**
 * The method parameters {@code xcert explain} and {@code xcert oracle} share (a picocli mixin): the
 * reference r, σ, LIME's kernel width and distance, the penalty λ and the intercept. Anything left
 * out takes the method's default; {@link #validate()} refuses values out of range with one line.
 */
final class MethodOptions {

  @Option(names = "--reference", paramLabel = "VALUES",
      description = "r, the value a masked feature takes (and IG's baseline): bits or d "
          + "comma-separated numbers (default all zeros)")
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

  /**
   * The first option given other than --lambda (the relaxations take only λ from here), or null.
   */
  String firstGiven() {
    return referenceText != null ? "--reference" : sigma != null ? "--sigma"
        : kernelWidth != null ? "--kernel-width" : distance != null ? "--distance"
        : noIntercept ? "--no-intercept" : null;
  }

  /** Refuses σ ≤ 0, w ≤ 0, λ < 0, non-finite numbers and unknown distances. */
  void validate() {
    if (sigma != null && !(sigma > 0 && Double.isFinite(sigma))) {
      throw InputException.of("--sigma", sigma + " is out of range; expected a finite σ > 0");
    }
    if (kernelWidth != null && !(kernelWidth > 0 && Double.isFinite(kernelWidth))) {
      throw InputException.of("--kernel-width", kernelWidth
          + " is out of range; expected a finite width > 0");
    }
    if (lambda != null && !(lambda >= 0 && Double.isFinite(lambda))) {
      throw InputException.of("--lambda", lambda + " is out of range; expected a finite λ >= 0");
    }
    if (distance != null) {
      kernelDistance();
    }
  }

  /** LIME's distance, default cosine. */
  Kernel.Distance kernelDistance() {
    if (distance == null) {
      return Kernel.Distance.COSINE;
    }
    return switch (distance) {
      case "cosine" -> Kernel.Distance.COSINE;
      case "l2" -> Kernel.Distance.L2;
      default -> throw InputException.of("--distance", "'" + distance
          + "' is not a distance; expected cosine or l2");
    };
  }

  /** The reference r for d features (all zeros when not given). */
  double[] reference(int d) {
    if (referenceText == null) {
      return new double[d];
    }
    try {
      return InputVector.parse("--reference", referenceText, d);
    } catch (InputException e) {
      throw InputException.of("--reference", e.problem());
    }
  }
}
