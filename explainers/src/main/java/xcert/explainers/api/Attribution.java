package xcert.explainers.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.result.Provenance;

/**
 * One explanation: a weight per feature (the coefficients w of the interpretable linear model g of
 * seed 000 Definition 1, or of seed 001 Eq. 2–3), the intercept when the model class has one, the
 * method and its settings, and how the numbers were obtained (exact, complete enumeration, or sampled
 * with n and seed).
 *
 * @param values w_1..w_d, entry i for feature i+1
 * @param intercept b when g has an intercept
 * @param method the method's name, e.g. "lime"
 * @param settings every parameter that shaped the result, in a fixed order, for printing
 * @param provenance exact, enumerated or sampled (with n, seed and tolerance)
 * @param exactValues the same weights as exact rationals when the method computed them exactly
 *     (provenance exact), else empty
 */
public record Attribution(double[] values, OptionalDouble intercept, String method,
    Map<String, String> settings, Provenance provenance, List<BigFraction> exactValues) {

  public Attribution {
    values = values.clone();
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    exactValues = List.copyOf(exactValues);
    if (!exactValues.isEmpty() && exactValues.size() != values.length) {
      throw new IllegalArgumentException(exactValues.size() + " exact values for " + values.length
          + " features");
    }
  }

  /** An attribution without exact values. */
  public Attribution(double[] values, OptionalDouble intercept, String method,
      Map<String, String> settings, Provenance provenance) {
    this(values, intercept, method, settings, provenance, List.of());
  }

  /** True when the weights are exact rationals. */
  public boolean isExact() {
    return !exactValues.isEmpty();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  /** The weight of feature i (1-based). */
  public double value(int feature) {
    return values[feature - 1];
  }

  public int dimension() {
    return values.length;
  }
}
