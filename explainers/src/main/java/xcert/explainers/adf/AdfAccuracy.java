package xcert.explainers.adf;

import xcert.solvers.linalg.FloatLinearSolver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.model.ReluNetwork;

/**
 * How close the ADF output moments of seed 003 Section 4.3 come to the exact moments of the score
 * Φ(y) when y = x ⊙ s + n ⊙ (1 − s) and n ~ V is discrete (seed 003 Eq. (2)): the input moments are
 * exact (enumerated), each mode propagates them, and the output mean, variance and distortion
 * D = ½(Φ(x) − EΦ(y))² + ½ VΦ(y) (Eq. (3)) are set beside those of a complete enumeration. Every
 * number is float64; the enumeration is complete, so the "exact" side is exact up to rounding.
 */
public final class AdfAccuracy {

  private AdfAccuracy() {}

  /**
   * The errors of one mode on one instance.
   *
   * @param meanError |E_adf − E| of the output, relative to the exact standard deviation
   * @param varianceError |V_adf − V| / V of the output
   * @param distortionError |D_adf − D| / D
   */
  public record Errors(CovarianceKind kind, double meanError, double varianceError,
      double distortionError) {}

  /**
   * The three modes (the low-rank factor at full rank d, which propagates Eq. (6) like the full mode
   * but only through the factor) on one network, point, map s and V.
   */
  public static List<Errors> of(ReluNetwork score, double[] x, double[] s, ReferenceDistribution v) {
    WeightedPoints y = WeightedPoints.obfuscation(x, s, v);
    AdfPropagation.Trace exact = ExactMoments.of(score, y);
    Moments in = ExactMoments.of(y);
    double em = exact.output().mean(0);
    double ev = exact.output().variance(0);
    double fx = score.score(x);
    double ed = 0.5 * (fx - em) * (fx - em) + 0.5 * ev;
    List<Errors> out = new ArrayList<>();
    for (CovarianceKind k : CovarianceKind.values()) {
      Moments m = switch (k) {
        case DIAGONAL -> Moments.diagonal(in.mean(), in.variances());
        case FULL -> Moments.full(in.mean(), in.covariance());
        case LOW_RANK -> Moments.lowRank(in.mean(), FloatLinearSolver.psdSquareRoot(in.covariance()));
      };
      Moments o = AdfPropagation.propagate(score, m).output();
      double am = o.mean(0);
      double av = o.variance(0);
      double ad = 0.5 * (fx - am) * (fx - am) + 0.5 * av;
      out.add(new Errors(k, relative(Math.abs(am - em), Math.sqrt(ev)),
          relative(Math.abs(av - ev), ev), relative(Math.abs(ad - ed), ed)));
    }
    return out;
  }

  private static double relative(double err, double scale) {
    return scale > 0 ? err / scale : err == 0 ? 0 : Double.POSITIVE_INFINITY;
  }

  /** The median of some values (the mean of the middle two for an even count). */
  public static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
