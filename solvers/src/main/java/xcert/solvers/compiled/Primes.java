package xcert.solvers.compiled;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Multi-modular helpers of {@link CompiledValues}: primes below 2^31 (so that a product of two
 * residues fits a {@code long}), the Chinese remainder lift to the symmetric range (Garner's mixed
 * radix form), and the Lagrange weights of a linear functional of a polynomial's coefficients.
 */
final class Primes {

  private static final List<Long> CACHE = new ArrayList<>();

  private Primes() {}

  /** Distinct primes in (d, 2^31), largest first, whose product exceeds {@code target}. */
  static long[] enough(BigInteger target, int d) {
    List<Long> out = new ArrayList<>();
    BigInteger prod = BigInteger.ONE;
    int i = 0;
    while (prod.compareTo(target) <= 0) {
      long p = prime(i++);
      if (p <= d) {
        throw new IllegalArgumentException("too many primes needed for d = " + d);
      }
      out.add(p);
      prod = prod.multiply(BigInteger.valueOf(p));
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  /** The i-th prime below 2^31, counting down from 2^31 − 1. */
  private static synchronized long prime(int i) {
    while (CACHE.size() <= i) {
      long c = CACHE.isEmpty() ? (1L << 31) - 1 : CACHE.get(CACHE.size() - 1) - 2;
      while (!BigInteger.valueOf(c).isProbablePrime(64)) {
        c -= 2;
      }
      CACHE.add(c);
    }
    return CACHE.get(i);
  }

  /**
   * The integers X_i with X_i ≡ res[k][i] (mod primes[k]) for every k, in the symmetric range
   * (−Π/2, Π/2], for i = 0..count−1.
   */
  static BigInteger[] crt(long[] primes, long[][] res, int count) {
    int m = primes.length;
    long[] inv = new long[m]; // (p_0 ... p_{k-1})^{-1} mod p_k
    for (int k = 0; k < m; k++) {
      long prod = 1;
      for (int i = 0; i < k; i++) {
        prod = prod * (primes[i] % primes[k]) % primes[k];
      }
      inv[k] = modInverse(prod, primes[k]);
    }
    BigInteger total = BigInteger.ONE;
    for (long p : primes) {
      total = total.multiply(BigInteger.valueOf(p));
    }
    BigInteger half = total.shiftRight(1);
    BigInteger[] out = new BigInteger[count];
    long[] y = new long[m];
    for (int i = 0; i < count; i++) {
      for (int k = 0; k < m; k++) {
        long pk = primes[k];
        // value of y_0 + p_0 y_1 + ... + p_0..p_{k-2} y_{k-1} modulo p_k, Horner from the top
        long t = 0;
        for (int j = k - 1; j >= 0; j--) {
          t = (t * (primes[j] % pk) + y[j]) % pk;
        }
        long r = ((res[k][i] - t) % pk + pk) % pk;
        y[k] = r * inv[k] % pk;
      }
      BigInteger x = BigInteger.valueOf(y[m - 1]);
      for (int k = m - 2; k >= 0; k--) {
        x = x.multiply(BigInteger.valueOf(primes[k])).add(BigInteger.valueOf(y[k]));
      }
      out[i] = x.compareTo(half) > 0 ? x.subtract(total) : x;
    }
    return out;
  }

  static long modInverse(long a, long p) {
    return pow(((a % p) + p) % p, p - 2, p);
  }

  static long pow(long b, long e, long p) {
    long r = 1;
    b %= p;
    while (e > 0) {
      if ((e & 1) == 1) {
        r = r * b % p;
      }
      b = b * b % p;
      e >>= 1;
    }
    return r;
  }

  /**
   * λ_j = L(ℓ_j) modulo p for the points t = from..to−1, where ℓ_j is the Lagrange basis polynomial
   * of the points 0, 1, ..., d for t = j, and L(Σ_k c_k t^k) = Σ_{k<d} w_k c_k with w = weights
   * (or w_k = 1 when weights is null). Then L(D) = Σ_{j=0}^{d} λ_j D(j) for every D of degree ≤ d.
   */
  static long[] lagrangeFunctional(long p, int d, int from, int to, BigInteger[] weights) {
    long[] w = new long[d + 1];
    for (int k = 0; k < d; k++) {
      w[k] = weights == null ? 1 : weights[k].mod(BigInteger.valueOf(p)).longValue();
    }
    // M(t) = Π_{i=0..d} (t − i), degree d+1, coefficients mod p.
    long[] mc = new long[d + 2];
    mc[0] = 1;
    for (int i = 0; i <= d; i++) {
      long neg = (p - i % p) % p;
      for (int k = i + 1; k >= 1; k--) {
        mc[k] = (mc[k - 1] + mc[k] * neg) % p;
      }
      mc[0] = mc[0] * neg % p;
    }
    long[] fact = new long[d + 1];
    fact[0] = 1;
    for (int k = 1; k <= d; k++) {
      fact[k] = fact[k - 1] * k % p;
    }
    long[] out = new long[to - from];
    long[] quot = new long[d + 1];
    for (int j = from; j < to; j++) {
      // Q = M / (t − j): Q_d = M_{d+1}, Q_{k−1} = M_k + j Q_k.
      quot[d] = mc[d + 1];
      for (int k = d; k >= 1; k--) {
        quot[k - 1] = (mc[k] + (long) j * quot[k]) % p;
      }
      long s = 0;
      for (int k = 0; k < d; k++) {
        s = (s + w[k] * quot[k]) % p;
      }
      // M'(j) = Π_{i≠j} (j − i) = j! · (−1)^{d−j} (d−j)!
      long deriv = fact[j] * fact[d - j] % p;
      if (((d - j) & 1) == 1) {
        deriv = (p - deriv) % p;
      }
      out[j - from] = s * modInverse(deriv, p) % p;
    }
    return out;
  }
}
