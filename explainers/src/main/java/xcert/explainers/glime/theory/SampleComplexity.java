package xcert.explainers.glime.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The number of samples LIME and GLIME-Binomial actually need, measured like for like (seed 001
 * Section 4.1, Theorems 4.1–4.2, Corollary 4.3): the same masked model y(z) on {0,1}^d, the same
 * kernel width σ, the same ridge strength, no intercept (g = vᵀz as in the proofs of Appendix B).
 *
 * <ul>
 *   <li>LIME (Eq. 1, Theorem B.1): z ~ Uni({0,1}^d), weight π(z) = e^{−(d−|z|)/σ²};
 *   <li>GLIME-Binomial (Eq. 3): z_i ~ Bernoulli(1/(1 + e^{−1/σ²})) independently, weight 1.
 * </ul>
 *
 * <p>The penalty is either LIME's implementation scale (Remark 2.1, the Σ_n of Theorem B.1): a
 * fixed α on the sum, Σ π z zᵀ + αI, i.e. λ = α/n → 0, so both estimators tend to the same limit
 * w = (E_Uni[π z zᵀ])⁻¹E_Uni[π z y] = (E_P̃[z zᵀ])⁻¹E_P̃[z y] (seed 001 B.1–B.2); or a fixed λ on
 * the expectation scale (the Σ of Theorem B.2), whose limit is (E[w z zᵀ] + λI)⁻¹E[w z y].
 *
 * <p>For each n of a grid (n_j = ⌈16·2^{j/4}⌉) the success rate of ‖ŵ_n − w‖₂ &lt; ε over
 * {@code reps} independent streams is counted; the samples of a stream are nested (the n_{j+1}
 * samples extend the n_j ones), which leaves each n's success rate an unbiased estimate of
 * P(‖ŵ_n − w‖ &lt; ε). The samples needed are the first n of the grid whose rate is ≥ 1 − δ.
 * Masks are drawn as indices into the 2^d masks (uniform, or by inversion of the cumulative
 * product-Bernoulli distribution), so a stream is a vector of counts per mask.
 */
public final class SampleComplexity {

  private SampleComplexity() {}

  /** Which estimator. */
  public enum Method {
    LIME, GLIME_BINOMIAL
  }

  /** How the ridge penalty scales with n. */
  public enum Penalty {
    /** α fixed on the sum (LIME's Ridge(α), λ = α/n). */
    SUM,
    /** λ fixed on the expectation (Theorem B.2's Σ). */
    EXPECTATION
  }

  /**
   * One measurement's settings.
   *
   * @param d features
   * @param sigma kernel width σ
   * @param penalty the scale of {@code strength}
   * @param strength α (SUM) or λ (EXPECTATION), &gt; 0
   * @param epsRelative ε as a fraction of ‖w‖₂
   * @param delta the failure probability δ
   * @param reps independent streams
   * @param nMax the largest n tried
   * @param seed the seed of the streams
   */
  public record Setting(int d, double sigma, Penalty penalty, double strength, double epsRelative,
      double delta, int reps, long nMax, long seed) {}

  /**
   * One result.
   *
   * @param needed the first n of the grid with success rate ≥ 1 − δ, or −1 when none up to nMax
   * @param successes successes at that n (at nMax when none)
   * @param wilsonLow the 95% Wilson lower bound on P(‖ŵ − w‖ &lt; ε) at that n
   * @param eps the absolute ε
   * @param limitNorm ‖w‖₂
   */
  public record Outcome(Method method, Setting setting, long needed, int successes,
      double wilsonLow, double wilsonHigh, double eps, double limitNorm) {

    public String describe() {
      return String.format(java.util.Locale.ROOT, "%s d=%d σ=%s: n=%s (%d/%d within ε=%.3g, "
          + "95%% Wilson [%.3f, %.3f])", method == Method.LIME ? "LIME" : "GLIME-Binomial",
          setting.d(), setting.sigma(), needed < 0 ? ">" + setting.nMax() : Long.toString(needed),
          successes, setting.reps(), eps, wilsonLow, wilsonHigh);
    }
  }

