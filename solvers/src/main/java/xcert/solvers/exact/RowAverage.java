package xcert.solvers.exact;

import java.math.BigInteger;
import java.util.stream.IntStream;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.dist.EmpiricalDistribution;
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
 * All f_S(x) = (1/n) Σ_r f(x_S, r_{S^c}) for an empirical reference distribution (seed 004 Eq. 1 with V the
 * empirical distribution of the rows). For a row r the point (x_S, r_{S^c}) depends only on S ∩ D_r with D_r = {i : r_i ≠ x_i},
 * so each distinct row costs 2^{|D_r|} model evaluations (circuits: one bit-sliced table over all S),
 * and a scatter over the 2^d sets.
 */
final class RowAverage {

  private RowAverage() {}

  static RestrictedPredictionTable of(Model f, double[] x, EmpiricalDistribution v,
      Arithmetic arithmetic) {
    int d = f.dimension();
    Subsets.checkTableDimension(d);
    int n = 1 << d;
    MemoryBudget.require(16L * n, "the f_S table over d=" + d + " features");
    if (f instanceof Circuit c) {
      return circuit(c, x, v);
    }
    if (arithmetic == Arithmetic.FLOAT64) {
      double[] sum = new double[n];
      for (int k = 0; k < v.distinctRowCount(); k++) {
        double[] r = v.distinctRow(k);
        int diff = differing(x, r);
        double[] g = evaluateOnSubsets(diff, t -> f.evaluate(point(x, r, t)));
        int c = v.count(k);
        IntStream.range(0, n).parallel().forEach(s -> sum[s] += c * g[s & diff]);
      }
      double rows = v.rowCount();
      for (int s = 0; s < n; s++) {
        sum[s] /= rows;
      }
      return new RestrictedPredictionTable(f, x, v, RealSetFunction.of(d, sum),
          Provenance.float64("average over " + v.rowCount() + " rows"));
    }
    if (f instanceof xcert.solvers.model.ReluNetwork net) {
      java.util.Optional<RestrictedPredictionTable> fast = NetworkTables.rows(net, x, v);
      if (fast.isPresent()) {
        return fast.get();
      }
    }
    BigFraction[][] g = new BigFraction[v.distinctRowCount()][];
    int[] diffs = new int[g.length];
    BigInteger lcm = BigInteger.ONE;
    for (int k = 0; k < g.length; k++) {
      double[] r = v.distinctRow(k);
      diffs[k] = differing(x, r);
      int diff = diffs[k];
      g[k] = new BigFraction[diff + 1];
      BigFraction[] gk = g[k];
      // only the subsets of diff are evaluated; every S reads g[S & diff]
      forEachSubset(diff, t -> gk[t] = f.exactValue(point(x, r, t)));
      for (int t = diff; ; t = (t - 1) & diff) {
        lcm = ProductButterfly.lcm(lcm, gk[t].getDenominator().abs());
        if (t == 0) {
          break;
        }
      }
    }
    BigInteger l = lcm;
    BigInteger[] sum = new BigInteger[n];
    java.util.Arrays.fill(sum, BigInteger.ZERO);
    for (int k = 0; k < g.length; k++) {
      BigFraction[] gk = g[k];
      int diff = diffs[k];
      BigInteger c = BigInteger.valueOf(v.count(k));
      BigInteger[] scaled = new BigInteger[diff + 1];
      forEachSubset(diff, t -> scaled[t] = Rationals.numeratorOver(gk[t], l).multiply(c));
      IntStream.range(0, n).parallel().forEach(s -> sum[s] = sum[s].add(scaled[s & diff]));
    }
    BigInteger den = l.multiply(BigInteger.valueOf(v.rowCount()));
    SetFunction sf = ExactSetFunction.tabulate(d, den, s -> sum[s].longValueExact(), s -> sum[s]);
    return new RestrictedPredictionTable(f, x, v, sf,
        Provenance.exact("average over " + v.rowCount() + " rows; exact values"));
  }

  private static RestrictedPredictionTable circuit(Circuit c, double[] x, EmpiricalDistribution v) {
    int d = c.dimension();
    int n = 1 << d;
    long[] sum = new long[n];
    boolean[] xb = bits(x);
    for (int k = 0; k < v.distinctRowCount(); k++) {
      long[] table = TruthTable.substituted(c, 0, xb, bits(v.distinctRow(k)));
      long cnt = v.count(k);
      IntStream.range(0, n).parallel().forEach(s -> {
        if (((table[s >>> 6] >>> (s & 63)) & 1L) != 0) {
          sum[s] += cnt;
        }
      });
    }
    return new RestrictedPredictionTable(c, x, v,
        ExactSetFunction.ofLongs(d, sum, BigInteger.valueOf(v.rowCount())),
        Provenance.exact("bit-sliced evaluation of f(x_S, r_{S^c}) for each of "
            + v.distinctRowCount() + " distinct rows (n=" + v.rowCount() + ")"));
  }

  private static boolean[] bits(double[] v) {
    boolean[] b = new boolean[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = v[i] == 1.0;
    }
    return b;
  }

  static int differing(double[] x, double[] r) {
    int diff = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] != r[i]) {
        diff |= 1 << i;
      }
    }
    return diff;
  }

  /** The point equal to x on T and to r elsewhere. */
  static double[] point(double[] x, double[] r, int t) {
    double[] p = r.clone();
    for (int m = t; m != 0; m &= m - 1) {
      int i = Integer.numberOfTrailingZeros(m);
      p[i] = x[i];
    }
    return p;
  }

  private static double[] evaluateOnSubsets(int diff, java.util.function.IntToDoubleFunction g) {
    double[] out = new double[diff + 1];
    forEachSubset(diff, t -> out[t] = g.applyAsDouble(t));
    return out;
  }

  private static void forEachSubset(int set, java.util.function.IntConsumer action) {
    for (int t = set; ; t = (t - 1) & set) {
      action.accept(t);
      if (t == 0) {
        return;
      }
    }
  }
}
