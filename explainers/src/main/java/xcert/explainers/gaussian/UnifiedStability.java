package xcert.explainers.gaussian;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.exact.Optimum;
import xcert.solvers.exact.SubsetSearch;
import xcert.solvers.setfunction.RealSetFunction;
import xcert.solvers.setfunction.Rho;
import xcert.solvers.setfunction.SetFunction;
import xcert.solvers.setfunction.SetFunctions;
import xcert.solvers.setfunction.Subsets;

/**
 * Seed 004 Section 6.1.1 ("Stability of Unified Solutions", Fig. 1a): for each test point x and
 * budget τ, solve (P_uni) min_{|S| ≤ τ} α·Δsuf(S) + (1−α)·Δnec(S) (Eq. 7, ρ = |a − b|, V the Gaussian
 * conditional) by enumerating all 2^d sets in float64, and report the normalised Hamming distance
 * |S*_α Δ S*_0| / d between the solution at α and at α = 0, averaged over the points, with the 95%
 * confidence interval mean ± 1.96·sd/√n (a normal approximation; sd the sample standard deviation).
 *
 * <p>Ties: when several sets attain the minimum, S*_α is the first in report order (smallest size,
 * then lexicographically smallest feature list). How often that happens is counted, both exactly
 * (equal float64 values) and within a relative tolerance of 1e-9 (near ties, where rounding could
 * have decided the winner).
 */
public final class UnifiedStability {

  /** The relative tolerance of a near tie. */
  public static final double NEAR_TIE = 1e-9;

  /**
   * The stability at one (τ, α).
   *
   * @param tau the budget
   * @param alpha α
   * @param mean the mean normalised Hamming distance over the points
   * @param sd the sample standard deviation (n − 1)
   * @param n the number of points
   * @param low mean − 1.96·sd/√n
   * @param high mean + 1.96·sd/√n
   * @param ties points where (P_uni) at this α had more than one minimiser (equal float64 values)
   * @param nearTies points where a set outside the minimisers came within 1e-9 (relative)
   */
  public record Point(int tau, double alpha, double mean, double sd, int n, double low,
      double high, int ties, int nearTies) {}

  private UnifiedStability() {}

  /** The default α grid 0, 0.05, …, 1 (exact twentieths). */
  public static BigFraction[] alphaGrid() {
    BigFraction[] g = new BigFraction[21];
    for (int k = 0; k <= 20; k++) {
      g[k] = BigFraction.of(k, 20);
    }
    return g;
  }

  /** One point per (τ, α), τ outer, α inner. */
  public static List<Point> run(RegressionSetup setup, int[] taus, BigFraction[] alphas) {
    int d = setup.config().dimension();
    double[][] xs = setup.testPoints();
    int n = xs.length;
    // [tau][alpha][point]
    double[][][] ham = new double[taus.length][alphas.length][n];
    int[][] ties = new int[taus.length][alphas.length];
    int[][] near = new int[taus.length][alphas.length];
    for (int p = 0; p < n; p++) {
      RealSetFunction table = setup.predictions().table(xs[p]);
      SetFunction suf = SetFunctions.distanceFrom(table, Subsets.full(d), Rho.ABS);
      SetFunction nec = SetFunctions.distanceOfComplementToEmpty(table, Rho.ABS);
      for (int t = 0; t < taus.length; t++) {
        int base = -1;
        for (int a = 0; a < alphas.length; a++) {
          SetFunction uni = SetFunctions.convex(suf, nec, alphas[a]);
          Optimum o = SubsetSearch.minimize(uni, taus[t]);
          int s = o.sets()[0];
          if (a == 0 && alphas[0].signum() != 0) {
            throw new IllegalArgumentException("the α grid must start at 0");
          }
          if (a == 0) {
            base = s;
          }
          ham[t][a][p] = Integer.bitCount(s ^ base) / (double) d;
          ties[t][a] += o.count() > 1 ? 1 : 0;
          near[t][a] += nearTie(uni, o, taus[t]) ? 1 : 0;
        }
      }
    }
    List<Point> out = new ArrayList<>();
    for (int t = 0; t < taus.length; t++) {
      for (int a = 0; a < alphas.length; a++) {
        double[] h = ham[t][a];
        double mean = 0;
        for (double v : h) {
          mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : h) {
          ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double half = 1.96 * sd / Math.sqrt(n);
        out.add(new Point(taus[t], alphas[a].doubleValue(), mean, sd, n, mean - half, mean + half,
            ties[t][a], near[t][a]));
      }
    }
    return out;
  }

  private static boolean nearTie(SetFunction g, Optimum o, int tau) {
    double best = o.value().value();
    double tol = NEAR_TIE * Math.max(1, Math.abs(best));
    for (int s = 0; s < g.size(); s++) {
      if (Integer.bitCount(s) <= tau && !o.contains(s) && g.doubleAt(s) - best <= tol) {
        return true;
      }
    }
    return false;
  }
}
