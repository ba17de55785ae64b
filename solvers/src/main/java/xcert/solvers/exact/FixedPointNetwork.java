package xcert.solvers.exact;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.model.AffineLayer;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.num.Rationals;
import xcert.solvers.num.WideArray;

/**
 * A ReLU network (seed 003 Section 4.1) compiled to exact fixed-point integer arithmetic for inputs
 * drawn from given per-feature value sets, so that its value at every point of a grid is computed
 * without rounding and without rational arithmetic per operation.
 *
 * <p>Every input value is a dyadic rational, so x_i·2^E0 is an integer for one E0; every layer's
 * weights and bias have a common denominator D_l (a power of two, times the odd factors a Div by a
 * constant brings). With S_0 = 2^E0 and S_l = S_{l−1}·D_l, the pre-activations of layer l are integers
 * N_l/S_l with N_l = (D_l W_l)·N_{l−1} + D_l S_{l−1} b_l, and ReLU is a sign test on N_l. Magnitude
 * bounds (interval arithmetic from the extreme input values, through ReLU) are computed once, and
 * fix how many limbs of
 * 26 bits each value needs; products of limbs stay below 2^52, so a dot product accumulates in
 * {@code long} limbs with one carry pass at its end. The first layer is evaluated by meeting in the
 * middle: its pre-activations are the sum of one precomputed vector for the low features' values and
 * one for the high features'. The result is the output numerator N_L at every grid point, exactly, over
 * the common denominator S_L, in {@link WideArray} words.
 */
final class FixedPointNetwork {

  static final int LIMB_BITS = 26;
  private static final long LIMB_MASK = (1L << LIMB_BITS) - 1;
  /** Products of limbs are below 2^52; at most this many are summed in one limb before carrying. */
  private static final int MAX_TERMS = 1 << 10;

  private final int d;
  private final int layers;
  private final int e0;
  private final BigInteger[][][] m; // integer weights per layer [l][j][i]
  private final BigInteger[][] bias; // integer biases per layer [l][j]
  private final int[] limbs; // limbs of layer l's values (l = 0: inputs)
  private final int[] weightLimbs; // limbs of layer l's integer weights (index l ≥ 1)
  private final long[][] weightFlat; // [l][(j·in + i)·wl + q]
  private final long[][] biasFlat; // [l][j·acc + q]
  private final int[] widths;
  private final BigInteger denominator;
  private final BigInteger outputBound;
  /** The certified float64 + residue path, or null when its error bound is too large. */
  private Residues residues;

  private FixedPointNetwork(int d, int layers, int e0, BigInteger[][][] m, BigInteger[][] bias,
      int[] limbs, int[] weightLimbs, int[] widths, BigInteger denominator,
      BigInteger outputBound) {
    this.d = d;
    this.layers = layers;
    this.e0 = e0;
    this.m = m;
    this.bias = bias;
    this.limbs = limbs;
    this.weightLimbs = weightLimbs;
    this.widths = widths;
    this.denominator = denominator;
    this.outputBound = outputBound;
    this.weightFlat = new long[layers + 1][];
    this.biasFlat = new long[layers + 1][];
    for (int l = 2; l <= layers; l++) {
      int in = widths[l - 1];
      int wl = weightLimbs[l];
      int acc = accLimbs(l);
      weightFlat[l] = new long[widths[l] * in * wl];
      biasFlat[l] = new long[widths[l] * acc];
      for (int j = 0; j < widths[l]; j++) {
        for (int i = 0; i < in; i++) {
          toLimbs(m[l][j][i], weightFlat[l], (j * in + i) * wl, wl);
        }
        toLimbs(bias[l][j], biasFlat[l], j * acc, acc);
      }
    }
  }