  /** A masked model y(z) ∈ [0, 1] for the 2^d masks, uniform draws from the seed. */
  public static double[] randomModel(int d, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] y = new double[1 << d];
    for (int m = 0; m < y.length; m++) {
      y[m] = r.nextDouble();
    }
    return y;
  }

  /** The per-mask weight of an estimator: π(z) for LIME, 1 for GLIME-Binomial. */
  static double weight(Method m, int d, int k, double sigma) {
    return m == Method.LIME ? Math.exp(-(d - k) / (sigma * sigma)) : 1;
  }

  /** The sampling probability of each mask. */
  static double[] maskProbabilities(Method m, int d, double sigma) {
    double[] p = new double[1 << d];
    double q = 1 / (1 + Math.exp(-1 / (sigma * sigma)));
    for (int mask = 0; mask < p.length; mask++) {
      int k = Integer.bitCount(mask);
      p[mask] = m == Method.LIME ? Math.pow(0.5, d) : Math.pow(q, k) * Math.pow(1 - q, d - k);
    }
    return p;
  }

  /**
   * The limit: (E[w z zᵀ] + λI)⁻¹E[w z y] by enumerating the 2^d masks (λ = 0 for the SUM
   * penalty).
   */
  public static double[] limit(Method m, int d, double sigma, double[] y, double lambda) {
    double[] p = maskProbabilities(m, d, sigma);
    double[] c = new double[p.length];
    for (int mask = 0; mask < p.length; mask++) {
      c[mask] = p[mask] * weight(m, d, Integer.bitCount(mask), sigma);
    }
    return solveCounts(d, c, y, lambda);
  }

  /** (Σ_m c_m z_m z_mᵀ + ridge·I)⁻¹ Σ_m c_m z_m y_m. */
  static double[] solveCounts(int d, double[] c, double[] y, double ridge) {
    double[] a = new double[d * d];
    double[] b = new double[d];
    for (int mask = 0; mask < c.length; mask++) {
      if (c[mask] == 0) {
        continue;
      }
      for (int i = 0; i < d; i++) {
        if ((mask >> i & 1) == 0) {
          continue;
        }
        b[i] += c[mask] * y[mask];
        for (int j = 0; j < d; j++) {
          if ((mask >> j & 1) != 0) {
            a[i * d + j] += c[mask];
          }
        }
      }
    }
    for (int i = 0; i < d; i++) {
      a[i * d + i] += ridge;
    }
    return solve(a, b, d);
  }

  /** {@link xcert.solvers.linalg.FloatLinearSolver}; NaNs for a singular system. */
  static double[] solve(double[] a, double[] b, int d) {
    try {
      return xcert.solvers.linalg.FloatLinearSolver.solve(a, b, 0);
    } catch (xcert.solvers.linalg.FloatLinearSolver.SingularSystemException e) {
      double[] nan = new double[d];
      java.util.Arrays.fill(nan, Double.NaN);
      return nan;
    }
  }

  /** The grid n_j = ⌈16·2^{j/4}⌉ up to nMax. */
  public static List<Long> grid(long nMax) {
    List<Long> g = new ArrayList<>();
    for (int j = 0; ; j++) {
      long n = (long) Math.ceil(16 * Math.pow(2, j / 4.0));
      if (n > nMax) {
        return g;
      }
      g.add(n);
    }
  }

  /** Runs one estimator on the model y. */
  public static Outcome run(Method method, Setting s, double[] y) {
    int d = s.d();
    int masks = 1 << d;
    double lambdaLimit = s.penalty() == Penalty.SUM ? 0 : s.strength();
    double[] w = limit(method, d, s.sigma(), y, lambdaLimit);
    double norm = norm(w);
    double eps = s.epsRelative() * norm;
    double[] cdf = new double[masks];
    double[] p = maskProbabilities(method, d, s.sigma());
    double acc = 0;
    for (int m = 0; m < masks; m++) {
      acc += p[m];
      cdf[m] = acc;
    }
    double[] kernel = new double[masks];
    for (int m = 0; m < masks; m++) {
      kernel[m] = weight(method, d, Integer.bitCount(m), s.sigma());
    }
    SplittableRandom root = new SplittableRandom(s.seed() ^ (method.ordinal() * 0x9E3779B97F4A7C15L)
        ^ ((long) d << 40) ^ Double.doubleToLongBits(s.sigma()));
    SplittableRandom[] rng = new SplittableRandom[s.reps()];
    long[][] counts = new long[s.reps()][masks];
    for (int r = 0; r < s.reps(); r++) {
      rng[r] = root.split();
    }
    long drawn = 0;
    int successes = 0;
    double[] c = new double[masks];
    for (long n : grid(s.nMax())) {
      for (int r = 0; r < s.reps(); r++) {
        long[] cnt = counts[r];
        SplittableRandom g = rng[r];
        for (long i = drawn; i < n; i++) {
          int m;
          if (method == Method.LIME) {
            m = g.nextInt(masks);
          } else {
            double u = g.nextDouble() * acc;
            int lo = 0;
            int hi = masks - 1;
            while (lo < hi) {
              int mid = (lo + hi) >>> 1;
              if (cdf[mid] > u) {
                hi = mid;
              } else {
                lo = mid + 1;
              }
            }
            m = lo;
          }
          cnt[m]++;
        }
      }
      drawn = n;
      successes = 0;
      double ridge = s.penalty() == Penalty.SUM ? s.strength() : s.strength() * n;
      for (int r = 0; r < s.reps(); r++) {
        for (int m = 0; m < masks; m++) {
          c[m] = counts[r][m] * kernel[m];
        }
        double[] est = solveCounts(d, c, y, ridge);
        double err = 0;
        for (int i = 0; i < d; i++) {
          err += (est[i] - w[i]) * (est[i] - w[i]);
        }
        if (Math.sqrt(err) < eps) {
          successes++;
        }
      }
      if (successes >= (1 - s.delta()) * s.reps()) {
        double[] ci = wilson(successes, s.reps());
        return new Outcome(method, s, n, successes, ci[0], ci[1], eps, norm);
      }
    }
    double[] ci = wilson(successes, s.reps());
    return new Outcome(method, s, -1, successes, ci[0], ci[1], eps, norm);
  }

  /** The 95% Wilson score interval of k successes in n trials. */
  public static double[] wilson(int k, int n) {
    double z = 1.959963984540054;
    double ph = k / (double) n;
    double den = 1 + z * z / n;
    double centre = (ph + z * z / (2.0 * n)) / den;
    double half = z * Math.sqrt(ph * (1 - ph) / n + z * z / (4.0 * n * n)) / den;
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  /**
   * The trace of the asymptotic covariance of √n(ŵ − w) for the λ → 0 estimator, by enumeration:
   * with A = E[ω z zᵀ] (ω = π under Uni for LIME, 1 under P̃ for GLIME-Binomial) and the residual
   * r(z) = y(z) − wᵀz at the common limit, the influence of one sample is A⁻¹ω z r, so the trace is
   * E[ω² r² zᵀA⁻²z]. The ratio of the two traces is the ratio of the samples the two estimators
   * need once the ridge no longer matters (the variance-limited regime).
   */
  public static double asymptoticVarianceTrace(Method m, int d, double sigma, double[] y) {
    double[] p = maskProbabilities(m, d, sigma);
    double[] w = limit(m, d, sigma, y, 0);
    double[] a = new double[d * d];
    for (int mask = 0; mask < p.length; mask++) {
      double c = p[mask] * weight(m, d, Integer.bitCount(mask), sigma);
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          if ((mask >> i & 1) != 0 && (mask >> j & 1) != 0) {
            a[i * d + j] += c;
          }
        }
      }
    }
    double trace = 0;
    for (int mask = 0; mask < p.length; mask++) {
      if (mask == 0) {
        continue;
      }
      double[] z = new double[d];
      double r = y[mask];
      for (int i = 0; i < d; i++) {
        z[i] = mask >> i & 1;
        r -= w[i] * z[i];
      }
      double[] u = solve(a.clone(), z, d);
      double om = weight(m, d, Integer.bitCount(mask), sigma);
      trace += p[mask] * om * om * r * r * dot(u, u);
    }
    return trace;
  }

  private static double dot(double[] u, double[] v) {
    double s = 0;
    for (int i = 0; i < u.length; i++) {
      s += u[i] * v[i];
    }
    return s;
  }
}
