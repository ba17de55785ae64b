package xcert.explainers.oracle.bounds;

/**
 * A sharper, per-feature form of {@link RegressionDeviation}: each feature's error is a linear
 * functional fᵀ(θ̂ − θ) of the fit's error, bounded through its first-order term with a scalar
 * Bernstein inequality, plus a second-order remainder.
 *
 * <p>With G = Σ_j X_j + R₀ (R₀ ⪰ 0, ‖R₀h‖ ≤ ρ_f), M = m·E X and GΔ = S + b (Δ = θ̂ − θ), Δ =
 * M⁻¹(S + b) − M⁻¹(G − M)Δ, so for a functional f with h = (E X)⁻¹f (M⁻¹ symmetric):
 * |fᵀΔ| ≤ (|Σ_j hᵀU_j| + ‖h‖β + (‖Σ_j (X_j − E X)h‖ + ρ_f)·‖Δ‖)/m. Three kinds of events, with
 * failure probabilities δ₁ + δ₂ + δ₃ = δ:
 *
 * <ul>
 *   <li>‖Δ‖ ≤ the bound of {@link RegressionDeviation} at level δ₁;
 *   <li>|Σ_j hᵀU_j| ≤ t_f for each of the k functionals: scalar Bernstein or Hoeffding,
 *       2exp(−t²/(2(mv + at/3))) with a = max |hᵀU| and v = E(hᵀU)², union over the k at level δ₂;
 *   <li>‖Σ_j (X_j − E X)h‖ ≤ u_f for each functional: Bernstein or Hoeffding in Hilbert space
 *       (Pinelis 1994, Theorems 3.4, 3.5) with range max ‖Xh‖ + ‖f‖ and variance E‖Xh‖² − ‖f‖²,
 *       union over the k at level δ₃.
 * </ul>
 *
 * The first term falls like 1/√m, the others like 1/m. The split of δ is chosen on a fixed grid to
 * make the largest half-width least; every choice depends on population quantities only, so the
 * result is a bound at level δ.
 */
public final class CoordinateDeviation {

  private CoordinateDeviation() {}

  /**
   * The population quantities of one functional f (all upper bounds).
   *
   * @param range max |hᵀU|
   * @param variance E(hᵀU)²
   * @param norm ‖h‖₂
   * @param gramRange max ‖(X − E X)h‖
   * @param gramVariance E‖(X − E X)h‖²
   * @param rest ‖R₀h‖
   */
  public record Functional(double range, double variance, double norm, double gramRange,
      double gramVariance, double rest) {}

  /**
   * The half-width of every functional, or null when no split of δ gives a finite bound.
   *
   * @param q the population quantities of one term
   * @param m the number of independent terms
   * @param beta the bound on the deterministic part b of the moment
   */
  public static double[] bound(RegressionDeviation.Terms q, long m, double beta,
      Functional[] f, double delta) {
    int k = f.length;
    double[] best = null;
    double bestMax = Double.POSITIVE_INFINITY;
    double[] fractions = {0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5};
    for (double f1 : fractions) {
      RegressionDeviation.Result r = RegressionDeviation.bound(q, m, beta, f1 * delta);
      if (r.vacuous()) {
        continue;
      }
      for (double f2 : fractions) {
        double d3 = delta * (1 - f1 - f2);
        if (!(d3 > 0)) {
          continue;
        }
        double l2 = Math.log(2.0 * k / (f2 * delta));
        double l3 = Math.log(2.0 * k / d3);
        double[] out = new double[k];
        double max = 0;
        for (int i = 0; i < k; i++) {
          Functional g = f[i];
          double t = Math.min(g.range() * Math.sqrt(2 * m * l2),
              bernstein(g.range(), m * g.variance(), l2));
          double u = Math.min(g.gramRange() * Math.sqrt(2 * m * l3),
              bernstein(g.gramRange(), m * g.gramVariance(), l3));
          out[i] = (t + g.norm() * beta + (u + g.rest()) * r.bound()) / m;
          max = Math.max(max, out[i]);
        }
        if (max < bestMax) {
          bestMax = max;
          best = out;
        }
      }
    }
    return best;
  }

  /** The t with t²/(2(variance + range·t/3)) = log: Bernstein's deviation at that level. */
  static double bernstein(double range, double variance, double log) {
    double r = range * log / 3;
    return r + Math.sqrt(r * r + 2 * variance * log);
  }

  /** The inverse of a small symmetric positive definite matrix (Gauss–Jordan, partial pivoting). */
  static double[][] inverse(double[][] a0) {
    int n = a0.length;
    double[][] a = new double[n][2 * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a0[i], 0, a[i], 0, n);
      a[i][n + i] = 1;
    }
    for (int c = 0; c < n; c++) {
      int piv = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
          piv = r;
        }
      }
      double[] t = a[c];
      a[c] = a[piv];
      a[piv] = t;
      double p = a[c][c];
      for (int j = 0; j < 2 * n; j++) {
        a[c][j] /= p;
      }
      for (int r = 0; r < n; r++) {
        if (r != c && a[r][c] != 0) {
          double f = a[r][c];
          for (int j = 0; j < 2 * n; j++) {
            a[r][j] -= f * a[c][j];
          }
        }
      }
    }
    double[][] inv = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], n, inv[i], 0, n);
    }
    return inv;
  }
}