  /**
   * Compiles a network for inputs whose feature i takes values in {@code values[i]}; empty when the
   * limb bounds are exceeded (the caller then uses rational arithmetic).
   */
  static java.util.Optional<FixedPointNetwork> compile(ReluNetwork net, double[][] values) {
    int d = net.dimension();
    int e0 = 0;
    BigInteger[] inBound = new BigInteger[d];
    for (int i = 0; i < d; i++) {
      inBound[i] = BigInteger.ZERO;
      for (double v : values[i]) {
        BigFraction f = Rationals.fromDouble(v);
        e0 = Math.max(e0, f.getDenominator().abs().bitLength() - 1);
      }
    }
    // interval bounds (seed-independent, exact): [lo_i, hi_i] of every unit's value
    BigInteger[] lo = new BigInteger[d];
    BigInteger[] hi = new BigInteger[d];
    for (int i = 0; i < d; i++) {
      for (double v : values[i]) {
        BigInteger xi = scaled(v, e0);
        inBound[i] = inBound[i].max(xi.abs());
        lo[i] = lo[i] == null ? xi : lo[i].min(xi);
        hi[i] = hi[i] == null ? xi : hi[i].max(xi);
      }
    }
    List<AffineLayer> ls = net.layers();
    int layers = ls.size();
    BigInteger[][][] m = new BigInteger[layers + 1][][];
    BigInteger[][] bias = new BigInteger[layers + 1][];
    int[] widths = new int[layers + 1];
    int[] limbs = new int[layers + 1];
    int[] weightLimbs = new int[layers + 1];
    widths[0] = d;
    BigInteger s = BigInteger.ONE.shiftLeft(e0);
    BigInteger[] bound = inBound;
    BigInteger[][] bounds = new BigInteger[layers + 1][];
    BigInteger[] scales = new BigInteger[layers + 1];
    bounds[0] = inBound;
    scales[0] = s;
    limbs[0] = limbsFor(max(bound));
    for (int l = 1; l <= layers; l++) {
      AffineLayer a = ls.get(l - 1);
      BigInteger dl = a.commonDenominator();
      int out = a.outputs();
      int in = a.inputs();
      widths[l] = out;
      m[l] = new BigInteger[out][in];
      bias[l] = new BigInteger[out];
      BigInteger[] next = new BigInteger[out];
      BigInteger[] nextLo = new BigInteger[out];
      BigInteger[] nextHi = new BigInteger[out];
      BigInteger maxW = BigInteger.ZERO;
      for (int j = 0; j < out; j++) {
        BigInteger b = timesMultiple(a.bias(j), dl).multiply(s);
        bias[l][j] = b;
        BigInteger low = b;
        BigInteger high = b;
        for (int i = 0; i < in; i++) {
          BigInteger wi = timesMultiple(a.weight(j, i), dl);
          m[l][j][i] = wi;
          maxW = maxW.max(wi.abs());
          if (wi.signum() > 0) {
            low = low.add(wi.multiply(lo[i]));
            high = high.add(wi.multiply(hi[i]));
          } else if (wi.signum() < 0) {
            low = low.add(wi.multiply(hi[i]));
            high = high.add(wi.multiply(lo[i]));
          }
        }
        next[j] = low.abs().max(high.abs());
        nextLo[j] = l < layers ? low.max(BigInteger.ZERO) : low;
        nextHi[j] = l < layers ? high.max(BigInteger.ZERO) : high;
      }
      lo = nextLo;
      hi = nextHi;
      s = s.multiply(dl);
      bound = next;
      bounds[l] = next;
      scales[l] = s;
      limbs[l] = limbsFor(max(bound));
      weightLimbs[l] = magnitudeLimbs(maxW);
      if (l >= 2 && (long) in * Math.min(limbs[l - 1], weightLimbs[l]) + 1 > MAX_TERMS) {
        return java.util.Optional.empty();
      }
    }
    if (layers >= 1 && (long) d + 2 > MAX_TERMS) {
      return java.util.Optional.empty();
    }
    FixedPointNetwork fp = new FixedPointNetwork(d, layers, e0, m, bias, limbs, weightLimbs,
        widths, s, max(bound));
    fp.residues = Residues.of(net, fp, bounds, scales);
    return java.util.Optional.of(fp);
  }

