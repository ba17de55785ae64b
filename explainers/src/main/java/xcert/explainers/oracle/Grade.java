package xcert.explainers.oracle;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.explainers.oracle.bounds.SamplingBound;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;

/**
 * An attribution held against its exact counterpart ({@link Oracle#grade}): per feature the given
 * value, the exact value and the absolute error; the largest error against the tolerance; and how
 * well the rankings by importance |w_i| agree.
 *
 * @param against the exact counterpart
 * @param given the given values, exact as read
 * @param exactValues the counterpart's values (exact rationals where it has them)
 * @param errors |given − exact| per feature
 * @param exact true when every exact value is an exact rational
 * @param reference how the counterpart was computed
 * @param maxError the largest error
 * @param worstFeature the feature (1-based) with the largest error, the lowest on ties
 * @param kendallTau Kendall's τ_b of the two rankings; empty when one ranking is all ties
 * @param top1Agree whether the given top feature is among the exact top features
 * @param topK K of the top-K agreement
 * @param topKAgree whether the given top-K set agrees with the exact one (ties never count against)
 * @param givenTopK the given top-K features (1-based, ascending)
 * @param exactTopK the exact top-K features (1-based, ascending)
 * @param tolerance the tolerance on the largest error
 * @param pass max |error| ≤ tolerance
 * @param distribution the reference distribution of a game value, else null
 * @param settings the exact limit's parameters in print order (empty for the game values)
 * @param statisticalBound the sampled estimator's bound added to the tolerance, described (n,
 *     confidence, inequality), or null when the tolerance is only the one given
 * @param sampling the sampled estimator's bound (per-feature half-widths added to the tolerance;
 *     vacuous: no verdict, {@code pass} false), or null
 */
public record Grade(Against against, List<Scalar> given, List<Scalar> exactValues,
    List<Scalar> errors, boolean exact, Provenance reference, Scalar maxError, int worstFeature,
    OptionalDouble kendallTau, boolean top1Agree, int topK, boolean topKAgree,
    List<Integer> givenTopK, List<Integer> exactTopK, BigFraction tolerance, boolean pass,
    String distribution, Map<String, String> settings, String statisticalBound,
    SamplingBound sampling) {

  public Grade {
    given = List.copyOf(given);
    exactValues = List.copyOf(exactValues);
    errors = List.copyOf(errors);
    givenTopK = List.copyOf(givenTopK);
    exactTopK = List.copyOf(exactTopK);
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** PASS or FAIL with the reason, in one line. */
  public String verdict() {
    if (sampling != null && sampling.vacuous()) {
      return "NO VERDICT: the bound of " + statisticalBound + " is vacuous (infinite); nothing"
          + " is checked: grade with more samples or with --tol";
    }
    if (statisticalBound != null) {
      return pass ? "PASS: consistent with " + statisticalBound
          : "FAIL: not consistent with " + statisticalBound + " (feature " + worstFeature + ")";
    }
    return pass ? "PASS: max |given − exact| <= tolerance"
        : "FAIL: max |given − exact| > tolerance (feature " + worstFeature + ")";
  }
}
