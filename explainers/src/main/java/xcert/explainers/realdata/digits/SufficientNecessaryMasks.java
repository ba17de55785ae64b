package xcert.explainers.realdata.digits;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.exact.RestrictedPredictionTable;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.exact.SufficiencyNecessity;
import xcert.solvers.setfunction.Rho;

/**
 * Seed 004 Section 6.2.1 on one digit: masks from attributions, normalised and thresholded as 004
 * Section 6.2 says, against the exact optima of (P_suf), (P_nec) and (P_uni) over the 16 superpixels.
 *
 * <p>f_S(x) = g(1_S): the superpixels outside S take the reference (the point mass at the rounded mean
 * image, as 004 §6.2.1 masks to "the mean image"); ρ = |·| on the logit of the predicted class.
 * Δsuf(S) = |g(1) − g(1_S)|, Δnec(S) = |g(1_{S^c}) − g(0)|, Δuni = ½Δsuf + ½Δnec, all divided here by
 * the baseline gap |g(1) − g(0)| so that 0 is perfect and 1 is as bad as the empty set (Δsuf) or the
 * full set removed (Δnec).
 *
 * <p>Normalisation (004 §6.2): the top 1% of the nonzero scores (at least one score) are set to 1 and
 * the others divided by the smallest of them; here 1% of at most 16 scores is always the single top
 * score. A threshold t gives the mask {i : ã_i ≥ t and ã_i > 0} (signed scores: negative relevance,
 * evidence against the class, is never kept).
 */
public final class SufficientNecessaryMasks {

  public static final double[] THRESHOLDS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

  private SufficientNecessaryMasks() {}

  /** One thresholded mask and its exact scores, relative to the baseline gap. */
  public record Mask(String method, double threshold, int set, int size, double suf, double nec,
      double optSuf, double optNec, double optUni, double uni) {}

  /** Results on one image: every (method, threshold) mask, and the exact optima by size τ. */
  public record Result(MaskedDigit image, double gap, List<Mask> masks, double[] optSuf,
      double[] optNec, double[] optUni) {}

  /** The 004 normalisation of a score vector: top score → 1, the rest ÷ the top score. */
  public static double[] normalise(double[] a) {
    int nonzero = 0;
    for (double v : a) {
      nonzero += v != 0 ? 1 : 0;
    }
    double[] out = new double[a.length];
    if (nonzero == 0) {
      return out;
    }
    int top = Math.max(1, (int) Math.ceil(0.01 * nonzero));
    double[] sorted = a.clone();
    java.util.Arrays.sort(sorted);
    double min = sorted[a.length - top];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] >= min ? 1 : a[i] / min;
    }
    return out;
  }

  /** The mask of threshold t over normalised scores. */
  public static int threshold(double[] normalised, double t) {
    int s = 0;
    for (int i = 0; i < normalised.length; i++) {
      if (normalised[i] > 0 && normalised[i] >= t) {
        s |= 1 << i;
      }
    }
    return s;
  }

  /** The exact sufficiency/necessity of {@code img} (point mass at the reference). */
  public static SufficiencyNecessity exact(MaskedDigit img) {
    RestrictedPredictionTable t = RestrictedPredictions.table(img.g(), MaskedDigit.ones(),
        ProductDistribution.pointMass(MaskedDigit.zeros()), Arithmetic.EXACT);
    return SufficiencyNecessity.of(t, Rho.ABS);
  }

  public static Result run(MaskedDigit img, Map<String, double[]> attributions) {
    SufficiencyNecessity sn = exact(img);
    int d = MaskedDigit.D;
    BigFraction gap = sn.baselineGap().exact();
    double g = gap.doubleValue();
    double[] optSuf = new double[d + 1];
    double[] optNec = new double[d + 1];
    double[] optUni = new double[d + 1];
    BigFraction half = BigFraction.of(1, 2);
    for (int tau = 0; tau <= d; tau++) {
      optSuf[tau] = rel(sn.solveSufficiency(tau).value().exact(), gap);
      optNec[tau] = rel(sn.solveNecessity(tau).value().exact(), gap);
      optUni[tau] = rel(sn.solveUnified(half, tau).value().exact(), gap);
    }
    List<Mask> masks = new ArrayList<>();
    for (Map.Entry<String, double[]> e : attributions.entrySet()) {
      double[] a = normalise(e.getValue());
      for (double t : THRESHOLDS) {
        int s = threshold(a, t);
        int k = Integer.bitCount(s);
        double suf = rel(sn.deltaSuf().exactAt(s), gap);
        double nec = rel(sn.deltaNec().exactAt(s), gap);
        masks.add(new Mask(e.getKey(), t, s, k, suf, nec, optSuf[k], optNec[k], optUni[k],
            (suf + nec) / 2));
      }
    }
    return new Result(img, g, masks, optSuf, optNec, optUni);
  }

  private static double rel(BigFraction v, BigFraction gap) {
    return gap.signum() == 0 ? 0 : v.divide(gap).doubleValue();
  }
}
