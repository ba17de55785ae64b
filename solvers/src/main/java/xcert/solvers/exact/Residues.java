package xcert.solvers.exact;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import xcert.solvers.model.AffineLayer;
import xcert.solvers.model.ReluNetwork;

/**
 * The fast path of {@link FixedPointNetwork}: the exact output numerator N_L at a grid point from a
 * float64 forward pass with a rigorous error bound and the same pass on integers modulo 2^64 (and,
 * when the float64 estimate is too coarse for that alone, also modulo one or two primes below 2^28).
 *
 * <p>Integer multiplication and addition commute with reduction modulo m, so the modular passes yield
 * N_L mod m exactly as long as they follow the exact activation pattern. The pattern is taken from
 * the float64 pass where it is certified: unit j of layer l is decided when |z̃_j| exceeds the bound
 * E_{l,j} on |z̃_j − z_j|, with E_0 = 0 and
 * E_{l,j} = Σ_i |w̃_ji| E_{l−1,i} + Σ_i |w_ji − w̃_ji| M_{l−1,i} + |b_j − b̃_j|
 * + γ_{n+1} (Σ_i |w̃_ji| (M_{l−1,i} + E_{l−1,i}) + |b̃_j|), γ_k = k·u/(1 − k·u), u = 2^−53, M the
 * exact magnitude bounds: the standard bound for a sum of n + 1 rounded products in any order (so
 * also for the first layer's two precomputed halves); ReLU is 1-Lipschitz, so errors pass through it
 * unchanged. |w − w̃| ≤ 2·ulp(w̃) for a weight that is not a double. The bounds are computed in
 * float64 and widened by 2^−30 relative, far more than the rounding of their own n + 3 operations.
 * At the output, |fl(f̃·fl(S_L)) − N_L| ≤ S_L (E_L + 3u (M_L + E_L)) =: B. When B < 2^61, N_L is the
 * unique integer congruent to the 2^64 residue within 2^63 of the estimate; when B < 2^89 (one prime
 * p) or B < 2^116 (two primes p, p′) the residues are first combined by the Chinese remainder theorem
 * (Garner's mixed radix) into N_L mod 2^64·p or 2^64·p·p′, and N_L is the integer with that residue
 * nearest the estimate (these paths also serve outputs wider than 125 bits, up to 150). A point with an
 * undecided unit returns false and is computed in limbs instead.
 */
final class Residues {

  private static final double U = 0x1p-53;
  private static final double WIDEN = 1 + 0x1p-30;
  /** The largest prime below 2^28: products of residues stay below 2^57. */
  static final long P = 268_435_399L;
  /** The next prime below it, for a second residue. */
  static final long P2 = 268_435_367L;
  private static final long[] PRIMES = {P, P2};
  /** Terms summed before a reduction modulo P (each below 2^57, the sum below 2^63). */
  private static final int P_TERMS = 60;
  private static final double[] INV = {1.0 / P, 1.0 / P2};

  private final FixedPointNetwork fp;
  private final int layers;
  private final int[] widths;
  private final double[][][] wf;
  private final double[][] bf;
  private final long[][][] wi;
  private final long[][] bi;
  private final int primes; // 0, 1 or 2 prime moduli besides 2^64
  private final long[][][][] wp; // [prime][l][j][i] weights mod the prime
  private final long[][][] bp;
  private final double[][] err;
  private final double sigma;
  private final long inv64; // (2^64)^{-1} mod P
  private final long two64ModP2; // 2^64 mod P2
  private final long invP2; // (2^64·P)^{-1} mod P2

  private Residues(FixedPointNetwork fp, double[][][] wf, double[][] bf, long[][][] wi,
      long[][] bi, int primes, long[][][][] wp, long[][][] bp, double[][] err, double sigma) {
    this.fp = fp;
    this.layers = fp.layerCount();
    this.widths = new int[layers + 1];
    for (int l = 0; l <= layers; l++) {
      widths[l] = fp.width(l);
    }
    this.wf = wf;
    this.bf = bf;
    this.wi = wi;
    this.bi = bi;
    this.primes = primes;
    this.wp = wp;
    this.bp = bp;
    this.err = err;
    this.sigma = sigma;
    BigInteger two64 = BigInteger.ONE.shiftLeft(64);
    this.inv64 = two64.modInverse(BigInteger.valueOf(P)).longValueExact();
    this.two64ModP2 = two64.mod(BigInteger.valueOf(P2)).longValueExact();
    this.invP2 = two64.multiply(BigInteger.valueOf(P)).modInverse(BigInteger.valueOf(P2))
        .longValueExact();
  }

