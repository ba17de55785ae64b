package xcert.certificates.orbit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.certificates.problem.BinomialPartition;
import xcert.certificates.problem.Families;

/**
 * Explicit certificates for the seed-002 families at every d, found from the certified optima for
 * small d and proved for each d by the exact {@link OrbitVerifier} (nothing here is trusted unchecked).
 *
 * <p><b>Monomial deletion</b> (Theorem 1, x = 1): with h = ⌈d/2⌉, α_i = 1/h for every i; on the size
 * classes z_k = +1 for 1 ≤ k ≤ ⌊d/2⌋, z_k = −1 for k > h, and z_h = 0 when d is odd. The primal is the
 * weighted median of 1/k with weights k·C(d,k), whose median index is h; the dual constraint
 * Σ_k C(d−1, k−1) z_k = 0 holds by the symmetry of binomial coefficients. Optimum C(d, ⌊d/2⌋) − 1
 * (and C(d, ⌊d/2⌋) for the seed's Eq. 5, which also counts S = ∅ with error 1).
 *
 * <p><b>Monomial insertion</b> (Lemma 1): α = 0, z_d = +1, z_1 = −1 (d ≥ 2). Optimum 1; d = 1 has
 * optimum 0 with α_1 = 1.
 *
 * <p><b>Binomial insertion</b> (Theorem 2, x = 1), parts (n1, m, n3) with m ≥ 2: α = 0, whose error
 * Σ_S c_S = 2^{n1} + 2^{n3} is optimal. The dual puts +1 on the sets P with c_S > 0 (those containing
 * S1∪S2 or S2∪S3) and balances them with three families on which c_S = 0: −s on every set with
 * |S ∩ S2| = m − 1, −v_A on the non-empty subsets of S1, −v_C on those of S3 (for |S1| = |S3| the last
 * two join into the subsets of S1∪S3), where, with |P| = 2^{n1} + 2^{n3} − 1,
 * s = |P| / ((m−1)·2^{n1+n3}), v_A = (2^{n3} + 2^{n1−1} − 1)/2^{n1−1} − m·s·2^{n3},
 * v_C = (2^{n1} + 2^{n3−1} − 1)/2^{n3−1} − m·s·2^{n1}: the S2 constraint fixes s, then each outer part's
 * constraint fixes its v. The certificate is valid when |v_A|, |v_C| ≤ 1, which the verifier checks.
 */
public final class ClosedForms {

  private ClosedForms() {}

  /** C(d, ⌊d/2⌋) − 1, or C(d, ⌊d/2⌋) as printed. */
  public static BigInteger monomialDeletionOptimum(int d, boolean asPrinted) {
    BigInteger c = Binomials.of(d, d / 2);
    return asPrinted ? c : c.subtract(BigInteger.ONE);
  }

  public static OrbitCertificate monomialDeletion(int d, boolean asPrinted) {
    int h = (d + 1) / 2;
    TreeMap<Long, BigFraction> z = new TreeMap<>();
    if (asPrinted) {
      z.put(0L, BigFraction.ONE);
    }
    for (int k = 1; k <= d; k++) {
      if (k <= d / 2) {
        z.put((long) k, BigFraction.ONE);
      } else if (k > h) {
        z.put((long) k, BigFraction.of(-1));
      }
    }
    return of(new BigFraction[] {BigFraction.of(1, h)}, z,
        "closed form: α_i = 1/⌈d/2⌉, z_k = sign(⌈d/2⌉ − k)");
  }

  public static OrbitCertificate monomialInsertion(int d) {
    TreeMap<Long, BigFraction> z = new TreeMap<>();
    if (d == 1) {
      return of(new BigFraction[] {BigFraction.ONE}, z, "closed form: α_1 = 1");
    }
    z.put((long) d, BigFraction.ONE);
    z.put(1L, BigFraction.of(-1));
    return of(new BigFraction[] {BigFraction.ZERO}, z, "closed form: α = 0, z_d = 1, z_1 = −1");
  }

  /** 2^{n1} + 2^{n3}. */
  public static BigInteger binomialInsertionOptimum(BinomialPartition p) {
    return BigInteger.ONE.shiftLeft(p.n1()).add(BigInteger.ONE.shiftLeft(p.n3()));
  }

