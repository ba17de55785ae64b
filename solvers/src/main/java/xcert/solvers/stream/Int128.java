package xcert.solvers.stream;

import java.math.BigInteger;

/**
 * Signed 128-bit integers kept as two parallel {@code long} arrays (low word, high word), for the
 * counts of the streaming engine: sums of up to 2^62 values of up to 64 bits each never overflow.
 */
final class Int128 {

  private Int128() {}

  /** (lo, hi)[i] += v. */
  static void add(long[] lo, long[] hi, int i, long v) {
    long a = lo[i];
    long s = a + v;
    lo[i] = s;
    hi[i] += (v >> 63) + (Long.compareUnsigned(s, a) < 0 ? 1 : 0);
  }

  /** (lo, hi)[i] += (vlo, vhi). */
  static void add(long[] lo, long[] hi, int i, long vlo, long vhi) {
    long a = lo[i];
    long s = a + vlo;
    lo[i] = s;
    hi[i] += vhi + (Long.compareUnsigned(s, a) < 0 ? 1 : 0);
  }

  /** (lo, hi)[i] += (vlo, vhi) · m for m ≥ 0 (the product must fit 128 bits). */
  static void addTimes(long[] lo, long[] hi, int i, long vlo, long vhi, long m) {
    if (m == 1) {
      add(lo, hi, i, vlo, vhi);
      return;
    }
    long plo = vlo * m;
    long phi = Math.multiplyHigh(vlo, m) + ((vlo >> 63) & m) + vhi * m;
    add(lo, hi, i, plo, phi);
  }

  /** The value at i. */
  static BigInteger get(long[] lo, long[] hi, int i) {
    return BigInteger.valueOf(hi[i]).shiftLeft(64).add(BigInteger.valueOf(lo[i] >>> 1).shiftLeft(1))
        .add(BigInteger.valueOf(lo[i] & 1));
  }
}
