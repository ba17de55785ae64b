package xcert.solvers.exact;

import java.math.BigInteger;
import java.util.stream.IntStream;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.dist.FeatureSupport;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;
import xcert.solvers.model.TruthTable;
import xcert.solvers.num.Rationals;
import xcert.solvers.result.Provenance;
import xcert.solvers.setfunction.ExactSetFunction;
import xcert.solvers.setfunction.MemoryBudget;
import xcert.solvers.setfunction.RealSetFunction;
import xcert.solvers.setfunction.SetFunction;
import xcert.solvers.setfunction.Subsets;

/**
 * All 2^d restricted predictions f_S(x) under a product distribution in O(d·2^d) after one pass of
 * model evaluations over the support grid (seed 004 Eq. 1).
 *
 * <p>The butterfly processes one coordinate at a time. Before coordinate i is processed, the table
 * holds, for every value a of feature i, the partial expectation with feature i equal to a; afterwards
 * it holds two entries: "fixed to x_i" (i ∈ S) and "averaged under V_i" (i ∉ S), so that after all d
 * coordinates entry S holds E_{X_{S^c}} f(x_S, X_{S^c}) by independence of the features. In exact mode
 * each coordinate's probabilities are written as integers w_{i,a} over a common q_i, the fixed entry is
 * multiplied by q_i and the averaged one is Σ_a w_{i,a}·value_a, so every entry stays an integer and
 * the final table is N[S] / (L·Π q_i) with no rounding (L the common denominator of the model's
 * values; L = 1 for Boolean models, and Π q_i = 2^d under the uniform distribution).
 */
final class ProductButterfly {

  /** Low coordinates processed inside cache-sized blocks of 2^BLOCK_BITS entries. */
  private static final int BLOCK_BITS = 12;

  /** Largest support grid (number of model evaluations) for non-circuit models. */
  static final long MAX_GRID_POINTS = 1L << 26;

  private ProductButterfly() {}

  /** A Boolean circuit under a product distribution on {0,1}^d: bit-sliced evaluation, long arithmetic. */
  static RestrictedPredictionTable ofCircuit(Circuit c, double[] x, ProductDistribution v) {
    final int d = c.dimension();
    Subsets.checkTableDimension(d);
    long[] q = new long[d];
    long[] w0 = new long[d];
    long[] w1 = new long[d];
    BigInteger total = BigInteger.ONE;
    boolean fits = true;
    for (int i = 0; i < d; i++) {
      FeatureSupport f = v.feature(i);
      BigFraction p0 = f.probabilityOf(0.0);
      BigFraction p1 = f.probabilityOf(1.0);
      BigInteger qi = lcm(p0.getDenominator().abs(), p1.getDenominator().abs());
      total = total.multiply(qi);
      if (qi.bitLength() > 62) {
        fits = false;
        continue;
      }
      q[i] = qi.longValueExact();
      w0[i] = p0.multiply(BigFraction.of(qi)).getNumerator().longValueExact();
      w1[i] = p1.multiply(BigFraction.of(qi)).getNumerator().longValueExact();
    }
    // every entry lies in [0, Π q_i] because f ∈ {0,1}; long arithmetic is safe below 2^62
    if (!fits || total.bitLength() > 62) {
      return ofGrid(c, x, v, Arithmetic.EXACT);
    }
    MemoryBudget.require((8L << d) + (TruthTable.words(d) * 8),
        "the f_S table over d=" + d + " features");
    long[] bits = TruthTable.of(c, 0);
    int n = 1 << d;
    long[] table = new long[n];
    IntStream.range(0, Math.max(1, n >>> 6)).parallel().forEach(w -> {
      long word = bits[w];
      int base = w << 6;
      int end = Math.min(64, n - base);
      for (int b = 0; b < end; b++) {
        table[base + b] = (word >>> b) & 1L;
      }
    });
    boolean[] xb = new boolean[d];
    for (int i = 0; i < d; i++) {
      xb[i] = x[i] == 1.0;
    }
    butterfly(table, d, xb, q, w0, w1);
    String method = v.isUniformBinary()
        ? "bit-sliced truth table and butterfly, O(d·2^d); counts over 2^" + d
        : "bit-sliced truth table and butterfly, O(d·2^d); integer weights over Π q_i = " + total;
    return new RestrictedPredictionTable(c, x, v, ExactSetFunction.ofLongs(d, table, total),
        Provenance.exact(method));
  }