  /** v·k for a multiple k of v's denominator, in integer arithmetic. */
  private static BigInteger timesMultiple(BigFraction v, BigInteger k) {
    BigInteger den = v.getDenominator();
    BigInteger num = v.getNumerator();
    if (den.signum() < 0) {
      den = den.negate();
      num = num.negate();
    }
    return num.multiply(k.divide(den));
  }

  private static BigInteger max(BigInteger[] v) {
    BigInteger r = BigInteger.ZERO;
    for (BigInteger b : v) {
      r = r.max(b);
    }
    return r;
  }

  /** Limbs for signed values of magnitude ≤ bound: the top limb holds the sign. */
  private static int limbsFor(BigInteger bound) {
    return bound.bitLength() / LIMB_BITS + 1;
  }

  /** Signed limbs (each of magnitude below 2^26, all of the value's sign) for |v| ≤ bound. */
  private static int magnitudeLimbs(BigInteger bound) {
    return Math.max(1, (bound.bitLength() + LIMB_BITS - 1) / LIMB_BITS);
  }

  /** v·2^e0 as an integer (exact: e0 covers every value's denominator). */
  private static BigInteger scaled(double v, int e0) {
    BigFraction f = Rationals.fromDouble(v).multiply(BigFraction.of(BigInteger.ONE.shiftLeft(e0)));
    return f.getNumerator().divide(f.getDenominator());
  }

  /** The common denominator S_L of every output numerator. */
  BigInteger denominator() {
    return denominator;
  }

  /** A bound on |N_L| at every point. */
  BigInteger outputBound() {
    return outputBound;
  }

  /**
   * Limbs of layer l's accumulators: the value fits in limbs[l]; the partial products of an activation
   * (limbs[l−1] limbs) and a weight reach position limbs[l−1] + weightLimbs[l] − 2, and their carries
   * one more.
   */
  private int accLimbs(int l) {
    return Math.max(limbs[l], (l == 1 ? 0 : limbs[l - 1]) + weightLimbs[l]) + 1;
  }

  /** Signed limbs of v (|limb| < 2^26), written at out[at..at+n); v must fit. */
  private static void toLimbs(BigInteger v, long[] out, int at, int n) {
    BigInteger a = v.abs();
    int sign = v.signum();
    for (int k = 0; k < n; k++) {
      long limb = a.shiftRight(LIMB_BITS * k).longValue() & LIMB_MASK;
      out[at + k] = sign < 0 ? -limb : limb;
    }
    if (a.bitLength() > LIMB_BITS * n) {
      throw new ArithmeticException("value exceeds " + n + " limbs");
    }
  }

  /**
   * Floor-normalises limbs [at, at+n): afterwards limbs below the top lie in [0, 2^26) and the top
   * limb carries the sign; returns the sign of the value.
   */
  private static int normalise(long[] a, int at, int n) {
    long carry = 0;
    boolean nonzero = false;
    for (int k = 0; k < n - 1; k++) {
      long v = a[at + k] + carry;
      carry = v >> LIMB_BITS;
      v &= LIMB_MASK;
      a[at + k] = v;
      nonzero |= v != 0;
    }
    long top = a[at + n - 1] + carry;
    a[at + n - 1] = top;
    return top < 0 ? -1 : (top > 0 || nonzero) ? 1 : 0;
  }

  /**
   * Output numerators at every point of the grid Π_i values[i] (mixed radix, feature 1 fastest),
   * each in {@code words} words of {@code out} from entry offset {@code first} on.
   *
   * @param index maps a grid point number to the entry it is written to (identity when null)
   */
  void evaluateGrid(double[][] values, WideArray out, java.util.function.IntUnaryOperator index) {
    evaluateGrid(values, out, index, true);
  }

