package xcert.certificates.lp;

import xcert.solvers.linalg.ExactLinearSolver;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.certificates.check.Verification;
import xcert.certificates.orbit.OrbitCertificate;
import xcert.certificates.orbit.OrbitStructure;
import xcert.certificates.orbit.OrbitVerifier;

/**
 * Turns a floating-point solution of the dual LP into an exact certificate, or gives up; whatever it
 * returns has passed {@link OrbitVerifier}.
 *
 * <ol>
 *   <li>a: the classes whose float z lies strictly inside (−1, 1) must have zero residual at the
 *       optimum (complementary slackness), so F independent ones among them, heaviest first, fix a
 *       exactly; short of F, the classes of smallest float residual are added; as a second candidate,
 *       the float a rounded by continued fractions.
 *   <li>z: where the exact residual c_o − Σ_f k_{o,f} a_f is nonzero, z_o is its sign (nothing else can
 *       reach the upper bound). The rest is free in [−1, 1]: float values at a bound are taken as that
 *       bound, values near 0 as 0, other values rounded to a multiple of 2^−30, except for F pivot
 *       classes (heaviest first, independent count vectors) whose values are solved for exactly from
 *       the F orbit constraints.
 *   <li>the result is checked by {@link OrbitVerifier}; it is returned only if certified.
 * </ol>
 */
public final class Exactifier {

  private static final double INTERIOR = 1e-7;

  private Exactifier() {}

  public static Optional<OrbitCertificate> exactify(OrbitStructure s, FloatSolution fs,
      String method) {
    for (BigFraction[] alpha : candidates(s, fs)) {
      if (alpha == null) {
        continue;
      }
      OrbitCertificate c = dual(s, fs, alpha, method);
      if (c != null) {
        Verification v = OrbitVerifier.verify(s, c);
        if (v.certified()) {
          return Optional.of(c);
        }
      }
    }
    return Optional.empty();
  }

  private static List<BigFraction[]> candidates(OrbitStructure s, FloatSolution fs) {
    List<BigFraction[]> out = new ArrayList<>();
    out.add(fromActiveSet(s, fs));
    if (fs.alpha().length == s.featureOrbits()) {
      BigFraction[] r = new BigFraction[fs.alpha().length];
      for (int f = 0; f < r.length; f++) {
        r[f] = approximate(fs.alpha()[f], 1_000_000);
      }
      out.add(r);
    }
    return out;
  }

  private static BigFraction[] fromActiveSet(OrbitStructure s, FloatSolution fs) {
    int nf = s.featureOrbits();
    int n = (int) s.classCount();
    double[] alphaHat = fs.alpha().length == nf ? fs.alpha() : new double[nf];
    double cDen = s.targetDenominator().doubleValue();
    Integer[] order = new Integer[n];
    double[] key = new double[n];
    for (int o = 0; o < n; o++) {
      order[o] = o;
      double z = fs.z()[o];
      int[] k = s.counts(o);
      double r = s.target(o) / cDen;
      for (int f = 0; f < nf; f++) {
        r -= k[f] * alphaHat[f];
      }
      // interior classes first (by weight via |z| closeness to 0 is not weight; use residual size)
      key[o] = Math.abs(z) < 1 - INTERIOR ? -1.0 / (1 + Math.abs(r)) : Math.abs(r);
    }
    Arrays.sort(order, Comparator.comparingDouble(o -> key[o]));
    List<int[]> rows = new ArrayList<>();
    List<Long> classes = new ArrayList<>();
    for (int q = 0; q < n && rows.size() < nf; q++) {
      int o = order[q];
      if (s.multiplicity(o).signum() == 0) {
        continue;
      }
      int[] k = s.counts(o);
      rows.add(k);
      if (ExactLinearSolver.rank(rows.toArray(new int[0][])) < rows.size()) {
        rows.remove(rows.size() - 1);
        continue;
      }
      classes.add((long) o);
      if (q > 4L * nf + 64 && key[o] > 1e-6) {
        break;
      }
    }
    if (rows.size() < nf) {
      return null;
    }
    BigFraction[][] a = new BigFraction[nf][nf];
    BigFraction[] b = new BigFraction[nf];
    for (int i = 0; i < nf; i++) {
      for (int f = 0; f < nf; f++) {
        a[i][f] = BigFraction.of(rows.get(i)[f]);
      }
      b[i] = BigFraction.of(BigInteger.valueOf(s.target(classes.get(i))), s.targetDenominator());
    }
    return ExactLinearSolver.solve(a, b).orElse(null);
  }

