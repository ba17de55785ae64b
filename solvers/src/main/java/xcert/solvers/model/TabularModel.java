package xcert.solvers.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * A model given by a table of exact values on finitely many points, such as the regression function
 * f(x) = E[Y | X = x] of a finite joint distribution (seed 004 Corollary 5.1). Evaluating it at a point
 * outside the table is an error.
 */
public final class TabularModel implements Model {

  private final int d;
  private final Map<List<Double>, BigFraction> values;
  private final boolean booleanValued;
  private final boolean binaryInputs;

  public TabularModel(double[][] points, BigFraction[] values) {
    if (points.length == 0 || points.length != values.length) {
      throw new IllegalArgumentException("need one value per point and at least one point");
    }
    this.d = points[0].length;
    this.values = new HashMap<>();
    boolean bool = true;
    boolean bin = true;
    for (int k = 0; k < points.length; k++) {
      if (points[k].length != d) {
        throw new IllegalArgumentException("point " + (k + 1) + " has the wrong length");
      }
      if (this.values.put(key(points[k]), values[k]) != null) {
        throw new IllegalArgumentException("point " + (k + 1) + " is listed twice");
      }
      bool &= values[k].equals(BigFraction.ZERO) || values[k].equals(BigFraction.ONE);
      for (double v : points[k]) {
        bin &= v == 0.0 || v == 1.0;
      }
    }
    this.booleanValued = bool;
    this.binaryInputs = bin;
  }

  private static List<Double> key(double[] x) {
    List<Double> k = new ArrayList<>(x.length);
    for (double v : x) {
      k.add(v == 0.0 ? 0.0 : v);
    }
    return k;
  }

  @Override
  public int dimension() {
    return d;
  }

  @Override
  public BigFraction exactValue(double[] x) {
    BigFraction v = values.get(key(x));
    if (v == null) {
      throw new IllegalArgumentException("the tabular model has no value at " + key(x));
    }
    return v;
  }

  @Override
  public double evaluate(double[] x) {
    return exactValue(x).doubleValue();
  }

  @Override
  public boolean isBooleanValued() {
    return booleanValued;
  }

  /** False: a table answers only at its own points, which may be any reals. */
  @Override
  public boolean requiresBinaryInputs() {
    return false;
  }

  /** True when every point of the table is in {0,1}^d. */
  public boolean hasBinaryPoints() {
    return binaryInputs;
  }
}
