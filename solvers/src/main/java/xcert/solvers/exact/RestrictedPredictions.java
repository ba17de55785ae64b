package xcert.solvers.exact;

import xcert.solvers.dist.ConditionalDistribution;
import xcert.solvers.dist.EmpiricalDistribution;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;

/**
 * The entry point for the average restricted prediction f_S(x) = E_{X_{S^c} ~ V_{S^c}} f(x_S, X_{S^c})
 * of seed 004 Eq. 1 for every S at once: it checks that model, input and distribution fit together and
 * picks the algorithm (the product butterfly, row averaging, or conditional superset sums).
 */
public final class RestrictedPredictions {

  private RestrictedPredictions() {}

  /** All f_S(x) in exact arithmetic. */
  public static RestrictedPredictionTable table(Model f, double[] x, ReferenceDistribution v) {
    return table(f, x, v, Arithmetic.EXACT);
  }

  /**
   * All f_S(x).
   *
   * @throws IllegalArgumentException when dimensions differ, or a circuit meets a non-binary input or
   *     distribution
   */
  public static RestrictedPredictionTable table(Model f, double[] x, ReferenceDistribution v,
      Arithmetic arithmetic) {
    checkCompatible(f, x, v);
    if (arithmetic == Arithmetic.EXACT && !f.hasExactValues()) {
      throw new IllegalArgumentException("the model " + f + " has no exact values (its head is"
          + " transcendental); ask for float64 arithmetic or explain the pre-head score");
    }
    if (v instanceof ProductDistribution p) {
      if (f instanceof Circuit c) {
        return ProductButterfly.ofCircuit(c, x, p);
      }
      return ProductButterfly.ofGrid(f, x, p, arithmetic);
    }
    if (v instanceof EmpiricalDistribution e) {
      return RowAverage.of(f, x, e, arithmetic);
    }
    return ConditionalAverage.of(f, x, (ConditionalDistribution) v, arithmetic);
  }

  /** Checks dimensions, and binary inputs and support for circuits. */
  public static void checkCompatible(Model f, double[] x, ReferenceDistribution v) {
    int d = f.dimension();
    if (x.length != d) {
      throw new IllegalArgumentException("x has " + x.length + " values, the model has d=" + d
          + " inputs");
    }
    if (v.dimension() != d) {
      throw new IllegalArgumentException("the distribution has " + v.dimension()
          + " features, the model has d=" + d);
    }
    if (f.requiresBinaryInputs()) {
      for (int i = 0; i < d; i++) {
        if (x[i] != 0.0 && x[i] != 1.0) {
          throw new IllegalArgumentException("a circuit takes 0/1 inputs; x_" + (i + 1) + " = "
              + x[i]);
        }
      }
      if (!v.isBinary()) {
        throw new IllegalArgumentException("a circuit takes 0/1 inputs, but the distribution "
            + v.describe() + " gives other values");
      }
    }
  }
}