  /** The dual for a fixed exact a, or null when the pivots cannot absorb the rest. */
  private static OrbitCertificate dual(OrbitStructure s, FloatSolution fs, BigFraction[] alpha,
      String method) {
    int nf = s.featureOrbits();
    int n = (int) s.classCount();
    BigInteger cDen = s.targetDenominator();
    BigFraction[] z = new BigFraction[n];
    List<Integer> free = new ArrayList<>();
    BigFraction[] rhs = new BigFraction[nf];
    Arrays.fill(rhs, BigFraction.ZERO);
    BigFraction grid = BigFraction.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(30));
    for (int o = 0; o < n; o++) {
      BigInteger w = s.multiplicity(o);
      if (w.signum() == 0) {
        z[o] = BigFraction.ZERO;
        continue;
      }
      int[] k = s.counts(o);
      BigFraction r = BigFraction.of(BigInteger.valueOf(s.target(o)), cDen);
      for (int f = 0; f < nf; f++) {
        r = r.subtract(alpha[f].multiply(k[f]));
      }
      double zh = fs.z()[o];
      if (r.signum() != 0) {
        z[o] = BigFraction.of(r.signum());
      } else if (zh >= 1 - INTERIOR) {
        z[o] = BigFraction.ONE;
        free.add(o);
      } else if (zh <= -1 + INTERIOR) {
        z[o] = BigFraction.of(-1);
        free.add(o);
      } else if (Math.abs(zh) < 1e-12) {
        z[o] = BigFraction.ZERO;
        free.add(o);
      } else {
        z[o] = BigFraction.of(BigInteger.valueOf(Math.round(zh * (1 << 30))),
            BigInteger.ONE.shiftLeft(30));
        free.add(o);
      }
    }
    // pivots: heaviest free classes with independent count vectors, interior ones first
    free.sort(Comparator.<Integer>comparingInt(o -> Math.abs(fs.z()[o]) < 1 - INTERIOR ? 0 : 1)
        .thenComparing(o -> s.multiplicity(o).multiply(BigInteger.valueOf(
            Arrays.stream(s.counts(o)).sum())), Comparator.reverseOrder()));
    List<Integer> pivots = new ArrayList<>();
    List<int[]> pivotRows = new ArrayList<>();
    for (int o : free) {
      if (pivots.size() == nf) {
        break;
      }
      pivotRows.add(s.counts(o));
      if (ExactLinearSolver.rank(pivotRows.toArray(new int[0][])) < pivotRows.size()) {
        pivotRows.remove(pivotRows.size() - 1);
        continue;
      }
      pivots.add(o);
    }
    boolean[] isPivot = new boolean[n];
    for (int o : pivots) {
      isPivot[o] = true;
    }
    for (int o = 0; o < n; o++) {
      if (isPivot[o] || z[o].signum() == 0) {
        continue;
      }
      BigFraction wz = z[o].multiply(BigFraction.of(s.multiplicity(o)));
      int[] k = s.counts(o);
      for (int f = 0; f < nf; f++) {
        if (k[f] != 0) {
          rhs[f] = rhs[f].subtract(wz.multiply(k[f]));
        }
      }
    }
    BigFraction[][] a = new BigFraction[nf][pivots.size()];
    for (int p = 0; p < pivots.size(); p++) {
      BigInteger w = s.multiplicity(pivots.get(p));
      int[] k = s.counts(pivots.get(p));
      for (int f = 0; f < nf; f++) {
        a[f][p] = BigFraction.of(w.multiply(BigInteger.valueOf(k[f])));
      }
    }
    BigFraction[] x = ExactLinearSolver.solve(a, rhs).orElse(null);
    if (x == null) {
      return null;
    }
    for (int p = 0; p < pivots.size(); p++) {
      if (x[p].abs().compareTo(BigFraction.ONE) > 0) {
        return null;
      }
      z[pivots.get(p)] = x[p];
    }
    List<Long> support = new ArrayList<>();
    List<BigFraction> values = new ArrayList<>();
    for (int o = 0; o < n; o++) {
      if (z[o].signum() != 0) {
        support.add((long) o);
        values.add(z[o]);
      }
    }
    return new OrbitCertificate(alpha, support.stream().mapToLong(Long::longValue).toArray(),
        values.toArray(new BigFraction[0]), method);
  }

  /** The best rational approximation of x with denominator at most maxDen (continued fractions). */
  static BigFraction approximate(double x, long maxDen) {
    if (!Double.isFinite(x)) {
      return BigFraction.ZERO;
    }
    long p0 = 0;
    long q0 = 1;
    long p1 = 1;
    long q1 = 0;
    double v = x;
    for (int it = 0; it < 64; it++) {
      double fl = Math.floor(v);
      long a = (long) fl;
      long p2 = a * p1 + p0;
      long q2 = a * q1 + q0;
      if (q2 > maxDen || q2 <= 0) {
        break;
      }
      p0 = p1;
      q0 = q1;
      p1 = p2;
      q1 = q2;
      double frac = v - fl;
      if (frac < 1e-12) {
        break;
      }
      v = 1 / frac;
    }
    return q1 == 0 ? BigFraction.ZERO : BigFraction.of(p1, q1);
  }
}
