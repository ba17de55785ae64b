package xcert.certificates.orbit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Exact binomial coefficients C(n, k), row by row, cached per n. */
public final class Binomials {

  private static final java.util.Map<Integer, BigInteger[]> ROWS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Binomials() {}

  /** The row C(n, 0..n). */
  public static BigInteger[] row(int n) {
    return ROWS.computeIfAbsent(n, Binomials::compute);
  }

  public static BigInteger of(int n, int k) {
    if (k < 0 || k > n) {
      return BigInteger.ZERO;
    }
    return row(n)[k];
  }

  private static BigInteger[] compute(int n) {
    List<BigInteger> r = new ArrayList<>(n + 1);
    BigInteger c = BigInteger.ONE;
    r.add(c);
    for (int k = 1; k <= n; k++) {
      c = c.multiply(BigInteger.valueOf(n - k + 1)).divide(BigInteger.valueOf(k));
      r.add(c);
    }
    return r.toArray(new BigInteger[0]);
  }
}
