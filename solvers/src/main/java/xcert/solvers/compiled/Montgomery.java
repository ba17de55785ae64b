package xcert.solvers.compiled;

import java.math.BigInteger;

/**
 * Montgomery arithmetic modulo an odd prime p < 2^62 with R = 2^64: mul(aR, bR) = abR with no
 * division. The 128-bit product comes from {@link Math#multiplyHigh} (the residues are below 2^62,
 * so its signed high word is the unsigned one); with m = (ab mod 2^64)·p^{−1} mod 2^64 the low words
 * of ab and m·p are equal, so (ab − m·p)/2^64 = hi(ab) − hi(m·p) exactly, a value in (−p, p). Sums
 * stay below 2^63. On the machines measured a 62-bit multiplication costs the same as one modulo a
 * 31-bit prime with R = 2^32, and each prime carries twice the bits.
 */
final class Montgomery {
  final long p;
  private final long inv; // p^{-1} mod 2^64
  final long one; // R mod p
  private final long r2; // R^2 mod p

  Montgomery(long p) {
    if (p <= 2 || (p & 1) == 0 || p >= 1L << 62) {
      throw new IllegalArgumentException("modulus " + p + " is not an odd number in (2, 2^62)");
    }
    this.p = p;
    long x = p; // Newton's iteration for p^{-1} mod 2^64: 3, 6, 12, 24, 48, 96 bits
    for (int k = 0; k < 5; k++) {
      x *= 2 - p * x;
    }
    this.inv = x;
    BigInteger bp = BigInteger.valueOf(p);
    this.one = BigInteger.ONE.shiftLeft(64).mod(bp).longValue();
    this.r2 = BigInteger.ONE.shiftLeft(128).mod(bp).longValue();
  }

  /** a·b·R^{-1} mod p for a, b in [0, p). */
  long mul(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long m = a * b * inv;
    long u = hi - (Math.multiplyHigh(m, p) + ((m >> 63) & p));
    return u + ((u >> 63) & p);
  }

  // Branch-free (a sign mask instead of a comparison): the passes' residues are unpredictable.
  long add(long a, long b) {
    long s = a + b - p;
    return s + ((s >> 63) & p);
  }

  long sub(long a, long b) {
    long s = a - b;
    return s + ((s >> 63) & p);
  }

  /** Montgomery form of a plain residue a in [0, p). */
  long to(long a) {
    return mul(a, r2);
  }

  /** The plain residue of a Montgomery form. */
  long from(long a) {
    return mul(a, 1);
  }

  /** a·b mod p for plain residues (a·b/R, then times R²/R). */
  long mulPlain(long a, long b) {
    return mul(mul(a, b), r2);
  }

  /** A plain residue of an integer. */
  long residue(BigInteger a) {
    return a.mod(BigInteger.valueOf(p)).longValue();
  }

  /** The plain residue of a/b for b prime to p. */
  long quotient(BigInteger a, BigInteger b) {
    BigInteger bp = BigInteger.valueOf(p);
    return a.multiply(b.modInverse(bp)).mod(bp).longValue();
  }
}
