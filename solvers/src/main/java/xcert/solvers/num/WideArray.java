package xcert.solvers.num;

import java.math.BigInteger;

/**
 * n signed integers of a fixed width, each held as {@code words} 64-bit words in two's complement
 * (least significant word first), packed in one {@code long[]}. The exact tables of networks use it:
 * their numerators exceed a {@code long} but have a width known in advance from magnitude bounds, so
 * every operation is a few word operations with carries instead of a {@link BigInteger} allocation.
 * Arithmetic is modulo 2^(64·words); callers size {@code words} so that no true result overflows.
 */
public final class WideArray {

  private final int words;
  private final long[] data;

  /** n zeros of the given width. */
  public WideArray(int n, int words) {
    if (words < 1) {
      throw new IllegalArgumentException("words must be >= 1");
    }
    this.words = words;
    this.data = new long[Math.multiplyExact(n, words)];
  }

  /** Words needed for signed integers of magnitude below 2^bits. */
  public static int wordsFor(int bits) {
    return bits / 64 + 1;
  }

  public int words() {
    return words;
  }

  public int size() {
    return data.length / words;
  }

  /** The backing words (entry s at [s·words, (s+1)·words)), for hot loops. */
  public long[] data() {
    return data;
  }

  /** Entry s. */
  public BigInteger get(int s) {
    int base = s * words;
    byte[] bytes = new byte[8 * words];
    for (int k = 0; k < words; k++) {
      long w = data[base + k];
      int at = 8 * (words - 1 - k);
      for (int b = 0; b < 8; b++) {
        bytes[at + 7 - b] = (byte) (w >>> (8 * b));
      }
    }
    return new BigInteger(bytes);
  }

  /** Sets entry s; v must fit in the width. */
  public void set(int s, BigInteger v) {
    if (v.bitLength() >= 64 * words) {
      throw new ArithmeticException(v.bitLength() + "-bit value does not fit " + words + " words");
    }
    int base = s * words;
    for (int k = 0; k < words; k++) {
      data[base + k] = v.shiftRight(64 * k).longValue();
    }
  }

  /** Sign of entry s. */
  public int signum(int s) {
    int base = s * words;
    if (data[base + words - 1] < 0) {
      return -1;
    }
    for (int k = 0; k < words; k++) {
      if (data[base + k] != 0) {
        return 1;
      }
    }
    return 0;
  }

  /** Compares entries s and t as signed integers. */
  public int compare(int s, int t) {
    int a = s * words;
    int b = t * words;
    int c = Long.compare(data[a + words - 1], data[b + words - 1]);
    for (int k = words - 2; c == 0 && k >= 0; k--) {
      c = Long.compareUnsigned(data[a + k], data[b + k]);
    }
    return c;
  }

  /** dst[di..] = m·src[si..] (mod 2^(64·w)); m ≥ 0. Source and destination may be the same. */
  public static void multiply(long[] dst, int di, long[] src, int si, long m, int w) {
    long carry = 0;
    for (int k = 0; k < w; k++) {
      long a = src[si + k];
      long lo = a * m;
      long hi = Math.multiplyHigh(a, m) + ((a >> 63) & m);
      long s = lo + carry;
      hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
      dst[di + k] = s;
      carry = hi;
    }
  }

  /** dst[di..] = ma·a[ai..] + mc·c[ci..] (mod 2^(64·w)); ma, mc ≥ 0; dst may alias a or c. */
  public static void combine(long[] dst, int di, long[] a, int ai, long ma, long[] c, int ci,
      long mc, int w) {
    long carryA = 0;
    long carryC = 0;
    long carry = 0;
    for (int k = 0; k < w; k++) {
      long x = a[ai + k];
      long y = c[ci + k];
      long xl = x * ma;
      long xh = Math.multiplyHigh(x, ma) + ((x >> 63) & ma);
      long xs = xl + carryA;
      xh += Long.compareUnsigned(xs, xl) < 0 ? 1 : 0;
      long yl = y * mc;
      long yh = Math.multiplyHigh(y, mc) + ((y >> 63) & mc);
      long ys = yl + carryC;
      yh += Long.compareUnsigned(ys, yl) < 0 ? 1 : 0;
      long s = xs + ys;
      long c1 = Long.compareUnsigned(s, xs) < 0 ? 1 : 0;
      long t = s + carry;
      long c2 = Long.compareUnsigned(t, s) < 0 ? 1 : 0;
      dst[di + k] = t;
      carryA = xh;
      carryC = yh;
      carry = c1 + c2;
    }
  }

  /** dst[di..] += m·src[si..] (mod 2^(64·w)); m ≥ 0. */
  public static void addMultiple(long[] dst, int di, long[] src, int si, long m, int w) {
    long carryM = 0;
    long carry = 0;
    for (int k = 0; k < w; k++) {
      long x = src[si + k];
      long xl = x * m;
      long xh = Math.multiplyHigh(x, m) + ((x >> 63) & m);
      long xs = xl + carryM;
      xh += Long.compareUnsigned(xs, xl) < 0 ? 1 : 0;
      long d = dst[di + k];
      long s = d + xs;
      long c1 = Long.compareUnsigned(s, d) < 0 ? 1 : 0;
      long t = s + carry;
      long c2 = Long.compareUnsigned(t, s) < 0 ? 1 : 0;
      dst[di + k] = t;
      carryM = xh;
      carry = c1 + c2;
    }
  }

  /**
   * acc[ai..ai+wa) += src[si..si+w) sign-extended to wa ≥ w words (mod 2^(64·wa)).
   */
  public static void addExtended(long[] acc, int ai, int wa, long[] src, int si, int w) {
    long carry = 0;
    long ext = src[si + w - 1] >> 63;
    for (int k = 0; k < wa; k++) {
      long x = k < w ? src[si + k] : ext;
      long d = acc[ai + k];
      long s = d + x;
      long c1 = Long.compareUnsigned(s, d) < 0 ? 1 : 0;
      long t = s + carry;
      long c2 = Long.compareUnsigned(t, s) < 0 ? 1 : 0;
      acc[ai + k] = t;
      carry = c1 + c2;
    }
  }

  /** The signed integer in words [at, at+w) of data. */
  public static BigInteger toBigInteger(long[] data, int at, int w) {
    BigInteger v = BigInteger.valueOf(data[at + w - 1]);
    for (int k = w - 2; k >= 0; k--) {
      v = v.shiftLeft(64).add(new BigInteger(Long.toUnsignedString(data[at + k])));
    }
    return v;
  }
}