  /** As {@link #evaluateGrid(double[][], WideArray, java.util.function.IntUnaryOperator)}, in the calling thread when {@code parallel} is false. */
  void evaluateGrid(double[][] values, WideArray out, java.util.function.IntUnaryOperator index,
      boolean parallel) {
    int split = d / 2;
    int lowCount = 1;
    for (int i = 0; i < split; i++) {
      lowCount *= values[i].length;
    }
    int highCount = 1;
    for (int i = split; i < d; i++) {
      highCount *= values[i].length;
    }
    int h1 = widths[1];
    int n1 = accLimbs(1);
    final int lcount = lowCount;
    final int hcount = highCount;
    java.util.function.Supplier<long[][]> limbHalves = memo(() -> new long[][] {
        halfTable(values, 0, split, lcount, true, n1),
        halfTable(values, split, d, hcount, false, n1)});
    final int lc = lowCount;
    final Residues res = residues;
    final double[] lowF = res == null ? null : res.halfFloat(values, 0, split, lowCount, true);
    final double[] highF = res == null ? null : res.halfFloat(values, split, d, highCount, false);
    final long[] lowI = res == null ? null : res.halfResidue(values, 0, split, lowCount, true);
    final long[] highI = res == null ? null : res.halfResidue(values, split, d, highCount, false);
    IntStream his = IntStream.range(0, highCount);
    (parallel ? his.parallel() : his).forEach(hi -> {
      Scratch sc = new Scratch(this);
      Residues.Buffers rb = res == null ? null : res.buffers();
      for (int lo = 0; lo < lc; lo++) {
        if (rb != null) {
          int point = lo + lc * hi;
          int entry = index == null ? point : index.applyAsInt(point);
          if (res.evaluate(rb, lowF, highF, lowI, highI, lo, hi, out.data(),
              entry * out.words(), out.words())) {
            continue;
          }
        }
        long[] a = sc.act[1];
        long[][] halves = limbHalves.get();
        long[] low = halves[0];
        long[] high = halves[1];
        for (int j = 0; j < h1; j++) {
          int la = (lo * h1 + j) * n1;
          int ha = (hi * h1 + j) * n1;
          int at = j * n1;
          for (int q = 0; q < n1; q++) {
            a[at + q] = low[la + q] + high[ha + q];
          }
        }
        int point = lo + lc * hi;
        long[] result = forward(sc, a);
        int entry = index == null ? point : index.applyAsInt(point);
        writeWords(result, 0, accLimbsOut(), out.data(), entry * out.words(), out.words());
      }
    });
  }

  /** A thread-safe memo of a supplier (computed at most once, on first use). */
  private static <T> java.util.function.Supplier<T> memo(java.util.function.Supplier<T> f) {
    return new java.util.function.Supplier<T>() {
      private volatile T value;

      @Override
      public T get() {
        T v = value;
        if (v == null) {
          synchronized (this) {
            v = value;
            if (v == null) {
              v = f.get();
              value = v;
            }
          }
        }
        return v;
      }
    };
  }

  int width(int l) {
    return widths[l];
  }

  int layerCount() {
    return layers;
  }

  BigInteger weight(int l, int j, int i) {
    return m[l][j][i];
  }

  BigInteger bias(int l, int j) {
    return bias[l][j];
  }

  int inputScale() {
    return e0;
  }

  /** x·2^e0, an integer. */
  BigInteger scaledValue(double v) {
    return scaled(v, e0);
  }

  /** Whether the certified float64 + residue path is in use (for provenance and tests). */
  boolean usesResidues() {
    return residues != null;
  }

  /** How many prime moduli the residue path uses besides 2^64 (0 without the path). */
  int residuePrimes() {
    return residues == null ? 0 : residues.primes();
  }

  private int accLimbsOut() {
    return accLimbs(layers);
  }

