package xcert.solvers.exact;

import java.math.BigInteger;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.dist.EmpiricalDistribution;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.num.WideArray;
import xcert.solvers.result.Provenance;
import xcert.solvers.setfunction.ExactSetFunction;
import xcert.solvers.setfunction.MemoryBudget;

/**
 * Exact f_S(x) tables of ReLU networks (seed 004 Eq. 1) in fixed-width integer arithmetic: the
 * network's values on the grid come from {@link FixedPointNetwork} as integers over one common
 * denominator, and the butterfly (product distributions) or the row average (empirical ones) works
 * on {@link WideArray} numerators whose width is fixed in advance from magnitude bounds. Nothing is
 * rounded; no rational is built per entry.
 */
final class NetworkTables {

  private NetworkTables() {}

  /**
   * The table under a product distribution, or empty for a classifier (its 0/1 labels already come
   * from a certified float64 score, {@link ReluNetwork#label}) or when the fixed-point bounds are
   * exceeded.
   */
  static Optional<RestrictedPredictionTable> product(ReluNetwork net, double[] x,
      ProductDistribution v, ProductButterfly.Grid grid) {
    if (net.isClassifier()) {
      return Optional.empty();
    }
    int d = net.dimension();
    Optional<FixedPointNetwork> compiled = FixedPointNetwork.compile(net, grid.values);
    if (compiled.isEmpty()) {
      return Optional.empty();
    }
    FixedPointNetwork fp = compiled.get();
    long[][] w = new long[d][];
    long[] q = new long[d];
    BigInteger bound = fp.outputBound();
    BigInteger scale = BigInteger.ONE;
    for (int i = 0; i < d; i++) {
      BigInteger qi = grid.q(i);
      if (qi.bitLength() > 62) {
        return Optional.empty();
      }
      q[i] = qi.longValueExact();
      w[i] = new long[grid.values[i].length];
      for (int a = 0; a < w[i].length; a++) {
        w[i][a] = grid.probs[i][a].multiply(BigFraction.of(qi)).getNumerator().longValueExact();
      }
      scale = scale.multiply(qi);
    }
    int words = WideArray.wordsFor(bound.multiply(scale).bitLength());
    long points = grid.points();
    MemoryBudget.require(2 * Math.max(points, 1L << d) * 8L * words,
        "the exact f_S table over d=" + d + " features (" + words + " words per entry)");
    WideArray t = new WideArray((int) points, words);
    fp.evaluateGrid(grid.values, t, null);
    for (int i = 0; i < d; i++) {
      t = transform(grid, t, i, w[i], q[i]);
    }
    BigInteger den = fp.denominator().multiply(scale);
    ExactSetFunction sf = words == 1 ? ExactSetFunction.ofLongs(d, t.data(), den)
        : ExactSetFunction.ofWide(d, t, den);
    return Optional.of(new RestrictedPredictionTable(net, x, v, sf, Provenance.exact(
        "grid of " + points + " points and butterfly, O(d·grid); exact fixed-point values ("
            + words + "-word numerators over one denominator" + via(fp) + ")")));
  }

  /** Grid.transformExact on fixed-width numerators. */
  private static WideArray transform(ProductButterfly.Grid grid, WideArray t, int i, long[] w,
      long q) {
    int r = grid.values[i].length;
    int inner = 1 << i;
    int outer = (int) grid.outerCountOf(i);
    int words = t.words();
    int xi = grid.xIndex[i];
    if (r == 2) {
      binaryInPlace(t, inner, outer, w[0], w[1], q, xi == 1);
      return t;
    }
    WideArray out = new WideArray(2 * inner * outer, words);
    long[] src = t.data();
    long[] dst = out.data();
    IntStream.range(0, outer).parallel().forEach(o -> {
      for (int in = 0; in < inner; in++) {
        int s = in + inner * r * o;
        int dd = in + inner * 2 * o;
        for (int a = 0; a < r; a++) {
          if (w[a] != 0) {
            WideArray.addMultiple(dst, dd * words, src, (s + inner * a) * words, w[a], words);
          }
        }
        WideArray.multiply(dst, (dd + inner) * words, src, (s + inner * xi) * words, q, words);
      }
    });
    return out;
  }

