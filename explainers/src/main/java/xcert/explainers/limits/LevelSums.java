package xcert.explainers.limits;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.stream.IntStream;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.exact.RestrictedPredictionTable;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.model.TruthTable;
import xcert.solvers.num.Rationals;
import xcert.solvers.setfunction.ExactSetFunction;
import xcert.solvers.setfunction.SetFunction;

/**
 * The exact sums of the masked model y(z) = f(x0 ⊙ z + r ⊙ (1 − z)) over the masks z ∈ {0,1}^d of
 * each size k = |z|: A_k = Σ_{|z|=k} y(z) and P_{i,k} = Σ_{|z|=k, z_i=1} y(z). Every kernel of
 * LIME, GLIME-Binomial and KernelSHAP depends on z only through k, so these d(d+1) + (d+1)
 * rationals are all that their infinite-sample limits need of f (seed 001 Section 3.3; seed 000
 * A.2).
 *
 * <p>Values are exact: a circuit's 0/1 outputs are counted from its bit-sliced truth table, a ReLU
 * network's score by the exact enumeration of the solvers (the game at the point mass r,
 * RestrictedPredictions), any other model through {@link Model#exactValue}.
 */
final class LevelSums {

  private static final int BLOCK = 1 << 12;

  final int d;
  /** A_k, k = 0..d. */
  final BigFraction[] total;
  /** P[i][k], feature i (0-based), k = 0..d. */
  final BigFraction[][] withFeature;
  /** How the values were obtained, for provenance. */
  final String how;

  private LevelSums(int d, BigFraction[] total, BigFraction[][] withFeature, String how) {
    this.d = d;
    this.total = total;
    this.withFeature = withFeature;
    this.how = how;
  }

  /** y(∅) = f(r). */
  BigFraction empty() {
    return total[0];
  }

  /** y([d]) = f(x0). */
  BigFraction full() {
    return total[d];
  }

  /** The last enumeration, with the (immutable) model and the points it was made for. */
  private record Key(Model f, double[] x0, double[] r) {
    boolean matches(Model g, double[] y0, double[] s) {
      return f == g && java.util.Arrays.equals(x0, y0) && java.util.Arrays.equals(r, s);
    }
  }

  private static Key lastKey;
  private static LevelSums last;

  /**
   * The level sums for (f, x0, r). The LIME, GLIME-Binomial and KernelSHAP limits of one instance
   * need the same 2^d model values, which for a ReLU network's exact scores cost seconds at d = 20;
   * the last enumeration is kept and reused when the next call asks for the same model and points.
   * The caller has checked d ≤ {@link ExactLimits#MAX_DIMENSION}.
   */
  static LevelSums of(Model f, double[] x0, double[] r) {
    synchronized (LevelSums.class) {
      if (lastKey != null && lastKey.matches(f, x0, r)) {
        return last;
      }
    }
    LevelSums s = enumerate(f, x0, r);
    synchronized (LevelSums.class) {
      lastKey = new Key(f, x0.clone(), r.clone());
      last = s;
    }
    return s;
  }

  private static LevelSums enumerate(Model f, double[] x0, double[] r) {
    if (f instanceof Circuit c) {
      return ofCircuit(c, x0, r);
    }
    if (f instanceof ReluNetwork net && !net.isClassifier()) {
      // the exact fixed-point enumeration of the solvers, for any rational weights (a scaler's
      // Div by 0.1 included), as the game at the point mass r
      RestrictedPredictionTable t = RestrictedPredictions.table(net, x0,
          ProductDistribution.pointMass(r), Arithmetic.EXACT);
      return ofGame(t.values(), "ReLU scores enumerated exactly: " + t.provenance().method());
    }
    return ofExactValues(f, x0, r);
  }

  /**
   * The level sums of a game given as a set function: y(z) = v(S), S = {i : z_i = 1} (bit i of
   * the table is feature i, 0-based, as in {@link #mask}), e.g. the interventional game f_S(x) of
   * a background (seed 004 Eq. 1). Exact tables are summed over their common denominator; float64
   * tables as the exact decimals their doubles hold.
   *
   * @param how how the game values were obtained, for provenance
   */
  static LevelSums ofGame(SetFunction v, String how) {
    int d = v.dimension();
    int n = 1 << d;
    int blocks = (n + BLOCK - 1) / BLOCK;
    ExactSetFunction e = v instanceof ExactSetFunction x ? x : null;
    BigDecimal[][] merged = IntStream.range(0, blocks).parallel().mapToObj(b -> {
      BigDecimal[][] acc = zeros(d);
      int end = Math.min(n, (b + 1) * BLOCK);
      for (int y = b * BLOCK; y < end; y++) {
        add(acc, y, e != null ? new BigDecimal(e.bigNumerator(y)) : new BigDecimal(v.doubleAt(y)));
      }
      return acc;
    }).reduce(LevelSums::merge).orElseThrow();
    BigFraction[] total = new BigFraction[d + 1];
    BigFraction[][] with = new BigFraction[d][d + 1];
    for (int k = 0; k <= d; k++) {
      total[k] = level(merged[d][k], e);
      for (int i = 0; i < d; i++) {
        with[i][k] = level(merged[i][k], e);
      }
    }
    return new LevelSums(d, total, with, how);
  }

