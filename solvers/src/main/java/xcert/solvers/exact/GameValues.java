package xcert.solvers.exact;

import java.math.BigInteger;
import java.util.stream.IntStream;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.num.WideArray;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.ExactSetFunction;
import xcert.solvers.setfunction.RealSetFunction;
import xcert.solvers.setfunction.SetFunction;
import xcert.solvers.setfunction.Subsets;

/**
 * Values of the cooperative game ([d], v) from a table of v over all coalitions (seed 004 Section 5.2):
 *
 * <ul>
 *   <li>Shapley values φ_j = Σ_{S ⊆ [d]∖{j}} |S|!(d−|S|−1)!/d! · [v(S ∪ {j}) − v(S)] (Eq. 11);
 *   <li>Banzhaf values β_j = 2^{−(d−1)} Σ_{S ⊆ [d]∖{j}} [v(S ∪ {j}) − v(S)];
 *   <li>the Shapley value of the player S in the two-player game on the partition {S, S^c}:
 *       ½[v([d]) − v(S^c)] + ½[v(S) − v(∅)] (Theorem 5.1, Eq. 50).
 * </ul>
 *
 * <p>Both sums group coalitions by size: with A_k = Σ_{|S|=k} v(S) and P_{j,k} = Σ_{|S|=k, j∈S} v(S),
 * Σ_{|S|=k, j∉S} v(S ∪ {j}) − v(S) = P_{j,k+1} − (A_k − P_{j,k}). One pass over the table gives all
 * P_{j,k}; on exact tables the sums are integers (long where a bound proves they fit, BigInteger
 * otherwise) and the weights exact rationals.
 */
public final class GameValues {

  private GameValues() {}

  /** Shapley values, feature order. */
  public static Scalar[] shapley(SetFunction v) {
    int d = v.dimension();
    Sums sums = sums(v);
    Scalar[] out = new Scalar[d];
    if (sums.exact) {
      BigInteger dd = BigInteger.valueOf(d);
      for (int j = 0; j < d; j++) {
        BigFraction phi = BigFraction.ZERO;
        for (int k = 0; k < d; k++) {
          BigInteger diff = sums.bigP[j][k + 1].subtract(sums.bigA[k]).add(sums.bigP[j][k]);
          // weight k!(d-k-1)!/d! = 1 / (d · C(d-1, k))
          phi = phi.add(BigFraction.of(diff, dd.multiply(binomial(d - 1, k))));
        }
        out[j] = Scalar.exact(phi.divide(BigFraction.of(sums.den)));
      }
    } else {
      for (int j = 0; j < d; j++) {
        double phi = 0;
        for (int k = 0; k < d; k++) {
          double diff = sums.dP[j][k + 1] - sums.dA[k] + sums.dP[j][k];
          phi += diff / (d * binomial(d - 1, k).doubleValue());
        }
        out[j] = Scalar.approximate(phi);
      }
    }
    return out;
  }

  /** Banzhaf values, feature order. */
  public static Scalar[] banzhaf(SetFunction v) {
    int d = v.dimension();
    Sums sums = sums(v);
    Scalar[] out = new Scalar[d];
    for (int j = 0; j < d; j++) {
      if (sums.exact) {
        BigInteger pj = BigInteger.ZERO;
        BigInteger a = BigInteger.ZERO;
        for (int k = 0; k <= d; k++) {
          pj = pj.add(sums.bigP[j][k]);
          a = a.add(sums.bigA[k]);
        }
        BigInteger diff = pj.shiftLeft(1).subtract(a);
        out[j] = Scalar.exact(BigFraction.of(diff, sums.den.shiftLeft(d - 1)));
      } else {
        double pj = 0;
        double a = 0;
        for (int k = 0; k <= d; k++) {
          pj += sums.dP[j][k];
          a += sums.dA[k];
        }
        out[j] = Scalar.approximate((2 * pj - a) / Math.pow(2, d - 1));
      }
    }
    return out;
  }