  /**
   * One coordinate with two grid values, in place: the pair (a, c) becomes (w0·a + w1·c, q·(x_i is
   * the second value ? c : a)).
   */
  private static void binaryInPlace(WideArray t, int inner, int outer, long w0, long w1, long q,
      boolean xSecond) {
    int words = t.words();
    long[] data = t.data();
    int chunk = Math.max(1, (1 << 14) / inner);
    IntStream.range(0, (outer + chunk - 1) / chunk).parallel().forEach(c -> {
      long[] tmp = new long[words];
      for (int o = c * chunk, oe = Math.min(outer, o + chunk); o < oe; o++) {
        for (int in = 0; in < inner; in++) {
          int a = (in + inner * 2 * o) * words;
          int b = a + inner * words;
          // the fixed entry needs the original a (x_i first) or c (x_i second): keep it aside
          System.arraycopy(data, xSecond ? b : a, tmp, 0, words);
          WideArray.multiply(data, a, data, a, w0, words);
          WideArray.addMultiple(data, a, data, b, w1, words);
          WideArray.multiply(data, b, tmp, 0, q, words);
        }
      }
    });
  }

  static String via(FixedPointNetwork fp) {
    if (!fp.usesResidues()) {
      return "; limbs";
    }
    return "; float64 with certified signs and residues mod 2^64" + switch (fp.residuePrimes()) {
      case 0 -> "";
      case 1 -> " and mod " + Residues.P;
      default -> ", mod " + Residues.P + " and mod " + Residues.P2;
    };
  }

  /**
   * The table under an empirical distribution, or empty for a classifier or when the fixed-point
   * bounds are exceeded (as {@link #product}).
   */
  static Optional<RestrictedPredictionTable> rows(ReluNetwork net, double[] x,
      EmpiricalDistribution v) {
    if (net.isClassifier()) {
      return Optional.empty();
    }
    int d = net.dimension();
    int n = 1 << d;
    double[][] all = new double[d][];
    for (int i = 0; i < d; i++) {
      java.util.TreeSet<Double> set = new java.util.TreeSet<>();
      set.add(x[i]);
      for (int k = 0; k < v.distinctRowCount(); k++) {
        set.add(v.distinctRow(k)[i]);
      }
      all[i] = set.stream().mapToDouble(Double::doubleValue).toArray();
    }
    Optional<FixedPointNetwork> compiled = FixedPointNetwork.compile(net, all);
    if (compiled.isEmpty()) {
      return Optional.empty();
    }
    FixedPointNetwork fp = compiled.get();
    BigInteger rowsCount = BigInteger.valueOf(v.rowCount());
    int words = WideArray.wordsFor(fp.outputBound().multiply(rowsCount).bitLength());
    MemoryBudget.require(2L * n * 8L * words,
        "the exact f_S table over d=" + d + " features (" + words + " words per entry)");
    WideArray sum = new WideArray(n, words);
    WideArray g = new WideArray(n, words);
    long[] sumData = sum.data();
    long[] gData = g.data();
    for (int k = 0; k < v.distinctRowCount(); k++) {
      double[] r = v.distinctRow(k);
      int diff = RowAverage.differing(x, r);
      int[] pos = new int[Integer.bitCount(diff)];
      double[][] vals = new double[d][];
      int m = 0;
      for (int i = 0; i < d; i++) {
        if ((diff >>> i & 1) != 0) {
          vals[i] = new double[] {r[i], x[i]};
          pos[m++] = i;
        } else {
          vals[i] = new double[] {r[i]};
        }
      }
      // grid point p (bit b of p = feature pos[b] takes x) is the subset T of diff it spells
      fp.evaluateGrid(vals, g, p -> {
        int t = 0;
        for (int b = 0; b < pos.length; b++) {
          t |= ((p >>> b) & 1) << pos[b];
        }
        return t;
      });
      long c = v.count(k);
      IntStream.range(0, n).parallel().forEach(s -> WideArray.addMultiple(sumData, s * words,
          gData, (s & diff) * words, c, words));
    }
    BigInteger den = fp.denominator().multiply(rowsCount);
    ExactSetFunction sf = words == 1 ? ExactSetFunction.ofLongs(d, sumData, den)
        : ExactSetFunction.ofWide(d, sum, den);
    return Optional.of(new RestrictedPredictionTable(net, x, v, sf, Provenance.exact("average"
        + " over " + v.rowCount() + " rows; exact fixed-point values (" + words
        + "-word numerators over one denominator" + via(fp) + ")")));
  }
}
