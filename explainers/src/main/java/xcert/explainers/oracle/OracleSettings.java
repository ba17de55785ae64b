package xcert.explainers.oracle;

import org.apache.commons.numbers.fraction.BigFraction;
import xcert.explainers.explain.ExplainSettings;

/**
 * The settings of {@link Oracle#grade}.
 *
 * <p>A value passes when |given − exact| ≤ tolerance + relativeTolerance·|exact| (numpy's
 * {@code allclose} rule, exactly).
 *
 * @param tolerance the absolute tolerance, exact (default 1/10^6)
 * @param top K of the top-K agreement, 1..d (null: min(3, d))
 * @param limit the settings of the exact limit graded against (reference, σ, kernel width,
 *     distance, λ, intercept); unused by the game values
 * @param relativeTolerance the relative tolerance, exact (default 0)
 * @param estimator the sampled estimator whose statistical bound is added to the tolerance, or
 *     null
 * @param samples what the estimator drew: permutations (an antithetic pair is two), coalitions
 *     (kernelshap) or perturbations (lime)
 * @param confidence the confidence C of the bound, in (0, 1) (default 0.99)
 */
public record OracleSettings(BigFraction tolerance, Integer top, ExplainSettings limit,
    BigFraction relativeTolerance, SampledEstimator estimator, long samples, double confidence) {

  /** The default confidence of a statistical bound. */
  public static final double DEFAULT_CONFIDENCE = 0.99;

  /** The default tolerance, 10^-6. */
  public static final BigFraction DEFAULT_TOLERANCE = BigFraction.of(1, 1_000_000);

  public static OracleSettings defaults() {
    return new OracleSettings(DEFAULT_TOLERANCE, null, ExplainSettings.defaults(),
        BigFraction.ZERO, null, 0, DEFAULT_CONFIDENCE);
  }

  public OracleSettings withTolerance(BigFraction t) {
    return new OracleSettings(t, top, limit, relativeTolerance, estimator, samples,
        confidence);
  }

  public OracleSettings withTop(int k) {
    return new OracleSettings(tolerance, k, limit, relativeTolerance, estimator, samples,
        confidence);
  }

  public OracleSettings withLimit(ExplainSettings s) {
    return new OracleSettings(tolerance, top, s, relativeTolerance, estimator, samples,
        confidence);
  }

  public OracleSettings withRelativeTolerance(BigFraction r) {
    return new OracleSettings(tolerance, top, limit, r, estimator, samples, confidence);
  }

  /**
   * Grades a sampled estimate statistically: the estimator's bound at n = {@code n} and confidence
   * {@code c} is added to the tolerance.
   */
  public OracleSettings withEstimator(SampledEstimator e, long n, double c) {
    return new OracleSettings(tolerance, top, limit, relativeTolerance, e, n, c);
  }

  /** The tolerance for a value whose exact counterpart is {@code exact}. */
  public BigFraction toleranceFor(BigFraction exact) {
    return relativeTolerance.signum() == 0 ? tolerance
        : tolerance.add(relativeTolerance.multiply(exact.abs()));
  }
}
