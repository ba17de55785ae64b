package xcert.certificates.check;

import java.io.Serializable;
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
    long total = setCount(problem, cert);
    int chunks = (int) Math.max(1, (total + (1L << CHUNK_BITS) - 1) >>> CHUNK_BITS);
    long chunkLen = (total + chunks - 1) / chunks;
    Sums[] parts = IntStream.range(0, chunks).parallel().mapToObj(k -> {
      long from = k * chunkLen;
      return verifyRange(problem, cert, from, Math.min(total, from + chunkLen));
    }).toArray(Sums[]::new);
    Sums sum = Sums.zero(problem.dimension());
    for (Sums p : parts) {
      sum = sum.plus(p);
    }
    return finish(problem, cert, sum, (System.nanoTime() - t0) / 1e9);
  }

  /**
   * How many indices the check runs over: the listed sets of a {@link SubsetFamily.Kind#LIST}
   * family, else 2^d masks (those outside the family are skipped). Indices {@code [0, count)} may
   * be cut into ranges checked apart ({@link #verifyRange}) and their {@link Sums} added.
   */
  public static long setCount(AttributionProblem problem, Certificate cert) {
    int d = problem.dimension();
    if (cert.dimension() != d) {
      throw new IllegalArgumentException("certificate has " + cert.dimension()
          + " attribution values, the problem has d=" + d);
    }
    SubsetFamily family = problem.family();
    return family.kind() == SubsetFamily.Kind.LIST ? family.listed().length : 1L << d;
  }

  /**
   * The exact sums over the indices {@code [from, to)} of {@link #setCount}: in {@code long} with
   * overflow checks, redone in {@link BigInteger} when one overflows. Sums of disjoint ranges
   * covering every index, added with {@link Sums#plus} in any order, give {@link #finish} the same
   * verdict as {@link #verify}.
   */
  public static Sums verifyRange(AttributionProblem problem, Certificate cert, long from,
      long to) {
    int d = problem.dimension();
    SubsetFamily family = problem.family();
    long[] masks = family.kind() == SubsetFamily.Kind.LIST ? family.listed() : null;
    long yDen = longOrFail(cert.y().denominator(), "y denominator");
    long cDen = longOrFail(problem.targetDenominator(), "target denominator");
    long aDen = longOrFail(cert.alphaDenominator(), "alpha denominator");
    long[] a = cert.alphaNumerators();
    Sums sum = null;
    for (long lo = from; lo < to || sum == null; lo += 1L << CHUNK_BITS) {
      long hi = Math.min(to, lo + (1L << CHUNK_BITS)); // chunks of 2^16: short loops, well compiled
      Sums part;
      try {
        part = chunkLong(problem, cert, masks, lo, hi, d, yDen, cDen, aDen, a);
      } catch (ArithmeticException overflow) {
        part = chunkBig(problem, cert, masks, lo, hi, d, yDen, cDen, aDen, a);
      }
      sum = sum == null ? part : sum.plus(part);
    }
    return sum;
  }

  /** The verdict from the sums over every index. */
  public static Verification finish(AttributionProblem problem, Certificate cert, Sums sum,
      double seconds) {
    int d = problem.dimension();
    long yDen = longOrFail(cert.y().denominator(), "y denominator");
    long cDen = longOrFail(problem.targetDenominator(), "target denominator");
    long aDen = longOrFail(cert.alphaDenominator(), "alpha denominator");
    BigInteger cy = BigInteger.valueOf(cDen).multiply(BigInteger.valueOf(yDen));
    BigInteger ca = BigInteger.valueOf(cDen).multiply(BigInteger.valueOf(aDen));
    BigFraction upper = BigFraction.of(sum.upper(), ca);
    String why = sum.boxViolation();
    if (why == null) {
      for (int i = 0; i < d; i++) {
        if (sum.rows()[i].signum() != 0) {
          why = "Σ_{S∋" + (i + 1) + "} y_S = "
              + BigFraction.of(sum.rows()[i], BigInteger.valueOf(yDen)) + ", not 0";
          break;
        }
      }
    }
    if (why != null) {
      return new Verification(null, upper, false, why, sum.sets(), seconds);
    }
    return new Verification(BigFraction.of(sum.lower(), cy), upper, true, "", sum.sets(),
        seconds);
  }

  private static long longOrFail(BigInteger v, String what) {
    if (v.bitLength() > 62) {
      throw new ArithmeticException(what + " exceeds 62 bits; not supported by the full-LP check");
    }
    return v.longValueExact();
  }

  /**
   * Exact sums over a range of sets, numerators over the check's common denominators: Σ C_S·Y_S
   * ({@code lower}), Σ |C_S·A − C·Σ A_i| ({@code upper}), Σ_{S∋i} Y_S ({@code rows}), the first
   * box violation |y_S| > 1 in index order with its index, and the number of sets. {@link #plus} is
   * associative and commutative (the violation kept is the one of least index), so sums of
   * disjoint ranges may be added in any order, on any machine (the class is {@link Serializable}).
   */
  public record Sums(BigInteger lower, BigInteger upper, BigInteger[] rows, String boxViolation,
      long boxIndex, long sets) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Sums {
      rows = rows.clone();
    }

    @Override
    public BigInteger[] rows() {
      return rows.clone();
    }

    /** The sums over no set. */
    public static Sums zero(int d) {
      BigInteger[] r = new BigInteger[d];
      Arrays.fill(r, BigInteger.ZERO);
      return new Sums(BigInteger.ZERO, BigInteger.ZERO, r, null, Long.MAX_VALUE, 0);
    }

    /** The sums over both ranges. */
    public Sums plus(Sums o) {
      if (o.rows.length != rows.length) {
        throw new IllegalArgumentException("sums of different dimension");
      }
      BigInteger[] r = new BigInteger[rows.length];
      for (int i = 0; i < r.length; i++) {
        r[i] = rows[i].add(o.rows[i]);
      }
      boolean mine = boxIndex <= o.boxIndex;
      return new Sums(lower.add(o.lower), upper.add(o.upper), r,
          mine ? boxViolation : o.boxViolation, Math.min(boxIndex, o.boxIndex), sets + o.sets);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Sums s && lower.equals(s.lower) && upper.equals(s.upper)
          && Arrays.equals(rows, s.rows) && java.util.Objects.equals(boxViolation, s.boxViolation)
          && boxIndex == s.boxIndex && sets == s.sets;
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(lower, upper, Arrays.hashCode(rows), boxViolation, boxIndex,
          sets);
    }
  }

  private static long maskAt(long[] masks, long index) {
    return masks == null ? index : masks[(int) index];
  }

  private static Sums chunkLong(AttributionProblem problem, Certificate cert, long[] masks,
      long from, long to, int d, long yDen, long cDen, long aDen, long[] a) {
    SubsetFamily family = problem.family();
    long lower = 0;
    long upper = 0;
    long[] rows = new long[d];
    String box = null;
    long boxIndex = Long.MAX_VALUE;
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
        boxIndex = idx;
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
    BigInteger[] r = new BigInteger[d];
    for (int i = 0; i < d; i++) {
      r[i] = BigInteger.valueOf(rows[i]);
    }
    return new Sums(BigInteger.valueOf(lower), BigInteger.valueOf(upper), r, box, boxIndex, sets);
  }

  private static Sums chunkBig(AttributionProblem problem, Certificate cert, long[] masks,
      long from, long to, int d, long yDen, long cDen, long aDen, long[] a) {
    SubsetFamily family = problem.family();
    BigInteger lower = BigInteger.ZERO;
    BigInteger upper = BigInteger.ZERO;
    BigInteger[] rows = new BigInteger[d];
    Arrays.fill(rows, BigInteger.ZERO);
    String box = null;
    long boxIndex = Long.MAX_VALUE;
    long sets = 0;
    BigInteger bigADen = BigInteger.valueOf(aDen);
    BigInteger bigCDen = BigInteger.valueOf(cDen);
    for (long idx = from; idx < to; idx++) {
      long s = maskAt(masks, idx);
      if (masks == null && !family.contains(s)) {
        continue;
      }
      sets++;
      long y = cert.y().numerator().applyAsLong(s);
      BigInteger by = BigInteger.valueOf(y);
      BigInteger c = BigInteger.valueOf(problem.targetNumerator(s));
      if (box == null && (y > yDen || y < -yDen)) {
        box = "|y_S| > 1 at S=" + xcert.solvers.setfunction.Subsets.format(s) + " (y_S = "
            + BigFraction.of(y, yDen) + ")";
        boxIndex = idx;
      }
      lower = lower.add(c.multiply(by));
      BigInteger sumA = BigInteger.ZERO;
      for (long m = s; m != 0; m &= m - 1) {
        int i = Long.numberOfTrailingZeros(m);
        sumA = sumA.add(BigInteger.valueOf(a[i]));
        rows[i] = rows[i].add(by);
      }
      upper = upper.add(c.multiply(bigADen).subtract(bigCDen.multiply(sumA)).abs());
    }
    return new Sums(lower, upper, rows, box, boxIndex, sets);
  }
}
