package xcert.certificates.orbit;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.certificates.check.Verification;
import xcert.solvers.num.Rationals;

/**
 * Checks an {@link OrbitCertificate} exactly on its {@link OrbitStructure}: |z_o| ≤ 1, the orbit
 * dual constraints Σ_o w_o k_{o,f} z_o = 0 (one per feature orbit; each is n_f times the full
 * constraint of any feature of the orbit), the lower bound Σ_o w_o c_o z_o and the upper bound
 * Σ_o w_o |c_o − Σ_f k_{o,f} a_f|. Class sizes w_o are computed only where z_o ≠ 0 or the residual is
 * nonzero, so a sparse certificate on a large structure costs one cheap pass over the classes.
 */
public final class OrbitVerifier {

  private OrbitVerifier() {}

  /** |c_o·A − C·Σ_f k_{o,f} A_f|, the residual of class o times C·A. */
  private static BigInteger residual(OrbitStructure s, long o, int[] k, int nf, boolean small,
      long[] aNum, BigInteger[] aBig, BigInteger aDen, BigInteger cDen, long aDenL, long cDenL) {
    long c = s.target(o);
    if (small && Math.abs(c) < (1L << 30)) {
      long ka = 0;
      for (int f = 0; f < nf; f++) {
        ka += k[f] * aNum[f];
      }
      long r = Math.abs(c * aDenL - cDenL * ka);
      return r == 0 ? BigInteger.ZERO : BigInteger.valueOf(r);
    }
    BigInteger ka = BigInteger.ZERO;
    for (int f = 0; f < nf; f++) {
      ka = ka.add(BigInteger.valueOf(k[f]).multiply(aBig[f]));
    }
    return BigInteger.valueOf(c).multiply(aDen).subtract(cDen.multiply(ka)).abs();
  }

  public static Verification verify(OrbitStructure s, OrbitCertificate cert) {
    long t0 = System.nanoTime();
    int nf = s.featureOrbits();
    BigFraction[] alpha = cert.alpha();
    if (alpha.length != nf) {
      throw new IllegalArgumentException("certificate has " + alpha.length + " orbit values, the "
          + "structure has " + nf + " feature orbits");
    }
    // residual r_o = c_o/C − Σ k_f a_f = (c_o·A − C·Σ k_f A_f) / (C·A), integers
    BigInteger aDen = cert.alphaDenominator();
    BigInteger cDen = s.targetDenominator();
    long[] aNum = new long[nf];
    boolean small = aDen.bitLength() < 31 && cDen.bitLength() < 31;
    BigInteger[] aBig = new BigInteger[nf];
    for (int f = 0; f < nf; f++) {
      BigFraction a = alpha[f];
      BigInteger num = Rationals.numeratorOver(a, aDen);
      aBig[f] = num;
      small &= num.bitLength() < 31;
      aNum[f] = num.longValue();
    }
    long classes = s.classCount();
    final boolean fits = small;
    final long aDenL = aDen.longValue();
    final long cDenL = cDen.longValue();
    int chunks = (int) Math.max(1, Math.min(256, classes / 4096));
    long len = (classes + chunks - 1) / chunks;
    BigInteger upper = java.util.stream.IntStream.range(0, chunks).parallel().mapToObj(q -> {
      BigInteger sum = BigInteger.ZERO;
      int[] k = new int[nf];
      for (long o = q * len; o < Math.min(classes, (q + 1) * len); o++) {
        s.countsInto(o, k);
        BigInteger r = residual(s, o, k, nf, fits, aNum, aBig, aDen, cDen, aDenL, cDenL);
        if (r.signum() != 0) {
          sum = sum.add(s.multiplicity(o).multiply(r));
        }
      }
      return sum;
    }).reduce(BigInteger.ZERO, BigInteger::add);
    BigFraction ub = BigFraction.of(upper, cDen.multiply(aDen));
    // dual side over the support
    BigInteger zDen = cert.zDenominator();
    BigInteger lower = BigInteger.ZERO;
    BigInteger[] rows = new BigInteger[nf];
    java.util.Arrays.fill(rows, BigInteger.ZERO);
    String why = null;
    long[] support = cert.support();
    BigFraction[] z = cert.z();
    for (int q = 0; q < support.length; q++) {
      long o = support[q];
      if (o < 0 || o >= classes) {
        throw new IllegalArgumentException("class " + o + " does not exist");
      }
      BigFraction zo = z[q];
      if (why == null && zo.abs().compareTo(BigFraction.ONE) > 0) {
        why = "|z| > 1 in class " + o + " (z = " + Rationals.format(zo) + ")";
      }
      BigInteger zNum = Rationals.numeratorOver(zo, zDen);
      BigInteger wz = s.multiplicity(o).multiply(zNum);
      lower = lower.add(wz.multiply(BigInteger.valueOf(s.target(o))));
      int[] k = s.counts(o);
      for (int f = 0; f < nf; f++) {
        rows[f] = rows[f].add(wz.multiply(BigInteger.valueOf(k[f])));
      }
    }
    if (why == null) {
      for (int f = 0; f < nf; f++) {
        if (rows[f].signum() != 0) {
          why = "orbit " + f + ": Σ_o w_o k_o z_o = " + BigFraction.of(rows[f], zDen) + ", not 0";
          break;
        }
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (why != null) {
      return new Verification(null, ub, false, why, classes, seconds);
    }
    return new Verification(BigFraction.of(lower, zDen.multiply(cDen)), ub, true, "", classes,
        seconds);
  }
}
