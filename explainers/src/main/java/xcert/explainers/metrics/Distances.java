package xcert.explainers.metrics;

/**
 * Distances between two explanations and the fit of an explanation to a model (seed 000 Section 4 and seed 001 Section 5,
 * "Metrics"; R² is the local-fidelity score that seed 001 Section 5.2 and Figure 4b report for LIME).
 */
public final class Distances {

  private Distances() {}

  /** ‖u − v‖₁. */
  public static double l1(double[] u, double[] v) {
    sameLength(u, v, "explanations");
    double s = 0;
    for (int i = 0; i < u.length; i++) {
      s += Math.abs(u[i] - v[i]);
    }
    return s;
  }

  /**
   * The cosine distance 1 − u·v / (‖u‖₂‖v‖₂), in [0, 2]. When one vector is zero the angle is
   * undefined; by convention the distance is then 0 if both are zero (identical explanations) and 1 if
   * only one is (a zero explanation is taken as orthogonal to every non-zero one).
   */
  public static double cosine(double[] u, double[] v) {
    sameLength(u, v, "explanations");
    double dot = 0;
    double nu = 0;
    double nv = 0;
    for (int i = 0; i < u.length; i++) {
      dot += u[i] * v[i];
      nu += u[i] * u[i];
      nv += v[i] * v[i];
    }
    if (nu == 0 || nv == 0) {
      return nu == 0 && nv == 0 ? 0.0 : 1.0;
    }
    double c = dot / (Math.sqrt(nu) * Math.sqrt(nv));
    return 1 - Math.max(-1, Math.min(1, c));
  }

  /**
   * The coefficient of determination of predictions g against targets f on a sample:
   * R² = 1 − Σ(f_i − g_i)² / Σ(f_i − f̄)². When f is constant on the sample the ratio is undefined:
   * R² is then 1 if g matches f exactly and NaN otherwise.
   *
   * @throws IllegalArgumentException for mismatched lengths or an empty sample
   */
  public static double rSquared(double[] f, double[] g) {
    sameLength(f, g, "samples");
    if (f.length == 0) {
      throw new IllegalArgumentException("R² needs at least one sample point");
    }
    double mean = 0;
    for (double v : f) {
      mean += v;
    }
    mean /= f.length;
    double res = 0;
    double tot = 0;
    for (int i = 0; i < f.length; i++) {
      res += (f[i] - g[i]) * (f[i] - g[i]);
      tot += (f[i] - mean) * (f[i] - mean);
    }
    if (tot == 0) {
      return res == 0 ? 1.0 : Double.NaN;
    }
    return 1 - res / tot;
  }

  static void sameLength(double[] u, double[] v, String what) {
    if (u.length != v.length) {
      throw new IllegalArgumentException("the " + what + " have different lengths: " + u.length
          + " and " + v.length);
    }
  }
}
