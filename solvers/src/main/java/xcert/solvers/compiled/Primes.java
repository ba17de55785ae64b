package xcert.solvers.compiled;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Multi-modular helpers of {@link CompiledValues}: primes below 2^62 (proven prime by the
 * deterministic Miller–Rabin test for 64-bit integers), the Chinese remainder lift to the symmetric
 * range, and the Lagrange weights of a linear functional of a polynomial's coefficients.
 */
final class Primes {

  /** Below 2^62, the residues of {@link Montgomery} leave headroom for a sum in a long. */
  static final long LIMIT = 1L << 62;

  /**
   * Witnesses that make Miller–Rabin deterministic for every n < 3.3·10^24, so below 2^64
   * (Sorenson and Webster, Math. Comp. 86 (2017); the first twelve primes).
   */
  private static final long[] WITNESSES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37};

  private static final List<Long> CACHE = new ArrayList<>();

  private Primes() {}

  /**
   * Distinct primes in (d, 2^62) that do not divide {@code avoid}, largest first, whose product
   * exceeds {@code target}.
   */
  static long[] enough(BigInteger target, int d, BigInteger avoid) {
    List<Long> out = new ArrayList<>();
    BigInteger prod = BigInteger.ONE;
    int i = 0;
    while (prod.compareTo(target) <= 0) {
      long p = prime(i++);
      if (p <= d) {
        throw new IllegalArgumentException("too many primes needed for d = " + d);
      }
      if (avoid.mod(BigInteger.valueOf(p)).signum() == 0) {
        continue;
      }
      out.add(p);
      prod = prod.multiply(BigInteger.valueOf(p));
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  /** The i-th prime below 2^62, counting down. */
  private static synchronized long prime(int i) {
    while (CACHE.size() <= i) {
      long c = CACHE.isEmpty() ? LIMIT - 1 : CACHE.get(CACHE.size() - 1) - 2;
      while (!isPrime(c)) {
        c -= 2;
      }
      CACHE.add(c);
    }
    return CACHE.get(i);
  }

  /** Deterministic primality of an odd n > 37 below 2^63 (Miller–Rabin with {@link #WITNESSES}). */
  static boolean isPrime(long n) {
    BigInteger bn = BigInteger.valueOf(n);
    BigInteger nm1 = bn.subtract(BigInteger.ONE);
    int s = nm1.getLowestSetBit();
    BigInteger dd = nm1.shiftRight(s);
    for (long a : WITNESSES) {
      if (n % a == 0) {
        return false;
      }
      BigInteger x = BigInteger.valueOf(a).modPow(dd, bn);
      if (x.equals(BigInteger.ONE) || x.equals(nm1)) {
        continue;
      }
      boolean composite = true;
      for (int r = 1; r < s && composite; r++) {
        x = x.multiply(x).mod(bn);
        composite = !x.equals(nm1);
      }
      if (composite) {
        return false;
      }
    }
    return true;
  }

  /**
   * The integers X_i with X_i ≡ res[k][i] (mod primes[k]) for every k, in the symmetric range
   * (−Π/2, Π/2], for i = 0..count−1 (incremental Chinese remaindering in exact integers).
   */
  static BigInteger[] crt(long[] primes, long[][] res, int count) {
    int m = primes.length;
    BigInteger[] bp = new BigInteger[m];
    BigInteger[] prefix = new BigInteger[m]; // p_0 ... p_{k−1}
    BigInteger[] inv = new BigInteger[m]; // prefix_k^{-1} mod p_k
    BigInteger total = BigInteger.ONE;
    for (int k = 0; k < m; k++) {
      bp[k] = BigInteger.valueOf(primes[k]);
      prefix[k] = total;
      inv[k] = total.mod(bp[k]).modInverse(bp[k]);
      total = total.multiply(bp[k]);
    }
    BigInteger half = total.shiftRight(1);
    BigInteger[] out = new BigInteger[count];
    for (int i = 0; i < count; i++) {
      BigInteger x = BigInteger.ZERO;
      for (int k = 0; k < m; k++) {
        BigInteger t = BigInteger.valueOf(res[k][i]).subtract(x).multiply(inv[k]).mod(bp[k]);
        x = x.add(prefix[k].multiply(t));
      }
      out[i] = x.compareTo(half) > 0 ? x.subtract(total) : x;
    }
    return out;
  }

  /**
   * λ_j = L(ℓ_j) modulo p for the points t = 0, 1, ..., n−1, where ℓ_j is the Lagrange basis
   * polynomial of those points for t = j and L(Σ_{k<n} c_k t^k) = Σ_k w_k c_k (w Montgomery forms).
   * Then L(D) = Σ_j λ_j D(j) for every D of degree below n. Needs n ≤ p. Returns plain residues.
   *
   * <p>With M(t) = Π_{i<n} (t − i), ℓ_j = M(t)/((t − j)·M'(j)) and the coefficients of M/(t − j)
   * are Σ_{m>k} M_m j^{m−k−1}, so λ_j·M'(j) = Σ_s c_s j^s with c_s = Σ_k w_k M_{k+s+1}: one
   * polynomial C, evaluated at every point; M'(j) = (−1)^{n−1−j}·j!·(n−1−j)!. Three O(n²) loops
   * of Montgomery multiplications.
   */
  static long[] lagrangeFunctional(Montgomery mo, int n, long[] w) {
    long p = mo.p;
    long[] mc = new long[n + 1]; // M's coefficients, Montgomery form
    mc[0] = mo.one;
    for (int i = 0; i < n; i++) {
      long neg = mo.to((p - i % p) % p);
      for (int k = i + 1; k >= 1; k--) {
        mc[k] = mo.add(mc[k - 1], mo.mul(mc[k], neg));
      }
      mc[0] = mo.mul(mc[0], neg);
    }
    long[] cs = new long[n]; // c_s = Σ_{k < n−s} w_k M_{k+s+1}
    for (int s = 0; s < n; s++) {
      long acc = 0;
      for (int k = 0; k + s + 1 <= n; k++) {
        acc = mo.add(acc, mo.mul(w[k], mc[k + s + 1]));
      }
      cs[s] = acc;
    }
    long[] fact = new long[n]; // Montgomery form
    fact[0] = mo.one;
    for (int k = 1; k < n; k++) {
      fact[k] = mo.mul(fact[k - 1], mo.to(k));
    }
    long[] invFact = new long[n];
    invFact[n - 1] = mo.to(mo.quotient(BigInteger.ONE, BigInteger.valueOf(mo.from(fact[n - 1]))));
    for (int k = n - 1; k >= 1; k--) {
      invFact[k - 1] = mo.mul(invFact[k], mo.to(k));
    }
    long[] out = new long[n];
    for (int j = 0; j < n; j++) {
      long jm = mo.to(j);
      long c = 0;
      for (int s = n - 1; s >= 0; s--) {
        c = mo.add(mo.mul(c, jm), cs[s]);
      }
      long lambda = mo.mul(c, mo.mul(invFact[j], invFact[n - 1 - j]));
      if (((n - 1 - j) & 1) == 1) {
        lambda = mo.sub(0, lambda);
      }
      out[j] = mo.from(lambda);
    }
    return out;
  }
}
