package xcert.explainers.sop;

import java.util.function.ToDoubleFunction;

/**
 * Grouped insertion and deletion (seed 002 Appendix C.3.2): groups are inserted into the reference
 * (insertion) or deleted from x towards it (deletion) one group at a time in the given order; "if the
 * features to remove overlaps with already deleted features, we only remove what has not been
 * removed". Step k has the union of the first k groups changed; the curve is f at each step, k =
 * 0..G, and its area is the trapezoid rule with unit spacing (as {@code InsertionDeletion}).
 */
public final class GroupedCurves {

  /**
   * One curve.
   *
   * @param values f at steps 0..G
   * @param changed how many features the step changed (0 where the group was already covered)
   */
  public record Curve(double[] values, int[] changed) {
    /** Trapezoid area over the steps, unit spacing. */
    public double auc() {
      double s = 0;
      for (int k = 0; k + 1 < values.length; k++) {
        s += (values[k] + values[k + 1]) / 2;
      }
      return s;
    }
  }

  private GroupedCurves() {}

  /**
   * The grouped curve.
   *
   * @param insertion insertion into the reference (else deletion towards it)
   * @param groups bit masks of the groups, in the order they are inserted or deleted
   */
  public static Curve curve(boolean insertion, ToDoubleFunction<double[]> f, double[] x,
      double[] reference, long[] groups) {
    int d = x.length;
    double[] cur = (insertion ? reference : x).clone();
    double[] target = insertion ? x : reference;
    double[] values = new double[groups.length + 1];
    int[] changed = new int[groups.length + 1];
    values[0] = f.applyAsDouble(cur.clone());
    long done = 0;
    for (int k = 0; k < groups.length; k++) {
      long fresh = groups[k] & ~done;
      for (int i = 0; i < d; i++) {
        if ((fresh >>> i & 1) == 1) {
          cur[i] = target[i];
        }
      }
      done |= groups[k];
      changed[k + 1] = Long.bitCount(fresh);
      values[k + 1] = f.applyAsDouble(cur.clone());
    }
    return new Curve(values, changed);
  }
}