  /**
   * The in-place radix-2 butterfly on long numerators: for each coordinate i and each pair (a, b) of
   * entries differing in bit i, bit-1 slot ← q_i·(x_i ? b : a), bit-0 slot ← w0_i·a + w1_i·b.
   */
  static void butterfly(long[] t, int d, boolean[] x, long[] q, long[] w0, long[] w1) {
    final int n = 1 << d;
    final int lowBits = Math.min(d, BLOCK_BITS);
    final int blockSize = 1 << lowBits;
    IntStream.range(0, n >>> lowBits).parallel().forEach(b -> {
      int base = b << lowBits;
      for (int i = 0; i < lowBits; i++) {
        int h = 1 << i;
        long qi = q[i];
        long a0 = w0[i];
        long a1 = w1[i];
        boolean xi = x[i];
        for (int j0 = base; j0 < base + blockSize; j0 += h << 1) {
          for (int j = j0; j < j0 + h; j++) {
            long a = t[j];
            long c = t[j + h];
            t[j + h] = qi * (xi ? c : a);
            t[j] = a0 * a + a1 * c;
          }
        }
      }
    });
    int coord = lowBits;
    // two coordinates per pass over memory: the four entries that differ in bits i and i+1
    for (; coord + 1 < d; coord += 2) {
      final int i = coord;
      final int h = 1 << i;
      final long qa = q[i];
      final long a0 = w0[i];
      final long a1 = w1[i];
      final boolean xa = x[i];
      final long qb = q[i + 1];
      final long b0 = w0[i + 1];
      final long b1 = w1[i + 1];
      final boolean xb = x[i + 1];
      final int quarter = n >>> 2;
      final int chunk = Math.min(quarter, 1 << 14);
      IntStream.range(0, quarter / chunk).parallel().forEach(k -> {
        for (int u = k * chunk, end = u + chunk; u < end; u++) {
          int j = ((u >>> i) << (i + 2)) | (u & (h - 1));
          long v00 = t[j];
          long v10 = t[j + h];
          long v01 = t[j + 2 * h];
          long v11 = t[j + 3 * h];
          // coordinate i on the pairs (v00, v10) and (v01, v11)
          long f0 = qa * (xa ? v10 : v00);
          long g0 = a0 * v00 + a1 * v10;
          long f1 = qa * (xa ? v11 : v01);
          long g1 = a0 * v01 + a1 * v11;
          // coordinate i+1 on the pairs (g0, g1) and (f0, f1)
          t[j] = b0 * g0 + b1 * g1;
          t[j + 2 * h] = qb * (xb ? g1 : g0);
          t[j + h] = b0 * f0 + b1 * f1;
          t[j + 3 * h] = qb * (xb ? f1 : f0);
        }
      });
    }
    for (; coord < d; coord++) {
      final int i = coord;
      final int h = 1 << i;
      final long qi = q[i];
      final long a0 = w0[i];
      final long a1 = w1[i];
      final boolean xi = x[i];
      final int half = n >>> 1;
      final int chunk = Math.min(half, 1 << 14);
      IntStream.range(0, half / chunk).parallel().forEach(k -> {
        for (int u = k * chunk, end = u + chunk; u < end; u++) {
          int j = ((u >>> i) << (i + 1)) | (u & (h - 1));
          long a = t[j];
          long c = t[j + h];
          t[j + h] = qi * (xi ? c : a);
          t[j] = a0 * a + a1 * c;
        }
      });
    }
  }

  /** Any model under a product of finite supports: mixed-radix grid, exact or float64. */
  static RestrictedPredictionTable ofGrid(Model f, double[] x, ProductDistribution v,
      Arithmetic arithmetic) {
    final int d = f.dimension();
    Subsets.checkTableDimension(d);
    Grid grid = Grid.of(x, v);
    long points = grid.points();
    if (points > MAX_GRID_POINTS) {
      throw new TooLargeException("the support grid has " + points + " points (Π over features of"
          + " support size, x_i included); at most " + MAX_GRID_POINTS + " are enumerated");
    }
    long need = Math.max(points, 1L << d) * (arithmetic == Arithmetic.EXACT ? 64L : 16L);
    MemoryBudget.require(need, "the f_S table over d=" + d + " features");
    if (arithmetic == Arithmetic.FLOAT64) {
      double[] t0 = new double[(int) points];
      IntStream.range(0, t0.length).parallel().forEach(k -> t0[k] = f.evaluate(grid.point(k)));
      double[] t = t0;
      for (int i = 0; i < d; i++) {
        t = grid.transformDouble(t, i);
      }
      return new RestrictedPredictionTable(f, x, v, RealSetFunction.of(d, t),
          Provenance.float64("grid of " + points + " points and butterfly, O(d·grid)"));
    }
    if (f instanceof xcert.solvers.model.ReluNetwork net) {
      java.util.Optional<RestrictedPredictionTable> fast = NetworkTables.product(net, x, v, grid);
      if (fast.isPresent()) {
        return fast.get();
      }
    }
    BigFraction[] values = new BigFraction[(int) points];
    IntStream.range(0, values.length).parallel()
        .forEach(k -> values[k] = f.exactValue(grid.point(k)));
    final BigInteger l = Rationals.commonDenominator(java.util.Arrays.asList(values));
    BigInteger[] t0 = new BigInteger[values.length];
    IntStream.range(0, t0.length).parallel()
        .forEach(k -> t0[k] = Rationals.numeratorOver(values[k], l));
    BigInteger[] t = t0;
    for (int i = 0; i < d; i++) {
      t = grid.transformExact(t, i);
    }
    final BigInteger[] fin = t;
    BigInteger den = l.multiply(grid.totalScale());
    SetFunction sf = ExactSetFunction.tabulate(d, den, s -> fin[s].longValueExact(), s -> fin[s]);
    return new RestrictedPredictionTable(f, x, v, sf,
        Provenance.exact("grid of " + points + " points and butterfly, O(d·grid); exact values"));
  }

