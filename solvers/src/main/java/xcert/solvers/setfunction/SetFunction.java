package xcert.solvers.setfunction;

import java.util.function.IntPredicate;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.result.Scalar;

/**
 * A function on all subsets S ⊆ [d], stored as a table of 2^d values indexed by bit masks (bit i is
 * feature i+1). Either exact ({@link ExactSetFunction}: integer numerators over one common
 * denominator) or float64 ({@link RealSetFunction}). The enumerators of seed 004 and seed 003 (f_S(x),
 * Δsuf, Δnec, relevance, distortion, games for Shapley values) are all set functions.
 */
public abstract sealed class SetFunction permits ExactSetFunction, RealSetFunction {

  protected final int d;

  SetFunction(int d) {
    Subsets.checkTableDimension(d);
    this.d = d;
  }

  /** Number of features d. */
  public final int dimension() {
    return d;
  }

  /** Number of subsets, 2^d. */
  public final int size() {
    return 1 << d;
  }

  public abstract boolean isExact();

  /** The value at S as a double (correctly rounded where exact). */
  public abstract double doubleAt(int s);

  /**
   * The exact value at S.
   *
   * @throws UnsupportedOperationException for a float64 function
   */
  public abstract BigFraction exactAt(int s);

  /** The value at S, exact where possible. */
  public final Scalar valueAt(int s) {
    return isExact() ? Scalar.exact(exactAt(s)) : Scalar.approximate(doubleAt(s));
  }

  /** Sign of value(s) − value(t), exactly for exact functions. */
  public abstract int compare(int s, int t);

  /** Sign of value(s) − v, exactly for exact functions. */
  public abstract int compareTo(int s, BigFraction v);

  /** The predicate value(S) ≤ eps, exact for exact functions. */
  public abstract IntPredicate atMost(BigFraction eps);

  /** The predicate value(S) ≥ delta, exact for exact functions. */
  public abstract IntPredicate atLeast(BigFraction delta);
}