  /** How many prime moduli are used besides 2^64 (0, 1 or 2). */
  int primes() {
    return primes;
  }

  /** The residue path for a compiled network, or null when its output error bound is too large. */
  static Residues of(ReluNetwork net, FixedPointNetwork fp, BigInteger[][] bounds,
      BigInteger[] scales) {
    int layers = fp.layerCount();
    List<AffineLayer> ls = net.layers();
    double[][][] wf = new double[layers + 1][][];
    double[][] bf = new double[layers + 1][];
    long[][][] wi = new long[layers + 1][][];
    long[][] bi = new long[layers + 1][];
    long[][][][] wp = new long[2][layers + 1][][];
    long[][][] bp = new long[2][layers + 1][];
    double[][] e = new double[layers + 1][];
    double[] mag = magnitudes(bounds[0], scales[0]);
    e[0] = new double[fp.width(0)];
    for (int l = 1; l <= layers; l++) {
      AffineLayer a = ls.get(l - 1);
      boolean doubles = a.isDoubleExact();
      int out = a.outputs();
      int in = a.inputs();
      wf[l] = new double[out][in];
      bf[l] = new double[out];
      wi[l] = new long[out][in];
      bi[l] = new long[out];
      for (int q = 0; q < 2; q++) {
        wp[q][l] = new long[out][in];
        bp[q][l] = new long[out];
      }
      e[l] = new double[out];
      double gamma = (in + 1) * U / (1 - (in + 1) * U);
      for (int j = 0; j < out; j++) {
        double prop = 0;
        double rep = 0;
        double abs = 0;
        for (int i = 0; i < in; i++) {
          double w = a.weightDouble(j, i);
          wf[l][j][i] = w;
          BigInteger m = fp.weight(l, j, i);
          wi[l][j][i] = m.longValue();
          for (int q = 0; q < 2; q++) {
            wp[q][l][j][i] = m.mod(BigInteger.valueOf(PRIMES[q])).longValue();
          }
          double aw = Math.abs(w);
          prop += aw * e[l - 1][i];
          if (!doubles) {
            rep += 2 * Math.ulp(w) * mag[i];
          }
          abs += aw * (mag[i] + e[l - 1][i]);
        }
        double b = a.biasDouble(j);
        bf[l][j] = b;
        bi[l][j] = fp.bias(l, j).longValue();
        for (int q = 0; q < 2; q++) {
          bp[q][l][j] = fp.bias(l, j).mod(BigInteger.valueOf(PRIMES[q])).longValue();
        }
        if (!doubles) {
          rep += 2 * Math.ulp(b);
        }
        abs += Math.abs(b);
        e[l][j] = (prop + rep + gamma * abs) * WIDEN;
      }
      mag = magnitudes(bounds[l], scales[l]);
    }
    double s = scales[layers].doubleValue();
    double bound = s * (e[layers][0] + 3 * U * (mag[0] + e[layers][0])) * WIDEN;
    if (!(bound < 0x1p116) || fp.outputBound().bitLength() > 150) {
      return null;
    }
    for (int l = 1; l <= layers; l++) {
      for (int j = 0; j < e[l].length; j++) {
        e[l][j] += Double.MIN_VALUE;
      }
    }
    int primes = bound < 0x1p61 && fp.outputBound().bitLength() <= 125 ? 0
        : bound < 0x1p89 ? 1 : 2;
    return new Residues(fp, wf, bf, wi, bi, primes, wp, bp, e, s);
  }

  /** bound/scale per unit, rounded up (as doubles, widened). */
  private static double[] magnitudes(BigInteger[] bound, BigInteger scale) {
    double[] out = new double[bound.length];
    BigDecimal s = new BigDecimal(scale);
    MathContext up = new MathContext(20, RoundingMode.UP);
    for (int i = 0; i < bound.length; i++) {
      out[i] = new BigDecimal(bound[i]).divide(s, up).doubleValue() * WIDEN;
    }
    return out;
  }

  /** Layer 1's float64 partial sums over features [from, to), bias on the low side. */
  double[] halfFloat(double[][] values, int from, int to, int count, boolean withBias) {
    int h1 = widths[1];
    double[] t = new double[count * h1];
    int[] digit = new int[to - from];
    for (int k = 0; k < count; k++) {
      for (int j = 0; j < h1; j++) {
        double sum = withBias ? bf[1][j] : 0;
        for (int i = from; i < to; i++) {
          sum += wf[1][j][i] * values[i][digit[i - from]];
        }
        t[k * h1 + j] = sum;
      }
      advance(digit, values, from);
    }
    return t;
  }

