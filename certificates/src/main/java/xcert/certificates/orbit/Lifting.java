package xcert.certificates.orbit;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.certificates.check.Certificate;
import xcert.certificates.check.DualVector;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.num.Rationals;

/**
 * Lifts an {@link OrbitCertificate} to a full certificate: α_i = a_{orbit(i)}, y_S = z_{class(S)}.
 * {@link OrbitStructure} explains why the lift is feasible with the same bounds; the full-LP
 * {@link xcert.certificates.check.Verifier} checks it without that argument.
 */
public final class Lifting {

  private Lifting() {}

  public static Certificate lift(OrbitStructure s, OrbitCertificate c) {
    int d = s.dimension();
    BigInteger aDen = c.alphaDenominator();
    long[] alpha = new long[d];
    BigFraction[] a = c.alpha();
    for (int i = 0; i < d; i++) {
      BigFraction v = a[s.orbitOf(i)];
      alpha[i] = longNumerator(Rationals.numeratorOver(v, aDen), "α_" + (i + 1));
    }
    BigInteger zDen = c.zDenominator();
    long[] support = c.support();
    BigFraction[] z = c.z();
    long[] zNum = new long[z.length];
    for (int q = 0; q < z.length; q++) {
      zNum[q] = longNumerator(Rationals.numeratorOver(z[q], zDen), "z of class " + support[q]);
    }
    DualVector y = new DualVector(mask -> {
      long o = s.classOf(mask);
      int q = java.util.Arrays.binarySearch(support, o);
      return q >= 0 ? zNum[q] : 0;
    }, zDen);
    return new Certificate(alpha, aDen, y, c.method() + ", lifted from " + s.classCount()
        + " classes");
  }

  /**
   * The full check holds numerators over the common denominator in 64 bits.
   *
   * @throws TooLargeException for a numerator beyond them (a certificate from elsewhere)
   */
  private static long longNumerator(BigInteger numerator, String what) {
    if (numerator.bitLength() > 63) {
      throw new TooLargeException(what + " has a numerator of " + numerator.bitLength()
          + " bits over the common denominator; the full LP check holds numerators in 64 bits"
          + " (a certificate with such numerators can be checked on its orbits only)");
    }
    return numerator.longValueExact();
  }
}
