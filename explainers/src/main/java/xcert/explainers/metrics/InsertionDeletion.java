package xcert.explainers.metrics;

import xcert.explainers.api.Attribution;
import xcert.explainers.backend.Backend;
import xcert.solvers.model.Model;
import xcert.solvers.result.Provenance;

/**
 * Insertion and deletion curves of an attribution, the perturbation tests that seed 002 Section 2
 * formalises (deletion error, Definition 1, Eq. 1; insertion error, Definition 3, Eq. 4).
 *
 * <p>Features are ordered by the attribution ({@link Ranking}, ties by index); S_k is the set of the
 * first k. With a reference r (seed 002 uses r = 0):
 *
 * <ul>
 *   <li>insertion: x_k has x0's values on S_k and r's elsewhere (x_0 = r, x_d = x0); curve value
 *       f(x_k); error at k: InsErr(α, S_k) = |f(x_k) − f(r) − Σ_{i∈S_k} α_i|;
 *   <li>deletion: x_k has r's values on S_k and x0's elsewhere (x_0 = x0, x_d = r); curve value
 *       f(x_k); error at k: DelErr(α, S_k) = |f(x0) − f(x_k) − Σ_{i∈S_k} α_i|.
 * </ul>
 *
 * <p>The area under a curve is the trapezoid rule over k = 0..d with unit spacing,
 * AUC = Σ_{k=0}^{d−1} (c_k + c_{k+1}) / 2; {@link Curve#normalisedAuc()} divides by d (the x-axis as
 * the fraction of features). Everything is one complete evaluation of d+1 points through the backend
 * (float64, no sampling).
 */
public final class InsertionDeletion {

  /** Which test. */
  public enum Kind {
    INSERTION,
    DELETION
  }

  /**
   * One curve.
   *
   * @param kind insertion or deletion
   * @param order the 0-based features in the order they were inserted or deleted
   * @param values f(x_k) for k = 0..d
   * @param errors seed 002's InsErr or DelErr of the attribution at S_k, k = 0..d
   * @param provenance complete evaluation in float64
   */
  public record Curve(Kind kind, int[] order, double[] values, double[] errors,
      Provenance provenance) {

    public Curve {
      order = order.clone();
      values = values.clone();
      errors = errors.clone();
    }

    @Override
    public int[] order() {
      return order.clone();
    }

    @Override
    public double[] values() {
      return values.clone();
    }

    @Override
    public double[] errors() {
      return errors.clone();
    }

    /** Trapezoid area over k = 0..d with unit spacing. */
    public double auc() {
      return trapezoid(values);
    }

    /** {@link #auc()} / d: the area with the x-axis as the fraction of features. */
    public double normalisedAuc() {
      return auc() / (values.length - 1);
    }
  }

  private InsertionDeletion() {}

  /** Σ_{k=0}^{n−2} (c_k + c_{k+1}) / 2. */
  static double trapezoid(double[] c) {
    double s = 0;
    for (int k = 0; k + 1 < c.length; k++) {
      s += (c[k] + c[k + 1]) / 2;
    }
    return s;
  }

  /**
   * The insertion or deletion curve of attribution a for f at x0 against reference r.
   *
   * @throws IllegalArgumentException for mismatched dimensions
   */
  public static Curve curve(Kind kind, Model f, double[] x0, double[] reference, Attribution a,
      Ranking ranking, Backend backend) {
    int d = f.dimension();
    if (x0.length != d || reference.length != d || a.dimension() != d) {
      throw new IllegalArgumentException("dimensions differ: model " + d + ", point " + x0.length
          + ", reference " + reference.length + ", explanation " + a.dimension());
    }
    if (d < 1) {
      throw new IllegalArgumentException("the model has no features");
    }
    double[] w = a.values();
    int[] order = ranking.order(w);
    double[] start = kind == Kind.INSERTION ? reference : x0;
    double[] target = kind == Kind.INSERTION ? x0 : reference;
    double[] rows = new double[(d + 1) * d];
    double[] cur = start.clone();
    for (int k = 0; k <= d; k++) {
      if (k > 0) {
        cur[order[k - 1]] = target[order[k - 1]];
      }
      System.arraycopy(cur, 0, rows, k * d, d);
    }
    double[] values = backend.evaluate(f, rows, d + 1);
    double[] errors = new double[d + 1];
    double sum = 0;
    for (int k = 0; k <= d; k++) {
      if (k > 0) {
        sum += w[order[k - 1]];
      }
      errors[k] = kind == Kind.INSERTION ? Math.abs(values[k] - values[0] - sum)
          : Math.abs(values[0] - values[k] - sum);
    }
    String how = (kind == Kind.INSERTION ? "insertion into" : "deletion towards")
        + " the reference, features ranked by " + ranking.name().toLowerCase()
        + " (seed 002 Definitions 1 and 3)";
    return new Curve(kind, order, values, errors, Provenance.float64(how));
  }
}
