package xcert.certificates.orbit;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.certificates.check.Certificate;
import xcert.certificates.check.DualVector;
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
      alpha[i] = Rationals.numeratorOver(v, aDen).longValueExact();
    }
    BigInteger zDen = c.zDenominator();
    long[] support = c.support();
    BigFraction[] z = c.z();
    long[] zNum = new long[z.length];
    for (int q = 0; q < z.length; q++) {
      zNum[q] = Rationals.numeratorOver(z[q], zDen).longValueExact();
    }
    DualVector y = new DualVector(mask -> {
      long o = s.classOf(mask);
      int q = java.util.Arrays.binarySearch(support, o);
      return q >= 0 ? zNum[q] : 0;
    }, zDen);
    return new Certificate(alpha, aDen, y, c.method() + ", lifted from " + s.classCount()
        + " classes");
  }
}