  /**
   * The Shapley value of player S in the two-player game on {S, S^c} with characteristic function v
   * (seed 004 Theorem 5.1, Eq. 50): ½[v([d]) − v(S^c)] + ½[v(S) − v(∅)].
   */
  public static Scalar partitionValue(SetFunction v, int s) {
    int d = v.dimension();
    int full = Subsets.full(d);
    int c = Subsets.complement(s, d);
    if (v.isExact()) {
      BigFraction r = v.exactAt(full).subtract(v.exactAt(c)).add(v.exactAt(s))
          .subtract(v.exactAt(0)).divide(2);
      return Scalar.exact(r);
    }
    return Scalar.approximate(
        0.5 * (v.doubleAt(full) - v.doubleAt(c)) + 0.5 * (v.doubleAt(s) - v.doubleAt(0)));
  }

  static BigInteger binomial(int n, int k) {
    BigInteger r = BigInteger.ONE;
    for (int i = 0; i < k; i++) {
      r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
    }
    return r;
  }

  /** A_k and P_{j,k} of a game, exact (integer numerators over den) or float64. */
  private static final class Sums {
    boolean exact;
    BigInteger den;
    BigInteger[] bigA;
    BigInteger[][] bigP;
    double[] dA;
    double[][] dP;
  }

  private static Sums sums(SetFunction v) {
    int d = v.dimension();
    int n = 1 << d;
    Sums out = new Sums();
    if (v instanceof RealSetFunction r) {
      double[] val = r.valuesView();
      double[][] parts = accumulate(d, n, (acc, s) -> {
        double x = val[s];
        int k = Integer.bitCount(s);
        acc[d * (d + 1) + k] += x;
        for (int m = s; m != 0; m &= m - 1) {
          acc[Integer.numberOfTrailingZeros(m) * (d + 1) + k] += x;
        }
      });
      out.dA = new double[d + 1];
      out.dP = new double[d][d + 2];
      for (double[] acc : parts) {
        for (int k = 0; k <= d; k++) {
          out.dA[k] += acc[d * (d + 1) + k];
          for (int j = 0; j < d; j++) {
            out.dP[j][k] += acc[j * (d + 1) + k];
          }
        }
      }
      return out;
    }
    ExactSetFunction e = (ExactSetFunction) v;
    out.exact = true;
    out.den = e.denominator();
    out.bigA = new BigInteger[d + 1];
    out.bigP = new BigInteger[d][d + 2];
    java.util.Arrays.fill(out.bigA, BigInteger.ZERO);
    for (BigInteger[] row : out.bigP) {
      java.util.Arrays.fill(row, BigInteger.ZERO);
    }
    long[] num = e.longNumeratorsView();
    long maxAbs = 0;
    if (num != null) {
      for (long x : num) {
        maxAbs = Math.max(maxAbs, x == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(x));
      }
    }
    // every partial sum has at most 2^d terms of magnitude ≤ maxAbs
    if (num != null && (d >= 62 || maxAbs <= (Long.MAX_VALUE >> d))) {
      long[][] parts = accumulateLong(d, n, num);
      for (long[] acc : parts) {
        for (int k = 0; k <= d; k++) {
          out.bigA[k] = out.bigA[k].add(BigInteger.valueOf(acc[d * (d + 1) + k]));
          for (int j = 0; j < d; j++) {
            out.bigP[j][k] = out.bigP[j][k].add(BigInteger.valueOf(acc[j * (d + 1) + k]));
          }
        }
      }
      return out;
    }
    if (e.wideNumeratorsView() != null) {
      wideSums(d, n, e.wideNumeratorsView(), out);
      return out;
    }
    for (int s = 0; s < n; s++) {
      BigInteger x = e.bigNumerator(s);
      int k = Integer.bitCount(s);
      out.bigA[k] = out.bigA[k].add(x);
      for (int m = s; m != 0; m &= m - 1) {
        int j = Integer.numberOfTrailingZeros(m);
        out.bigP[j][k] = out.bigP[j][k].add(x);
      }
    }
    return out;
  }

