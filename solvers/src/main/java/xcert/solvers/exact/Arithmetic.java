package xcert.solvers.exact;

/**
 * The arithmetic of an enumeration: exact rationals (the default; a model's values are taken without
 * rounding, see {@link xcert.solvers.model.Model#exactValue}) or float64, which is faster for
 * real-valued models and is reported as not exact.
 */
public enum Arithmetic {
  EXACT,
  FLOAT64
}
