package xcert.explainers.oracle;

import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.result.Scalar;

/**
 * A whole matrix of attributions graded by {@link OracleBatch#grade}: one {@link Row} per input, and
 * how many passed.
 *
 * @param against the exact counterpart
 * @param rows one per input, in the order given
 * @param distinctInputs how many distinct inputs the exact values were computed for
 * @param passed rows that passed every check
 * @param failed rows that failed one
 */
public record BatchGrade(Against against, List<Row> rows, int distinctInputs, int passed,
    int failed) {

  public BatchGrade {
    rows = List.copyOf(rows);
  }

  /** True when every row passed. */
  public boolean allPass() {
    return failed == 0;
  }

  /**
   * One input's grade.
   *
   * @param row 1-based
   * @param grade the attribution against the exact values
   * @param base the base-value checks, when base values were given
   */
  public record Row(int row, Grade grade, Optional<BaseCheck> base) {

    /** Passes when the attribution and the base-value checks (if any) pass. */
    public boolean pass() {
      return grade.pass() && base.map(BaseCheck::pass).orElse(true);
    }
  }

  /**
   * The efficiency checks of an explainer's base value b (shap's {@code base_values}): b = f_∅(x),
   * the expectation of f under the reference distribution, and b + Σ_i φ_i = f(x) (seed 004,
   * Section 5: the game v(S) = f_S(x) has v(∅) = f_∅(x) and v([d]) = f(x)).
   *
   * @param base the given base value, exact as read
   * @param fEmpty f_∅(x)
   * @param baseError |b − f_∅(x)|
   * @param baseTolerance the tolerance for it
   * @param basePass baseError ≤ baseTolerance
   * @param fx f(x)
   * @param sumError |b + Σ φ − f(x)| with the given φ
   * @param sumTolerance the tolerance for it
   * @param sumPass sumError ≤ sumTolerance
   */
  public record BaseCheck(Scalar base, Scalar fEmpty, Scalar baseError, BigFraction baseTolerance,
      boolean basePass, Scalar fx, Scalar sumError, BigFraction sumTolerance, boolean sumPass) {

    public boolean pass() {
      return basePass && sumPass;
    }
  }
}