  private static BigFraction level(BigDecimal sum, ExactSetFunction e) {
    return e == null ? Rationals.fromDecimal(sum)
        : BigFraction.of(sum.toBigIntegerExact(), e.denominator());
  }

  private static LevelSums ofCircuit(Circuit c, double[] x0, double[] r) {
    int d = c.dimension();
    boolean[] on = new boolean[d];
    boolean[] off = new boolean[d];
    for (int i = 0; i < d; i++) {
      on[i] = x0[i] == 1;
      off[i] = r[i] == 1;
    }
    long[] table = TruthTable.substituted(c, 0, on, off);
    long[] a = new long[d + 1];
    long[][] p = new long[d][d + 1];
    long n = 1L << d;
    for (long y = 0; y < n; y++) {
      if (TruthTable.get(table, y)) {
        int k = Long.bitCount(y);
        a[k]++;
        for (long m = y; m != 0; m &= m - 1) {
          p[Long.numberOfTrailingZeros(m)][k]++;
        }
      }
    }
    BigFraction[] total = new BigFraction[d + 1];
    BigFraction[][] with = new BigFraction[d][d + 1];
    for (int k = 0; k <= d; k++) {
      total[k] = BigFraction.of(a[k]);
      for (int i = 0; i < d; i++) {
        with[i][k] = BigFraction.of(p[i][k]);
      }
    }
    return new LevelSums(d, total, with, "circuit outputs counted exactly from the bit-sliced "
        + "truth table of f(x0 ⊙ z + r ⊙ (1 − z))");
  }

  private static LevelSums ofExactValues(Model f, double[] x0, double[] r) {
    int d = f.dimension();
    long n = 1L << d;
    int blocks = (int) ((n + BLOCK - 1) / BLOCK);
    BigFraction[][] merged = IntStream.range(0, blocks).parallel().mapToObj(b -> {
      BigFraction[][] acc = new BigFraction[d + 1][d + 1];
      for (BigFraction[] row : acc) {
        java.util.Arrays.fill(row, BigFraction.ZERO);
      }
      double[] z = new double[d];
      long end = Math.min(n, (long) (b + 1) * BLOCK);
      for (long y = (long) b * BLOCK; y < end; y++) {
        mask(y, x0, r, z);
        BigFraction v = f.exactValue(z);
        if (v.signum() == 0) {
          continue;
        }
        int k = Long.bitCount(y);
        acc[d][k] = acc[d][k].add(v);
        for (long m = y; m != 0; m &= m - 1) {
          int i = Long.numberOfTrailingZeros(m);
          acc[i][k] = acc[i][k].add(v);
        }
      }
      return acc;
    }).reduce((u, v) -> {
      for (int i = 0; i <= d; i++) {
        for (int k = 0; k <= d; k++) {
          u[i][k] = u[i][k].add(v[i][k]);
        }
      }
      return u;
    }).orElseThrow();
    BigFraction[][] with = java.util.Arrays.copyOf(merged, d);
    return new LevelSums(d, merged[d], with, "model values f.exactValue summed exactly");
  }

  /** z_x = x0 ⊙ z + r ⊙ (1 − z) for the mask whose bit i is z_i (as lfa.Combination.mask). */
  static void mask(long y, double[] x0, double[] r, double[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = ((y >>> i) & 1L) != 0 ? x0[i] : r[i];
    }
  }

  private static BigDecimal[][] zeros(int d) {
    BigDecimal[][] acc = new BigDecimal[d + 1][d + 1];
    for (BigDecimal[] row : acc) {
      java.util.Arrays.fill(row, BigDecimal.ZERO);
    }
    return acc;
  }

  private static void add(BigDecimal[][] acc, long y, BigDecimal v) {
    if (v.signum() == 0) {
      return;
    }
    int d = acc.length - 1;
    int k = Long.bitCount(y);
    acc[d][k] = acc[d][k].add(v);
    for (long m = y; m != 0; m &= m - 1) {
      int i = Long.numberOfTrailingZeros(m);
      acc[i][k] = acc[i][k].add(v);
    }
  }

  private static BigDecimal[][] merge(BigDecimal[][] u, BigDecimal[][] v) {
    for (int i = 0; i < u.length; i++) {
      for (int k = 0; k < u[i].length; k++) {
        u[i][k] = u[i][k].add(v[i][k]);
      }
    }
    return u;
  }

  /** C(n, k), 0 outside 0 ≤ k ≤ n. */
  static BigInteger binomial(int n, int k) {
    if (k < 0 || n < 0 || k > n) {
      return BigInteger.ZERO;
    }
    BigInteger c = BigInteger.ONE;
    for (int i = 1; i <= k; i++) {
      c = c.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
    }
    return c;
  }
}
