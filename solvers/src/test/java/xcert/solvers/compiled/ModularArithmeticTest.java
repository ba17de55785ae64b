package xcert.solvers.compiled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The multi-modular arithmetic under {@link CompiledValues}, against {@link BigInteger}: Montgomery
 * multiplication modulo 62-bit primes, the deterministic primality test, the Chinese remainder lift
 * and the Lagrange weights of a linear functional.
 */
class ModularArithmeticTest {

  private static final BigInteger R = BigInteger.ONE.shiftLeft(64);

  @Test
  void montgomeryProductsEqualBigIntegerProducts() {
    SplittableRandom rnd = new SplittableRandom(20);
    long[] primes = Primes.enough(BigInteger.ONE.shiftLeft(300), 10, BigInteger.ONE);
    for (long p : new long[] {primes[0], primes[primes.length - 1], 1_000_003L, 101L}) {
      Montgomery mo = new Montgomery(p);
      BigInteger bp = BigInteger.valueOf(p);
      BigInteger rInv = R.modInverse(bp);
      long[] edge = {0, 1, 2, p - 1, p - 2, p / 2, (p + 1) / 2};
      for (int t = 0; t < 20_000; t++) {
        long a = t < edge.length * edge.length ? edge[t % edge.length]
            : rnd.nextLong(p);
        long b = t < edge.length * edge.length ? edge[t / edge.length] : rnd.nextLong(p);
        BigInteger ab = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
        assertEquals(ab.multiply(rInv).mod(bp).longValue(), mo.mul(a, b), a + "·" + b + " mod " + p);
        assertEquals(ab.mod(bp).longValue(), mo.mulPlain(a, b));
        assertEquals(BigInteger.valueOf(a + b).mod(bp).longValue(), mo.add(a, b));
        assertEquals(BigInteger.valueOf(a - b).mod(bp).longValue(), mo.sub(a, b));
        assertEquals(a, mo.from(mo.to(a)));
      }
    }
  }

  @Test
  void primalityAgreesWithBigIntegerAndCatchesStrongPseudoprimes() {
    // near 2^62 and near 2^31, every odd number
    for (long base : new long[] {(1L << 62) - 4001, (1L << 31) - 4001, 1_000_001}) {
      for (long n = base; n < base + 4000; n += 2) {
        assertEquals(BigInteger.valueOf(n).isProbablePrime(100), Primes.isPrime(n), "n = " + n);
      }
    }
    // strong pseudoprimes to the first bases: 3215031751 (bases 2, 3, 5, 7) and
    // 3825123056546413051 = 149491·747451·34233211 (bases 2 to 23)
    assertFalse(Primes.isPrime(3_215_031_751L));
    assertFalse(Primes.isPrime(3_825_123_056_546_413_051L));
    long[] ps = Primes.enough(BigInteger.ONE.shiftLeft(1000), 1000, BigInteger.valueOf(6));
    for (long p : ps) {
      assertTrue(BigInteger.valueOf(p).isProbablePrime(100));
      assertTrue(p < Primes.LIMIT && p > 1000);
    }
  }

  @Test
  void chineseRemaindersRecoverSignedIntegers() {
    long[] ps = Primes.enough(BigInteger.ONE.shiftLeft(700), 50, BigInteger.ONE);
    BigInteger total = BigInteger.ONE;
    for (long p : ps) {
      total = total.multiply(BigInteger.valueOf(p));
    }
    SplittableRandom rnd = new SplittableRandom(7);
    int count = 40;
    BigInteger[] want = new BigInteger[count];
    long[][] res = new long[ps.length][count];
    for (int i = 0; i < count; i++) {
      BigInteger v = new BigInteger(699, new java.util.Random(rnd.nextLong()));
      want[i] = i % 2 == 0 ? v : v.negate();
      for (int k = 0; k < ps.length; k++) {
        res[k][i] = want[i].mod(BigInteger.valueOf(ps[k])).longValue();
      }
    }
    assertTrue(total.compareTo(BigInteger.ONE.shiftLeft(701)) > 0);
    BigInteger[] got = Primes.crt(ps, res, count);
    for (int i = 0; i < count; i++) {
      assertEquals(want[i], got[i]);
    }
  }

  @Test
  void lagrangeWeightsApplyTheFunctionalToEveryPolynomialOfDegreeBelowN() {
    SplittableRandom rnd = new SplittableRandom(3);
    long p = Primes.enough(BigInteger.TWO, 100, BigInteger.ONE)[0];
    Montgomery mo = new Montgomery(p);
    BigInteger bp = BigInteger.valueOf(p);
    for (int n : new int[] {1, 2, 7, 60}) {
      long[] w = new long[n];
      BigInteger[] wPlain = new BigInteger[n];
      for (int k = 0; k < n; k++) {
        wPlain[k] = BigInteger.valueOf(rnd.nextLong(p));
        w[k] = mo.to(wPlain[k].longValue());
      }
      long[] lambda = Primes.lagrangeFunctional(mo, n, w);
      for (int trial = 0; trial < 5; trial++) {
        BigInteger[] c = new BigInteger[n];
        BigInteger want = BigInteger.ZERO;
        for (int k = 0; k < n; k++) {
          c[k] = BigInteger.valueOf(rnd.nextLong(p));
          want = want.add(wPlain[k].multiply(c[k]));
        }
        BigInteger got = BigInteger.ZERO;
        for (int j = 0; j < n; j++) {
          BigInteger dj = BigInteger.ZERO; // D(j) by Horner
          for (int k = n - 1; k >= 0; k--) {
            dj = dj.multiply(BigInteger.valueOf(j)).add(c[k]);
          }
          got = got.add(dj.multiply(BigInteger.valueOf(lambda[j])));
        }
        assertEquals(want.mod(bp), got.mod(bp), "n = " + n);
      }
    }
  }
}
