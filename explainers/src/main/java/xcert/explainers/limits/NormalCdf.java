package xcert.explainers.limits;

/**
 * The standard normal distribution function Φ(x) = ½ erfc(−x/√2) in float64, with erfc computed
 * without catastrophic cancellation: for u &lt; 2 by the series erf(u) = (2/√π) e^{−u²}
 * Σ_n 2^n u^{2n+1}/(1·3·…·(2n+1)) (all terms positive), for u ≥ 2 by the continued fraction
 * erfc(u) = e^{−u²}/√π · 1/(u + (1/2)/(u + 1/(u + (3/2)/(u + …)))) evaluated by the modified Lentz
 * method. Relative error about 1e-14 over the whole line (larger only where Φ underflows).
 */
public final class NormalCdf {

  private static final double SQRT_PI = Math.sqrt(Math.PI);

  private NormalCdf() {}

  /** Φ(x), the standard normal distribution function. */
  public static double phi(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    return 0.5 * erfc(-x / Math.sqrt(2));
  }

  static double erfc(double u) {
    if (u < 0) {
      return 2 - erfc(-u);
    }
    if (u < 2) {
      return 1 - erfSeries(u);
    }
    return erfcContinuedFraction(u);
  }

  private static double erfSeries(double u) {
    double u2 = u * u;
    double term = u;
    double sum = u;
    for (int n = 1; n < 200; n++) {
      term *= 2 * u2 / (2 * n + 1);
      sum += term;
      if (term < 1e-17 * sum) {
        break;
      }
    }
    return 2 / SQRT_PI * Math.exp(-u2) * sum;
  }

  private static double erfcContinuedFraction(double u) {
    if (u > 27) {
      return 0;
    }
    // K = u + a1/(u + a2/(u + ...)), a_n = n/2; modified Lentz.
    double tiny = 1e-300;
    double f = u;
    double c = u;
    double dd = 0;
    for (int n = 1; n < 500; n++) {
      double an = n / 2.0;
      dd = u + an * dd;
      dd = Math.abs(dd) < tiny ? tiny : dd;
      c = u + an / c;
      c = Math.abs(c) < tiny ? tiny : c;
      dd = 1 / dd;
      double delta = c * dd;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) {
        break;
      }
    }
    return Math.exp(-u * u) / SQRT_PI / f;
  }
}
