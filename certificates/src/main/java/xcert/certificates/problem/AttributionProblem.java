package xcert.certificates.problem;

import java.math.BigInteger;
import java.util.function.LongUnaryOperator;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * The least total error of a single-feature attribution (seed 002 Section 2, Appendix A.3):
 *
 * <pre>  min_α Σ_{S∈𝒫} |c_S − Σ_{i∈S} α_i|</pre>
 *
 * with c_S = f(x) − f(x_{−S}) (deletion) or f(x_S) − f(0_d) (insertion). Its dual is
 * max Σ_S c_S y_S subject to Σ_{S∋i} y_S = 0 for every i and −1 ≤ y_S ≤ 1 (seed 002 Appendix A.3).
 *
 * <p>The targets are exact: c_S = {@code numerator(S)} / {@code denominator()}, an integer numerator
 * (long) over one positive common denominator, computed on demand so that families of 2^26 sets need
 * no table.
 */
public final class AttributionProblem {

  private final String name;
  private final SubsetFamily family;
  private final LongUnaryOperator numerator;
  private final BigInteger denominator;

  /**
   * @param name what the problem is, for reports ("monomial-deletion d=12")
   * @param numerator S ↦ the integer numerator of c_S
   * @param denominator the common positive denominator of every c_S
   */
  public AttributionProblem(String name, SubsetFamily family, LongUnaryOperator numerator,
      BigInteger denominator) {
    if (denominator.signum() <= 0) {
      throw new IllegalArgumentException("denominator must be positive");
    }
    this.name = name;
    this.family = family;
    this.numerator = numerator;
    this.denominator = denominator;
  }

  public String name() {
    return name;
  }

  public int dimension() {
    return family.dimension();
  }

  public SubsetFamily family() {
    return family;
  }

  /** The integer numerator of c_S. */
  public long targetNumerator(long s) {
    return numerator.applyAsLong(s);
  }

  /** The common denominator of the targets. */
  public BigInteger targetDenominator() {
    return denominator;
  }

  /** c_S exactly. */
  public BigFraction target(long s) {
    return BigFraction.of(BigInteger.valueOf(numerator.applyAsLong(s)), denominator);
  }

  /** The same targets over another family (e.g. the power set restricted to sizes ≤ k). */
  public AttributionProblem over(SubsetFamily other) {
    if (other.dimension() != dimension()) {
      throw new IllegalArgumentException("families of different dimension");
    }
    return new AttributionProblem(name, other, numerator, denominator);
  }

  @Override
  public String toString() {
    return name + " over " + family.describe();
  }
}