  /** The binomial certificate on {@link SymmetricBinomialOrbits} (|S1| = |S3|, |S2| ≥ 2). */
  public static OrbitCertificate binomialInsertion(SymmetricBinomialOrbits s) {
    BinomialPartition p = s.partition();
    int n = p.n1();
    int m = p.n2();
    requireMiddle(m);
    BigFraction sv = sValue(p);
    BigFraction v = BigFraction.of(BigInteger.ONE.shiftLeft(n).add(BigInteger.ONE.shiftLeft(n - 1))
        .subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(2 * n - 1))
        .subtract(sv.multiply(m));
    TreeMap<Long, BigFraction> z = new TreeMap<>();
    for (int k = 0; k <= n; k++) {
      z.put(s.highClass(k, n), BigFraction.ONE);
    }
    for (int j = 0; j <= 2 * n; j++) {
      z.put(s.lowClass(j, m - 1), sv.negate());
    }
    for (int j = 1; j <= 2 * n; j++) {
      z.merge(s.lowClass(j, 0), v.negate(), BigFraction::add);
    }
    return of(new BigFraction[] {BigFraction.ZERO, BigFraction.ZERO}, z,
        "closed form: α = 0, dual balanced on |S∩S2| = m−1 and on subsets of S1∪S3");
  }

  /** The binomial certificate on the product structure of the three parts (any partition, m ≥ 2). */
  public static OrbitCertificate binomialInsertion(BinomialPartition p, ProductOrbits s) {
    int n1 = p.n1();
    int m = p.n2();
    int n3 = p.n3();
    requireMiddle(m);
    BigFraction sv = sValue(p);
    BigFraction vA = BigFraction.of(BigInteger.ONE.shiftLeft(n3).add(BigInteger.ONE.shiftLeft(n1 - 1))
        .subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(n1 - 1))
        .subtract(sv.multiply(m).multiply(BigFraction.of(BigInteger.ONE.shiftLeft(n3))));
    BigFraction vC = BigFraction.of(BigInteger.ONE.shiftLeft(n1).add(BigInteger.ONE.shiftLeft(n3 - 1))
        .subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(n3 - 1))
        .subtract(sv.multiply(m).multiply(BigFraction.of(BigInteger.ONE.shiftLeft(n1))));
    TreeMap<Long, BigFraction> z = new TreeMap<>();
    long full1 = p.s1();
    long full2 = p.s2();
    long full3 = p.s3();
    for (int k1 = 0; k1 <= n1; k1++) {
      for (int k3 = 0; k3 <= n3; k3++) {
        long rep = first(full1, k1) | first(full3, k3);
        if (k1 == n1 || k3 == n3) {
          z.put(s.classOf(rep | full2), BigFraction.ONE);
        }
        z.put(s.classOf(rep | first(full2, m - 1)), sv.negate());
      }
    }
    for (int k1 = 1; k1 <= n1; k1++) {
      z.merge(s.classOf(first(full1, k1)), vA.negate(), BigFraction::add);
    }
    for (int k3 = 1; k3 <= n3; k3++) {
      z.merge(s.classOf(first(full3, k3)), vC.negate(), BigFraction::add);
    }
    return of(new BigFraction[] {BigFraction.ZERO, BigFraction.ZERO, BigFraction.ZERO}, z,
        "closed form: α = 0, dual balanced on |S∩S2| = m−1, subsets of S1, subsets of S3");
  }

  /** The product structure of a binomial partition: groups S1, S2, S3. */
  public static ProductOrbits binomialProduct(BinomialPartition p) {
    int[][] groups = new int[3][];
    groups[0] = range(0, p.n1());
    groups[1] = range(p.n1(), p.n1() + p.n2());
    groups[2] = range(p.n1() + p.n2(), p.dimension());
    return new ProductOrbits(Families.binomialInsertion(p), groups);
  }

  private static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = from; i < to; i++) {
      r[i - from] = i;
    }
    return r;
  }

  /** The first k set bits of a mask. */
  private static long first(long mask, int k) {
    long out = 0;
    long m = mask;
    for (int j = 0; j < k; j++) {
      long low = m & -m;
      out |= low;
      m &= m - 1;
    }
    return out;
  }

  private static BigFraction sValue(BinomialPartition p) {
    BigInteger pSize = BigInteger.ONE.shiftLeft(p.n1()).add(BigInteger.ONE.shiftLeft(p.n3()))
        .subtract(BigInteger.ONE);
    return BigFraction.of(pSize, BigInteger.valueOf(p.n2() - 1L)
        .shiftLeft(p.n1() + p.n3()));
  }

  private static void requireMiddle(int m) {
    if (m < 2) {
      throw new IllegalArgumentException("the closed form needs |S2| >= 2");
    }
  }

  private static OrbitCertificate of(BigFraction[] alpha, TreeMap<Long, BigFraction> z,
      String method) {
    List<Long> keys = new ArrayList<>();
    List<BigFraction> vals = new ArrayList<>();
    z.forEach((k, v) -> {
      if (v.signum() != 0) {
        keys.add(k);
        vals.add(v);
      }
    });
    return new OrbitCertificate(alpha, keys.stream().mapToLong(Long::longValue).toArray(),
        vals.toArray(new BigFraction[0]), method);
  }
}
