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
}