  /**
   * Layer 1's integer partial sums over features [from, to): modulo 2^64 in entries
   * ((primes + 1)·k)·h1 + j and modulo the q-th prime in entries ((primes + 1)·k + 1 + q)·h1 + j.
   */
  long[] halfResidue(double[][] values, int from, int to, int count, boolean withBias) {
    int h1 = widths[1];
    int stride = primes + 1;
    long[] t = new long[stride * count * h1];
    int[] digit = new int[to - from];
    long[][] x = new long[to - from][];
    long[][][] xp = new long[primes][to - from][];
    for (int i = from; i < to; i++) {
      x[i - from] = new long[values[i].length];
      for (int q = 0; q < primes; q++) {
        xp[q][i - from] = new long[values[i].length];
      }
      for (int a = 0; a < values[i].length; a++) {
        BigInteger v = fp.scaledValue(values[i][a]);
        x[i - from][a] = v.longValue();
        for (int q = 0; q < primes; q++) {
          xp[q][i - from][a] = v.mod(BigInteger.valueOf(PRIMES[q])).longValue();
        }
      }
    }
    for (int k = 0; k < count; k++) {
      for (int j = 0; j < h1; j++) {
        long sum = withBias ? bi[1][j] : 0;
        for (int i = from; i < to; i++) {
          sum += wi[1][j][i] * x[i - from][digit[i - from]];
        }
        t[stride * k * h1 + j] = sum;
        for (int q = 0; q < primes; q++) {
          long sp = withBias ? bp[q][1][j] : 0;
          for (int i = from; i < to; i++) {
            sp = (sp + wp[q][1][j][i] * xp[q][i - from][digit[i - from]]) % PRIMES[q];
          }
          t[(stride * k + 1 + q) * h1 + j] = sp;
        }
      }
      advance(digit, values, from);
    }
    return t;
  }

  private static void advance(int[] digit, double[][] values, int from) {
    for (int p = 0; p < digit.length; p++) {
      if (++digit[p] < values[from + p].length) {
        return;
      }
      digit[p] = 0;
    }
  }

  /** Per-thread buffers. */
  static final class Buffers {
    final double[][] f;
    final long[][] r;
    final long[][][] rp;

    Buffers(int[] widths) {
      f = new double[widths.length][];
      r = new long[widths.length][];
      rp = new long[2][widths.length][];
      for (int l = 1; l < widths.length; l++) {
        f[l] = new double[widths[l]];
        r[l] = new long[widths[l]];
        rp[0][l] = new long[widths[l]];
        rp[1][l] = new long[widths[l]];
      }
    }
  }

  Buffers buffers() {
    return new Buffers(widths);
  }

