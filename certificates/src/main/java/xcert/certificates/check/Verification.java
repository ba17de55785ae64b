package xcert.certificates.check;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * The outcome of checking a certificate in exact arithmetic.
 *
 * @param lowerBound Σ c_S y_S when y is dual feasible, else null
 * @param upperBound Σ |c_S − Σ_{i∈S} α_i|
 * @param dualFeasible whether every |y_S| ≤ 1 and every Σ_{S∋i} y_S = 0
 * @param infeasibility why y is not feasible (the first violation found), or ""
 * @param sets how many sets were checked
 * @param seconds time taken
 */
public record Verification(BigFraction lowerBound, BigFraction upperBound, boolean dualFeasible,
    String infeasibility, long sets, double seconds) {

  /** True when y is feasible and the bounds are equal: the optimum is proved. */
  public boolean certified() {
    return dualFeasible && lowerBound.equals(upperBound);
  }

  /** The proved optimum; only when certified. */
  public BigFraction optimum() {
    if (!certified()) {
      throw new IllegalStateException("not certified: " + this);
    }
    return lowerBound;
  }
}
