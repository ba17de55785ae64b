package xcert.solvers.model;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * A model f: R^d → R as the exact enumerators see it (seed 004, Section 2: the predictor f whose
 * average restricted prediction f_S(x) is studied). Features are 1-based in every user-facing place;
 * arrays passed here are 0-based, entry i holding feature i+1.
 */
public interface Model {

  /** Number of input features d. */
  int dimension();

  /** f(x) for one input of length {@link #dimension()}. */
  double evaluate(double[] x);

  /**
   * f(x) as an exact rational: the model's value computed without rounding from its parameters (a
   * circuit's 0/1 output, a ReLU network's score in exact decimal arithmetic).
   */
  BigFraction exactValue(double[] x);

  /** True when every output is 0 or 1 (a Boolean classifier Φ, seed 003 Section 3). */
  boolean isBooleanValued();

  /**
   * True when {@link #exactValue} is defined; false for a network's probability after a Sigmoid or
   * Softmax head, which only has float64 values.
   */
  default boolean hasExactValues() {
    return true;
  }

  /** True when the model is only defined on {0,1}^d (Boolean circuits). */
  boolean requiresBinaryInputs();
}