  /**
   * Writes N_L at (lo, hi) into out[at, at+words) and returns true, or returns false when a unit's
   * sign is not certified.
   */
  boolean evaluate(Buffers b, double[] lowF, double[] highF, long[] lowI, long[] highI, int lo,
      int hi, long[] out, int at, int words) {
    int h1 = widths[1];
    int stride = primes + 1;
    double[] f = b.f[1];
    long[] r = b.r[1];
    int lb = stride * lo * h1;
    int hb = stride * hi * h1;
    for (int j = 0; j < h1; j++) {
      f[j] = lowF[lo * h1 + j] + highF[hi * h1 + j];
      r[j] = lowI[lb + j] + highI[hb + j];
    }
    for (int q = 0; q < primes; q++) {
      long[] rq = b.rp[q][1];
      int off = (1 + q) * h1;
      for (int j = 0; j < h1; j++) {
        rq[j] = lowI[lb + off + j] + highI[hb + off + j]; // below 2p: products stay below 2^57
      }
    }
    for (int l = 1; l <= layers; l++) {
      if (l >= 2) {
        double[] pf = b.f[l - 1];
        long[] pr = b.r[l - 1];
        f = b.f[l];
        r = b.r[l];
        int in = widths[l - 1];
        for (int j = 0; j < widths[l]; j++) {
          double sf = bf[l][j];
          long sr = bi[l][j];
          double[] wrow = wf[l][j];
          long[] irow = wi[l][j];
          for (int i = 0; i < in; i++) {
            if (pf[i] != 0 || pr[i] != 0) {
              sf += wrow[i] * pf[i];
              sr += irow[i] * pr[i];
            }
          }
          f[j] = sf;
          r[j] = sr;
        }
        for (int q = 0; q < primes; q++) {
          long[] prp = b.rp[q][l - 1];
          long[] rq = b.rp[q][l];
          for (int j = 0; j < widths[l]; j++) {
            long[] prow = wp[q][l][j];
            long sp = bp[q][l][j];
            for (int i0 = 0; i0 < in; i0 += P_TERMS) {
              for (int i = i0, ie = Math.min(in, i0 + P_TERMS); i < ie; i++) {
                sp += prow[i] * prp[i];
              }
              sp = mod(sp, q);
            }
            rq[j] = sp;
          }
        }
      }
      if (l < layers) {
        double[] e = err[l];
        for (int j = 0; j < widths[l]; j++) {
          double z = f[j];
          if (z > e[j]) {
            continue;
          }
          if (z < -e[j]) {
            f[j] = 0;
            r[j] = 0;
            for (int q = 0; q < primes; q++) {
              b.rp[q][l][j] = 0;
            }
            continue;
          }
          return false;
        }
      }
    }
    double est = Math.rint(f[0] * sigma);
    if (primes == 0) {
      writeNear(est, r[0], out, at, words);
      return true;
    }
    // Garner: R = r + 2^64·T ≡ N modulo 2^64·Π p, 0 ≤ T < Π p; N = R + k·2^64·Π p with
    // k = round((est − R)/(2^64·Π p))
    long r64 = r[0];
    long t1 = Math.floorMod(mod(b.rp[0][layers][0], 0) - Long.remainderUnsigned(r64, P), P);
    t1 = mod(t1 * inv64, 0);
    long bigT = t1;
    long prod = P;
    if (primes == 2) {
      long v = (Long.remainderUnsigned(r64, P2) + mod(two64ModP2 * t1, 1)) % P2;
      long t2 = Math.floorMod(mod(b.rp[1][layers][0], 1) - v, P2);
      t2 = mod(t2 * invP2, 1);
      bigT = t1 + P * t2;
      prod = P * P2;
    }
    double rApprox = (r64 >= 0 ? (double) r64 : (double) (r64 >>> 1) * 2) + bigT * 0x1p64;
    long k = Math.round((est - rApprox) / (0x1p64 * prod));
    // the high part T + k·Π p in 128 bits (|k| < 2^64 since |N| < 2^150)
    long kpLo = k * prod;
    long kpHi = Math.multiplyHigh(k, prod);
    long hiLo = kpLo + bigT;
    long hiHi = kpHi + (Long.compareUnsigned(hiLo, kpLo) < 0 ? 1 : 0);
    out[at] = r64;
    if (words > 1) {
      out[at + 1] = hiLo;
    }
    if (words > 2) {
      out[at + 2] = hiHi;
      long ext = hiHi >> 63;
      for (int w = 3; w < words; w++) {
        out[at + w] = ext;
      }
    }
    return true;
  }

  /**
   * x mod the q-th prime for 0 ≤ x < 2^63: the quotient from a float64 product is off by at most
   * one (its relative error is below 2^−50 and x/p < 2^36), which the two corrections absorb.
   */
  static long mod(long x, int q) {
    long p = PRIMES[q];
    long quot = (long) (x * INV[q]);
    long r = x - quot * p;
    if (r < 0) {
      r += p;
    } else if (r >= p) {
      r -= p;
    }
    return r;
  }

  /** N from its residue mod 2^64 and an integer estimate within 2^62 of it. */
  private static void writeNear(double est, long residue, long[] out, int at, int words) {
    long estLo;
    long estHi;
    if (Math.abs(est) < 0x1p62) {
      estLo = (long) est;
      estHi = estLo >> 63;
    } else {
      long bits = Double.doubleToRawLongBits(Math.abs(est));
      int exp = (int) ((bits >>> 52) & 0x7FF) - 1075;
      long mant = (bits & ((1L << 52) - 1)) | (1L << 52);
      // |est| = mant·2^exp with 10 ≤ exp; the value fits in two words (|N| < 2^125)
      estLo = exp < 64 ? mant << exp : 0;
      estHi = exp < 64 ? mant >>> (64 - exp) : mant << (exp - 64);
      if (est < 0) {
        estLo = -estLo;
        estHi = ~estHi + (estLo == 0 ? 1 : 0);
      }
    }
    long delta = residue - estLo;
    long lo64 = estLo + delta;
    long carry = Long.compareUnsigned(lo64, estLo) < 0 ? 1 : 0;
    long hi64 = estHi + (delta >> 63) + carry;
    out[at] = lo64;
    if (words > 1) {
      out[at + 1] = hi64;
      long ext = hi64 >> 63;
      for (int k = 2; k < words; k++) {
        out[at + k] = ext;
      }
    }
  }
}