  /**
   * A_k and P_{j,k} from fixed-width numerators. Each numerator is split into 32-bit halves (the top
   * one signed), and a chunk of at most 2^16 entries sums each half in a {@code long} (below 2^48),
   * so the hot loop is plain additions; the halves are recombined exactly at the end.
   */
  private static void wideSums(int d, int n, WideArray nums, Sums out) {
    int w = nums.words();
    int h = 2 * w;
    int stride = d + 1;
    long[] data = nums.data();
    int chunks = Math.max(1, n >>> CHUNK_BITS);
    int len = n / chunks;
    long[][] parts = IntStream.range(0, chunks).parallel().mapToObj(c -> {
      long[] acc = new long[stride * stride * h];
      long[] half = new long[h];
      int aBase = d * stride;
      for (int s = c * len, end = (c + 1) * len; s < end; s++) {
        int at = s * w;
        for (int k = 0; k < w; k++) {
          long word = data[at + k];
          half[2 * k] = word & 0xFFFFFFFFL;
          half[2 * k + 1] = k == w - 1 ? word >> 32 : word >>> 32;
        }
        int k = Integer.bitCount(s);
        int base = (aBase + k) * h;
        for (int m = 0; m < h; m++) {
          acc[base + m] += half[m];
        }
        for (int bits = s; bits != 0; bits &= bits - 1) {
          int pb = (Integer.numberOfTrailingZeros(bits) * stride + k) * h;
          for (int m = 0; m < h; m++) {
            acc[pb + m] += half[m];
          }
        }
      }
      return acc;
    }).toArray(long[][]::new);
    for (long[] acc : parts) {
      for (int k = 0; k <= d; k++) {
        out.bigA[k] = out.bigA[k].add(recombine(acc, (d * stride + k) * h, h));
        for (int j = 0; j < d; j++) {
          out.bigP[j][k] = out.bigP[j][k].add(recombine(acc, (j * stride + k) * h, h));
        }
      }
    }
  }

  /** Σ_m acc[at+m]·2^(32m). */
  private static BigInteger recombine(long[] acc, int at, int h) {
    BigInteger v = BigInteger.ZERO;
    for (int m = h - 1; m >= 0; m--) {
      v = v.shiftLeft(32).add(BigInteger.valueOf(acc[at + m]));
    }
    return v;
  }

  private interface DoubleStep {
    void add(double[] acc, int s);
  }

  private static final int CHUNK_BITS = 16;

  private static double[][] accumulate(int d, int n, DoubleStep step) {
    int chunks = Math.max(1, n >>> CHUNK_BITS);
    int len = n / chunks;
    return IntStream.range(0, chunks).parallel().mapToObj(c -> {
      double[] acc = new double[(d + 1) * (d + 1)];
      for (int s = c * len; s < (c + 1) * len; s++) {
        step.add(acc, s);
      }
      return acc;
    }).toArray(double[][]::new);
  }

  /** Per-chunk sums in long; a caller-checked bound rules out overflow. */
  private static long[][] accumulateLong(int d, int n, long[] num) {
    int chunks = Math.max(1, n >>> CHUNK_BITS);
    int len = n / chunks;
    int stride = d + 1;
    return IntStream.range(0, chunks).parallel().mapToObj(c -> {
      long[] acc = new long[stride * stride];
      int aBase = d * stride;
      for (int s = c * len, end = (c + 1) * len; s < end; s++) {
        long x = num[s];
        int k = Integer.bitCount(s);
        acc[aBase + k] += x;
        for (int m = s; m != 0; m &= m - 1) {
          acc[Integer.numberOfTrailingZeros(m) * stride + k] += x;
        }
      }
      return acc;
    }).toArray(long[][]::new);
  }
}