  /** Pre-activations of layer 1 contributed by features [from, to) (with the bias on the low side). */
  private long[] halfTable(double[][] values, int from, int to, int count, boolean withBias,
      int n1) {
    int h1 = widths[1];
    long[] t = new long[count * h1 * n1];
    int[] digit = new int[to - from];
    BigInteger[][] xs = new BigInteger[to - from][];
    for (int i = from; i < to; i++) {
      xs[i - from] = new BigInteger[values[i].length];
      for (int a = 0; a < values[i].length; a++) {
        xs[i - from][a] = scaled(values[i][a], e0);
      }
    }
    for (int k = 0; k < count; k++) {
      for (int j = 0; j < h1; j++) {
        BigInteger sum = withBias ? bias[1][j] : BigInteger.ZERO;
        for (int i = from; i < to; i++) {
          BigInteger xi = xs[i - from][digit[i - from]];
          if (m[1][j][i].signum() != 0 && xi.signum() != 0) {
            sum = sum.add(m[1][j][i].multiply(xi));
          }
        }
        toLimbs(sum, t, (k * h1 + j) * n1, n1);
      }
      for (int p = 0; p < digit.length; p++) {
        if (++digit[p] < values[from + p].length) {
          break;
        }
        digit[p] = 0;
      }
    }
    return t;
  }

  /** Per-thread buffers: act[l] holds layer l's accumulators, unit j at j·accLimbs(l). */
  private static final class Scratch {
    final long[][] act;

    Scratch(FixedPointNetwork n) {
      act = new long[n.layers + 1][];
      for (int l = 1; l <= n.layers; l++) {
        act[l] = new long[n.widths[l] * n.accLimbs(l)];
      }
    }
  }

  /** Runs layers 2..L from layer 1's pre-activations; returns the output accumulator. */
  private long[] forward(Scratch sc, long[] first) {
    long[] prev = first;
    int prevAcc = accLimbs(1);
    for (int l = 1; l <= layers; l++) {
      if (l >= 2) {
        int in = widths[l - 1];
        int na = limbs[l - 1];
        int wl = weightLimbs[l];
        int acc = accLimbs(l);
        long[] cur = sc.act[l];
        long[] wf = weightFlat[l];
        System.arraycopy(biasFlat[l], 0, cur, 0, widths[l] * acc);
        for (int i = 0; i < in; i++) {
          int ai = i * prevAcc;
          if (prev[ai + prevAcc - 1] == Long.MIN_VALUE) {
            continue; // inactive unit (marked by the ReLU below)
          }
          for (int j = 0; j < widths[l]; j++) {
            int wb = (j * in + i) * wl;
            int cb = j * acc;
            for (int p = 0; p < na; p++) {
              long ap = prev[ai + p];
              if (ap == 0) {
                continue;
              }
              for (int q = 0; q < wl; q++) {
                cur[cb + p + q] += ap * wf[wb + q];
              }
            }
          }
        }
        prev = cur;
        prevAcc = acc;
      }
      if (l < layers) {
        int w = widths[l];
        for (int j = 0; j < w; j++) {
          int at = j * prevAcc;
          if (normalise(prev, at, prevAcc) <= 0) {
            prev[at + prevAcc - 1] = Long.MIN_VALUE; // ReLU: this unit is 0
          }
        }
      } else {
        normalise(prev, 0, prevAcc);
      }
    }
    return prev;
  }

  /** Writes normalised limbs [at, at+n) as two's complement words. */
  private static void writeWords(long[] limbs, int at, int n, long[] out, int oat, int words) {
    for (int k = 0; k < words; k++) {
      out[oat + k] = 0;
    }
    for (int k = 0; k < n - 1; k++) {
      long v = limbs[at + k];
      if (v == 0) {
        continue;
      }
      int bit = LIMB_BITS * k;
      int w = bit >>> 6;
      int r = bit & 63;
      if (w < words) {
        out[oat + w] |= v << r;
      }
      if (r > 64 - LIMB_BITS && w + 1 < words) {
        out[oat + w + 1] |= v >>> (64 - r);
      }
    }
    long top = limbs[at + n - 1];
    int bit = LIMB_BITS * (n - 1);
    int w = bit >>> 6;
    int r = bit & 63;
    long ext = top >> 63;
    if (w < words) {
      out[oat + w] |= top << r;
    }
    if (w + 1 < words) {
      out[oat + w + 1] = r == 0 ? ext : (top >> (64 - r));
    }
    for (int k = w + 2; k < words; k++) {
      out[oat + k] = ext;
    }
    // a top limb beyond the words contributes 0 modulo 2^(64·words)
  }
}
