package xcert.explainers.sop;

/**
 * Seed 002's group sparsity (Appendix C.3.3) and group intensity (Appendix D).
 *
 * <ul>
 *   <li>sparsity as printed: Σ_i |S_i|·1(c_i ≥ 0) / |X|; as the text says it ("average the count for
 *       all groups with non-zero group score c_i", reported as "around 60% nonzeros"): the mean over
 *       the groups with c_i ≠ 0 of |S_i| / |X|;
 *   <li>Intensity(x, S) = (1/|S|) Σ_{i: S_i &gt; 0} x_i with |S| the number of features with S_i &gt;
 *       0; a group is a cluster when Intensity ≥ 3σ and a void when Intensity &lt; 0 (App. D; §5 says
 *       ≤ 0), σ the map's standard deviation.
 * </ul>
 */
public final class GroupMetrics {

  private GroupMetrics() {}

  /** Σ_i |S_i|·1(c_i ≥ 0) / d, as printed (|S_i| counts the features with S_i &gt; 0). */
  public static double sparsityAsPrinted(double[][] groups, double[] scores) {
    double s = 0;
    for (int i = 0; i < groups.length; i++) {
      s += scores[i] >= 0 ? support(groups[i]) : 0;
    }
    return s / groups[0].length;
  }

  /** The mean of |S_i|/d over the groups with c_i ≠ 0 (NaN when there are none). */
  public static double sparsityAsDescribed(double[][] groups, double[] scores) {
    double s = 0;
    int n = 0;
    for (int i = 0; i < groups.length; i++) {
      if (scores[i] != 0) {
        s += support(groups[i]);
        n++;
      }
    }
    return s / n / groups[0].length;
  }

  /** The number of features with S_i &gt; 0. */
  public static int support(double[] group) {
    int n = 0;
    for (double v : group) {
      n += v > 0 ? 1 : 0;
    }
    return n;
  }

  /** (1/|S|) Σ_{i: S_i &gt; 0} x_i. */
  public static double intensity(double[] x, double[] group) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += group[i] > 0 ? x[i] : 0;
    }
    return s / support(group);
  }
}
