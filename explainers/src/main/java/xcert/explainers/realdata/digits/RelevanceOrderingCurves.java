package xcert.explainers.realdata.digits;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.explainers.metrics.Ranking;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.exact.RateDistortion;
import xcert.solvers.setfunction.SetFunction;

/**
 * Seed 003 Figure 3 (the relevance-ordering test, Section 5) on one digit, against the exact
 * rate–distortion function. Components are the 16 superpixels; "randomising" a component draws it
 * from V, here each superpixel independently kept (z_s = 1) or replaced by the reference (z_s = 0)
 * with probability ½, so D(S) = E_{z_{S^c} ~ V} ½(g(1) − g(1_S, z_{S^c}))² (seed 003 Eq. (3), the
 * pre-softmax score of the predicted class) is an exact average over 2^{16−|S|} masks
 * ({@link RateDistortion}, rationals).
 *
 * <p>An ordering fixes its k top-ranked superpixels (ties by lower index, seed 003 breaks them at
 * random) and its curve is k ↦ D(first k). The exact envelope is D*(k) = min_{|S| ≤ k} D(S), the
 * inverse of R(ε) = min{|S| : D(S) ≤ ε}: no ordering can lie below it. A random ordering's expected
 * curve is the exact mean of D over the sets of size k.
 */
public final class RelevanceOrderingCurves {

  private RelevanceOrderingCurves() {}

  /** V: each superpixel kept or set to the reference with probability ½. */
  public static ProductDistribution noise() {
    return noise(MaskedDigit.D);
  }

  /** V on d superpixels. */
  public static ProductDistribution noise(int d) {
    BigFraction[] p = new BigFraction[d];
    java.util.Arrays.fill(p, BigFraction.of(1, 2));
    return ProductDistribution.bernoulli(p);
  }

  /**
   * The curves of one image.
   *
   * @param dEmpty D(∅), the distortion of a fully random signal (the curves' scale)
   * @param envelope D*(k), k = 0..16, exact
   * @param random the mean of D over |S| = k, k = 0..16, exact
   * @param orderings per attribution: D of its first k superpixels, k = 0..16
   * @param orders per attribution: its order of the superpixels
   */
  public record Result(MaskedDigit image, BigFraction dEmpty, BigFraction[] envelope,
      BigFraction[] random, Map<String, BigFraction[]> orderings, Map<String, int[]> orders) {}

  /**
   * The distortion table D(S) of {@code img}: in rationals ({@link Arithmetic#EXACT}, seconds per
   * image) or float64 (the model values rounded, then the same averages).
   */
  public static SetFunction distortion(MaskedDigit img, Arithmetic arithmetic) {
    return RateDistortion.compute(img.g(), MaskedDigit.ones(), noise(), arithmetic).distortion();
  }

  /** The curves of the given attributions on {@code img} (D computed here). */
  public static Result run(MaskedDigit img, Map<String, double[]> attributions,
      Arithmetic arithmetic) {
    return run(img, distortion(img, arithmetic), attributions);
  }

  /** The curves from a distortion table {@code dist} (exact, or float64 values as rationals). */
  public static Result run(MaskedDigit img, SetFunction dist, Map<String, double[]> attributions) {
    int d = dist.dimension();
    BigFraction[] best = new BigFraction[d + 1];
    BigFraction[] sum = new BigFraction[d + 1];
    for (int k = 0; k <= d; k++) {
      sum[k] = BigFraction.ZERO;
    }
    for (int s = 0; s < (1 << d); s++) {
      int k = Integer.bitCount(s);
      BigFraction v = at(dist, s);
      if (best[k] == null || v.compareTo(best[k]) < 0) {
        best[k] = v;
      }
      sum[k] = sum[k].add(v);
    }
    BigFraction[] envelope = new BigFraction[d + 1];
    BigFraction[] random = new BigFraction[d + 1];
    for (int k = 0; k <= d; k++) {
      envelope[k] = k == 0 || best[k].compareTo(envelope[k - 1]) < 0 ? best[k] : envelope[k - 1];
      random[k] = sum[k].divide(BigFraction.of(binomial(d, k)));
    }
    Map<String, BigFraction[]> curves = new LinkedHashMap<>();
    Map<String, int[]> orders = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : attributions.entrySet()) {
      int[] order = Ranking.SIGNED.order(e.getValue());
      BigFraction[] c = new BigFraction[d + 1];
      int s = 0;
      c[0] = at(dist, 0);
      for (int k = 1; k <= d; k++) {
        s |= 1 << order[k - 1];
        c[k] = at(dist, s);
      }
      curves.put(e.getKey(), c);
      orders.put(e.getKey(), order);
    }
    return new Result(img, at(dist, 0), envelope, random, curves, orders);
  }

  /** D(S) as a rational: exact, or the float64 value converted exactly. */
  static BigFraction at(SetFunction dist, int s) {
    return dist.isExact() ? dist.exactAt(s) : BigFraction.from(dist.doubleAt(s));
  }

  static BigInteger binomial(int n, int k) {
    BigInteger b = BigInteger.ONE;
    for (int i = 0; i < k; i++) {
      b = b.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
    }
    return b;
  }

  /** A curve divided by D(∅), as doubles. */
  public static double[] relative(BigFraction[] curve, BigFraction dEmpty) {
    double[] out = new double[curve.length];
    for (int k = 0; k < curve.length; k++) {
      out[k] = dEmpty.signum() == 0 ? 0 : curve[k].divide(dEmpty).doubleValue();
    }
    return out;
  }

  /** The relative curves of several images, averaged: name → mean D/D(∅) at k = 0..16. */
  public static Map<String, double[]> meanRelative(List<Result> rs) {
    Map<String, double[]> out = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(rs.get(0).orderings().keySet());
    names.add("random (expected)");
    names.add("exact envelope D*(k)");
    for (String n : names) {
      double[] m = new double[MaskedDigit.D + 1];
      for (Result r : rs) {
        BigFraction[] c = n.startsWith("random") ? r.random() : n.startsWith("exact")
            ? r.envelope() : r.orderings().get(n);
        double[] rel = relative(c, r.dEmpty());
        for (int k = 0; k < m.length; k++) {
          m[k] += rel[k] / rs.size();
        }
      }
      out.put(n, m);
    }
    return out;
  }
}
