package xcert.explainers.oracle;

import org.apache.commons.numbers.fraction.BigFraction;
import xcert.explainers.explain.ExplainSettings;

/**
 * The settings of {@link Oracle#grade}.
 *
 * @param tolerance the largest accepted max |given − exact|, exact (default 1/10^6)
 * @param top K of the top-K agreement, 1..d (null: min(3, d))
 * @param limit the settings of the exact limit graded against (reference, σ, kernel width,
 *     distance, λ, intercept); unused by the game values
 */
public record OracleSettings(BigFraction tolerance, Integer top, ExplainSettings limit) {

  /** The default tolerance, 10^-6. */
  public static final BigFraction DEFAULT_TOLERANCE = BigFraction.of(1, 1_000_000);

  public static OracleSettings defaults() {
    return new OracleSettings(DEFAULT_TOLERANCE, null, ExplainSettings.defaults());
  }

  public OracleSettings withTolerance(BigFraction t) {
    return new OracleSettings(t, top, limit);
  }

  public OracleSettings withTop(int k) {
    return new OracleSettings(tolerance, k, limit);
  }

  public OracleSettings withLimit(ExplainSettings s) {
    return new OracleSettings(tolerance, top, s);
  }
}
