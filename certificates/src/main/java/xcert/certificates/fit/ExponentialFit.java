package xcert.certificates.fit;

/**
 * The curve forms of seed 002 Figure 2 and Appendix A.3, fitted as the paper describes: DelErr(d) =
 * e^{γ1 d + γ0} by least squares on ln y ("a linear model to the log transform of the output"), and
 * InsErr(d) = e^{λ2 d + λ1} + λ0 by the same fit of ln(y − λ0) for each λ0 of a grid ("a grid search over
 * the auxiliary bias term"), keeping the λ0 of least mean relative absolute error |y − ŷ|/y, the
 * error measure the paper reports (0.008 and 0.106).
 *
 * @param slope γ1 or λ2
 * @param intercept γ0 or λ1
 * @param offset λ0 (0 for the pure exponential)
 * @param relativeError mean |y − ŷ| / y over the fitted points
 */
public record ExponentialFit(double slope, double intercept, double offset, double relativeError) {

  /** The paper's Theorem 1 / Figure 2a fit of the minimum deletion error of monomials. */
  public static final ExponentialFit PAPER_DELETION = new ExponentialFit(0.664, -1.159, 0, 0.008);

  /** The paper's Figure 2b fit of the minimum insertion error of binomials. */
  public static final ExponentialFit PAPER_INSERTION_FIGURE = new ExponentialFit(0.198, 1.332,
      4.778, 0.106);

  /** The paper's Theorem 2 (Appendix A) fit: a different triple from Figure 2b's. */
  public static final ExponentialFit PAPER_INSERTION_APPENDIX = new ExponentialFit(0.217, 1.010,
      2.778, 0.106);

  /** e^{slope·d + intercept} + offset. */
  public double at(double d) {
    return Math.exp(slope * d + intercept) + offset;
  }

  /** Least squares of ln(y − offset) on d. */
  public static ExponentialFit logLinear(double[] d, double[] y, double offset) {
    int n = d.length;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      double ly = Math.log(y[i] - offset);
      sx += d[i];
      sy += ly;
      sxx += d[i] * d[i];
      sxy += d[i] * ly;
    }
    double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    double intercept = (sy - slope * sx) / n;
    ExponentialFit f = new ExponentialFit(slope, intercept, offset, 0);
    return new ExponentialFit(slope, intercept, offset, f.relativeError(d, y));
  }

  /** The pure exponential e^{γ1 d + γ0}. */
  public static ExponentialFit exponential(double[] d, double[] y) {
    return logLinear(d, y, 0);
  }

  /** e^{λ2 d + λ1} + λ0 with λ0 from a grid of step 0.001 below min y, refined by a finer grid. */
  public static ExponentialFit offsetExponential(double[] d, double[] y) {
    double min = Double.POSITIVE_INFINITY;
    for (double v : y) {
      min = Math.min(min, v);
    }
    ExponentialFit best = exponential(d, y);
    double lo = -Math.max(10, 2 * Math.abs(min));
    for (int pass = 0; pass < 2; pass++) {
      double step = pass == 0 ? 1e-3 : 1e-6;
      double from = pass == 0 ? lo : best.offset - 2e-3;
      double to = pass == 0 ? min - 1e-9 : Math.min(best.offset + 2e-3, min - 1e-9);
      for (double b = from; b < to; b += step) {
        ExponentialFit f = logLinear(d, y, b);
        if (f.relativeError < best.relativeError) {
          best = f;
        }
      }
    }
    return best;
  }

  /** Mean |y − ŷ| / y. */
  public double relativeError(double[] d, double[] y) {
    double s = 0;
    for (int i = 0; i < d.length; i++) {
      s += Math.abs(y[i] - at(d[i])) / y[i];
    }
    return s / d.length;
  }

  /**
   * The relative absolute error RAE = Σ|y − ŷ| / Σ|y − ȳ| (ȳ the mean of y), the standard measure of
   * that name; the reading under which the refit to seed 002's certified deletion optima gives the
   * paper's "relative absolute error of 0.008".
   */
  public double relativeAbsoluteError(double[] d, double[] y) {
    double mean = 0;
    for (double v : y) {
      mean += v / y.length;
    }
    double num = 0;
    double den = 0;
    for (int i = 0; i < d.length; i++) {
      num += Math.abs(y[i] - at(d[i]));
      den += Math.abs(y[i] - mean);
    }
    return num / den;
  }
}
