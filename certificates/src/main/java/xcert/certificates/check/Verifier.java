package xcert.certificates.check;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.certificates.problem.AttributionProblem;
import xcert.certificates.problem.SubsetFamily;

/**
 * Checks a certificate (α, y) for an {@link AttributionProblem} in exact integer arithmetic over every
 * set of the family, assuming no symmetry: |y_S| ≤ 1 for each S, Σ_{S∋i} y_S = 0 for each feature i,
 * the lower bound Σ c_S y_S and the upper bound Σ |c_S − Σ_{i∈S} α_i|.
 *
 * <p>All quantities are integers over known denominators: c_S = C_S / C, y_S = Y_S / Y,
 * α_i = A_i / A, so the lower bound is Σ C_S Y_S / (C·Y) and the upper bound Σ |C_S·A − C·Σ A_i| /
 * (C·A). Sums run in {@code long} with overflow checks, a chunk at a time in parallel; a chunk that
 * overflows is redone in {@link BigInteger}. Nothing is ever rounded.
 */
public final class Verifier {

  private static final int CHUNK_BITS = 16;

  private Verifier() {}

  public static Verification verify(AttributionProblem problem, Certificate cert) {
    long t0 = System.nanoTime();
    int d = problem.dimension();
    if (cert.dimension() != d) {
      throw new IllegalArgumentException("certificate has " + cert.dimension()
          + " attribution values, the problem has d=" + d);
    }
    SubsetFamily family = problem.family();
    long[] masks = family.kind() == SubsetFamily.Kind.LIST ? family.listed() : null;
    long total = masks != null ? masks.length : 1L << d;
    int chunks = (int) Math.max(1, (total + (1L << CHUNK_BITS) - 1) >>> CHUNK_BITS);
    long chunkLen = (total + chunks - 1) / chunks;
    long yDen = longOrFail(cert.y().denominator(), "y denominator");
    long cDen = longOrFail(problem.targetDenominator(), "target denominator");
    long aDen = longOrFail(cert.alphaDenominator(), "alpha denominator");
    long[] a = cert.alphaNumerators();
    Partial[] parts = IntStream.range(0, chunks).parallel().mapToObj(k -> {
      long from = k * chunkLen;
      long to = Math.min(total, from + chunkLen);
      try {
        return chunkLong(problem, cert, masks, from, to, d, yDen, cDen, aDen, a);
      } catch (ArithmeticException overflow) {
        return chunkBig(problem, cert, masks, from, to, d, yDen, cDen, aDen, a);
      }
    }).toArray(Partial[]::new);
    Partial sum = new Partial(d);
    for (Partial p : parts) {
      sum.add(p);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    BigInteger cy = BigInteger.valueOf(cDen).multiply(BigInteger.valueOf(yDen));
    BigInteger ca = BigInteger.valueOf(cDen).multiply(BigInteger.valueOf(aDen));
    BigFraction upper = BigFraction.of(sum.upper, ca);
    String why = sum.boxViolation;
    if (why == null) {
      for (int i = 0; i < d; i++) {
        if (sum.rows[i].signum() != 0) {
          why = "Σ_{S∋" + (i + 1) + "} y_S = " + BigFraction.of(sum.rows[i], BigInteger.valueOf(yDen))
              + ", not 0";
          break;
        }
      }
    }
    if (why != null) {
      return new Verification(null, upper, false, why, sum.sets, seconds);
    }
    return new Verification(BigFraction.of(sum.lower, cy), upper, true, "", sum.sets, seconds);
  }

  private static long longOrFail(BigInteger v, String what) {
    if (v.bitLength() > 62) {
      throw new ArithmeticException(what + " exceeds 62 bits; not supported by the full-LP check");
    }
    return v.longValueExact();
  }

  /** Sums of one chunk, exact. */
  private static final class Partial {
    BigInteger lower = BigInteger.ZERO;
    BigInteger upper = BigInteger.ZERO;
    BigInteger[] rows;
    String boxViolation;
    long sets;

    Partial(int d) {
      rows = new BigInteger[d];
      Arrays.fill(rows, BigInteger.ZERO);
    }

    void add(Partial p) {
      lower = lower.add(p.lower);
      upper = upper.add(p.upper);
      for (int i = 0; i < rows.length; i++) {
        rows[i] = rows[i].add(p.rows[i]);
      }
      if (boxViolation == null) {
        boxViolation = p.boxViolation;
      }
      sets += p.sets;
    }
  }

  private static long maskAt(long[] masks, long index) {
    return masks == null ? index : masks[(int) index];
  }

  private static Partial chunkLong(AttributionProblem problem, Certificate cert, long[] masks,
      long from, long to, int d, long yDen, long cDen, long aDen, long[] a) {
    SubsetFamily family = problem.family();
    long lower = 0;
    long upper = 0;
    long[] rows = new long[d];
    String box = null;
    long sets = 0;
    for (long idx = from; idx < to; idx++) {
      long s = maskAt(masks, idx);
      if (masks == null && !family.contains(s)) {
        continue;
      }
      sets++;
      long y = cert.y().numerator().applyAsLong(s);
      long c = problem.targetNumerator(s);
      if (box == null && (y > yDen || y < -yDen)) {
        box = "|y_S| > 1 at S=" + xcert.solvers.setfunction.Subsets.format(s) + " (y_S = "
            + BigFraction.of(y, yDen) + ")";
      }
      lower = Math.addExact(lower, Math.multiplyExact(c, y));
      long sumA = 0;
      for (long m = s; m != 0; m &= m - 1) {
        int i = Long.numberOfTrailingZeros(m);
        sumA = Math.addExact(sumA, a[i]);
        rows[i] = Math.addExact(rows[i], y);
      }
      long r = Math.subtractExact(Math.multiplyExact(c, aDen), Math.multiplyExact(cDen, sumA));
      upper = Math.addExact(upper, Math.absExact(r));
    }
    Partial p = new Partial(d);
    p.lower = BigInteger.valueOf(lower);
    p.upper = BigInteger.valueOf(upper);
    for (int i = 0; i < d; i++) {
      p.rows[i] = BigInteger.valueOf(rows[i]);
    }
    p.boxViolation = box;
    p.sets = sets;
    return p;
  }

  private static Partial chunkBig(AttributionProblem problem, Certificate cert, long[] masks,
      long from, long to, int d, long yDen, long cDen, long aDen, long[] a) {
    SubsetFamily family = problem.family();
    Partial p = new Partial(d);
    BigInteger bigADen = BigInteger.valueOf(aDen);
    BigInteger bigCDen = BigInteger.valueOf(cDen);
    for (long idx = from; idx < to; idx++) {
      long s = maskAt(masks, idx);
      if (masks == null && !family.contains(s)) {
        continue;
      }
      p.sets++;
      long y = cert.y().numerator().applyAsLong(s);
      BigInteger by = BigInteger.valueOf(y);
      BigInteger c = BigInteger.valueOf(problem.targetNumerator(s));
      if (p.boxViolation == null && (y > yDen || y < -yDen)) {
        p.boxViolation = "|y_S| > 1 at S=" + xcert.solvers.setfunction.Subsets.format(s);
      }
      p.lower = p.lower.add(c.multiply(by));
      BigInteger sumA = BigInteger.ZERO;
      for (long m = s; m != 0; m &= m - 1) {
        int i = Long.numberOfTrailingZeros(m);
        sumA = sumA.add(BigInteger.valueOf(a[i]));
        p.rows[i] = p.rows[i].add(by);
      }
      p.upper = p.upper.add(c.multiply(bigADen).subtract(bigCDen.multiply(sumA)).abs());
    }
    return p;
  }
}
