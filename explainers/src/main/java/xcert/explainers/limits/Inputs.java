package xcert.explainers.limits;

import xcert.solvers.model.Model;

/** Checks shared by the limits: lengths, finiteness, 0/1 inputs for circuits, the enumeration size. */
final class Inputs {

  private Inputs() {}

  /** x0 and r have length d, are finite, and are 0/1 where the model takes only 0/1 inputs. */
  static void checkPointAndReference(Model f, double[] x0, double[] reference) {
    int d = f.dimension();
    if (x0.length != d) {
      throw new IllegalArgumentException("x0 has " + x0.length + " values, the model has " + d
          + " inputs");
    }
    if (reference.length != d) {
      throw new IllegalArgumentException("the reference has " + reference.length
          + " values, the model has " + d + " inputs");
    }
    checkFinite("x0", x0);
    checkFinite("the reference", reference);
    if (f.requiresBinaryInputs()) {
      checkBinary("x", x0);
      checkBinary("r", reference);
    }
  }

  /** x0 has length d and is finite. */
  static void checkPoint(Model f, double[] x0) {
    if (x0.length != f.dimension()) {
      throw new IllegalArgumentException("x0 has " + x0.length + " values, the model has "
          + f.dimension() + " inputs");
    }
    checkFinite("x0", x0);
  }

  /** Refuses d above {@link ExactLimits#MAX_DIMENSION} before anything is allocated. */
  static void checkEnumerable(String method, int d) {
    if (d > ExactLimits.MAX_DIMENSION) {
      throw new IllegalArgumentException(method + " enumerates all 2^" + d + " masks for d=" + d
          + " features; at most d=" + ExactLimits.MAX_DIMENSION + " (2^"
          + ExactLimits.MAX_DIMENSION + " masks) is enumerated");
    }
  }

  static void checkPositive(String name, double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be positive and finite, got " + v);
    }
  }

  static void checkNonNegative(String name, double v) {
    if (!(v >= 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be non-negative and finite, got " + v);
    }
  }

  private static void checkFinite(String what, double[] v) {
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        throw new IllegalArgumentException(what + " has a non-finite value at feature " + (i + 1)
            + ": " + v[i]);
      }
    }
  }

  private static void checkBinary(String name, double[] v) {
    for (int i = 0; i < v.length; i++) {
      if (v[i] != 0 && v[i] != 1) {
        throw new IllegalArgumentException(name + (i + 1) + " = " + v[i]
            + " is not 0 or 1; a Boolean circuit takes only 0/1 inputs");
      }
    }
  }
}