  static BigInteger lcm(BigInteger a, BigInteger b) {
    return a.divide(a.gcd(b)).multiply(b);
  }

  /** The support grid Π_i G_i, G_i = supp(V_i) ∪ {x_i}, in mixed radix with feature 1 fastest. */
  static final class Grid {
    final int d;
    final double[][] values;
    final BigFraction[][] probs;
    final int[] xIndex;

    private Grid(int d, double[][] values, BigFraction[][] probs, int[] xIndex) {
      this.d = d;
      this.values = values;
      this.probs = probs;
      this.xIndex = xIndex;
    }

    static Grid of(double[] x, ProductDistribution v) {
      int d = v.dimension();
      double[][] vals = new double[d][];
      BigFraction[][] ps = new BigFraction[d][];
      int[] xi = new int[d];
      for (int i = 0; i < d; i++) {
        FeatureSupport s = v.feature(i);
        int found = -1;
        for (int a = 0; a < s.size(); a++) {
          if (s.value(a) == x[i]) {
            found = a;
          }
        }
        int r = s.size() + (found < 0 ? 1 : 0);
        vals[i] = new double[r];
        ps[i] = new BigFraction[r];
        for (int a = 0; a < s.size(); a++) {
          vals[i][a] = s.value(a);
          ps[i][a] = s.probability(a);
        }
        if (found < 0) {
          vals[i][r - 1] = x[i];
          ps[i][r - 1] = BigFraction.ZERO;
          found = r - 1;
        }
        xi[i] = found;
      }
      return new Grid(d, vals, ps, xi);
    }

    long points() {
      long p = 1;
      try {
        for (double[] g : values) {
          p = Math.multiplyExact(p, g.length);
        }
        return p;
      } catch (ArithmeticException overflow) {
        return Long.MAX_VALUE;
      }
    }

    double[] point(int k) {
      double[] pt = new double[d];
      for (int i = 0; i < d; i++) {
        int r = values[i].length;
        pt[i] = values[i][k % r];
        k /= r;
      }
      return pt;
    }

    BigInteger q(int i) {
      BigInteger l = BigInteger.ONE;
      for (BigFraction p : probs[i]) {
        l = lcm(l, p.getDenominator().abs());
      }
      return l;
    }

    BigInteger totalScale() {
      BigInteger t = BigInteger.ONE;
      for (int i = 0; i < d; i++) {
        t = t.multiply(q(i));
      }
      return t;
    }

    /** Coordinates before i have radix 2 (processed), i and after have their grid radix. */
    long outerCountOf(int i) {
      long o = 1;
      for (int j = i + 1; j < d; j++) {
        o *= values[j].length;
      }
      return o;
    }

    BigInteger[] transformExact(BigInteger[] t, int i) {
      int r = values[i].length;
      int inner = 1 << i;
      int outer = (int) outerCountOf(i);
      BigInteger qi = q(i);
      BigInteger[] w = new BigInteger[r];
      for (int a = 0; a < r; a++) {
        w[a] = probs[i][a].multiply(BigFraction.of(qi)).getNumerator();
      }
      BigInteger[] out = new BigInteger[2 * inner * outer];
      IntStream.range(0, outer).parallel().forEach(o -> {
        for (int in = 0; in < inner; in++) {
          int src = in + inner * r * o;
          int dst = in + inner * 2 * o;
          BigInteger avg = BigInteger.ZERO;
          for (int a = 0; a < r; a++) {
            if (w[a].signum() != 0) {
              avg = avg.add(w[a].multiply(t[src + inner * a]));
            }
          }
          out[dst] = avg;
          out[dst + inner] = qi.multiply(t[src + inner * xIndex[i]]);
        }
      });
      return out;
    }

    double[] transformDouble(double[] t, int i) {
      int r = values[i].length;
      int inner = 1 << i;
      int outer = (int) outerCountOf(i);
      double[] w = new double[r];
      for (int a = 0; a < r; a++) {
        w[a] = probs[i][a].doubleValue();
      }
      double[] out = new double[2 * inner * outer];
      IntStream.range(0, outer).parallel().forEach(o -> {
        for (int in = 0; in < inner; in++) {
          int src = in + inner * r * o;
          int dst = in + inner * 2 * o;
          double avg = 0;
          for (int a = 0; a < r; a++) {
            if (w[a] != 0) {
              avg += w[a] * t[src + inner * a];
            }
          }
          out[dst] = avg;
          out[dst + inner] = t[src + inner * xIndex[i]];
        }
      });
      return out;
    }
  }
}
