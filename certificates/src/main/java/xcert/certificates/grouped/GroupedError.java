package xcert.certificates.grouped;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.function.LongConsumer;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.certificates.problem.AttributionProblem;
import xcert.certificates.problem.ErrorKind;
import xcert.certificates.problem.MultilinearPolynomial;
import xcert.certificates.problem.PolynomialProblems;
import xcert.certificates.problem.SubsetFamily;
import xcert.solvers.errors.TooLargeException;

/**
 * The grouped deletion and insertion errors of seed 002 (You et al., "Sum-of-Parts Models", Appendix
 * A.3, Definitions 4 and 5, Eq. 10–11) for any multilinear polynomial f, input x and grouped
 * attribution β = {(S_i, c_i)}, under either {@link GroupedReading}:
 *
 * <pre>
 *   GroupDelErr(β, S) = | f(x) − f(x_{−S}) − Σ_{i counts toward S} c_i |
 *   GroupInsErr(β, S) = | f(x_S) − f(0_d)  − Σ_{i counts toward S} c_i |
 * </pre>
 *
 * <p>{@link #at} evaluates one set straight from the definition (f evaluated at the perturbed input in
 * exact rationals). {@link #total} checks a whole family: the targets c_S come from {@link
 * PolynomialProblems} as long numerators over a common denominator L, the scores are brought to the
 * common denominator L' = lcm(L, denominators of the c_i), and each set then costs one pass over the
 * terms and one over the groups in {@code long} arithmetic, without allocation. Before enumerating it
 * checks that (Σ_T |v_T| + Σ_i |c_i|)·L', a bound on every numerator formed, fits in 62 bits (v_T is
 * term T's value at x), and refuses with {@link TooLargeException} otherwise; the running total falls
 * back to {@link BigInteger} when it outgrows a long.
 */
public final class GroupedError {

  /** The most sets {@link #total} checks (2^26: the power set up to d = 26). */
  public static final long MAX_SETS = 1L << 26;

  private GroupedError() {}

  /**
   * The grouped error of β at one set S, from the definition.
   *
   * @param s the tested set as a bit mask (bit j is feature j+1)
   */
  public static BigFraction at(MultilinearPolynomial f, BigFraction[] x, GroupedAttribution beta,
      ErrorKind kind, GroupedReading reading, long s) {
    checkDimensions(f, x, beta);
    BigFraction change;
    if (kind == ErrorKind.DELETION) {
      change = f.evaluate(pad(x, f)).subtract(f.evaluate(pad(keep(x, ~s), f)));
    } else {
      change = f.evaluate(pad(keep(x, s), f)).subtract(f.evaluate(pad(keep(x, 0), f)));
    }
    BigFraction scores = BigFraction.ZERO;
    for (GroupedAttribution.Group g : beta.groups()) {
      if (reading.counts(g.members(), s, kind)) {
        scores = scores.add(g.score());
      }
    }
    return change.subtract(scores).abs();
  }

  /** x with the features outside {@code kept} set to 0. */
  private static BigFraction[] keep(BigFraction[] x, long kept) {
    BigFraction[] y = x.clone();
    for (int i = 0; i < y.length; i++) {
      if ((kept >>> i & 1) == 0) {
        y[i] = BigFraction.ZERO;
      }
    }
    return y;
  }

  /** The first f.dimension() entries (f may use fewer variables than x has features). */
  private static BigFraction[] pad(BigFraction[] x, MultilinearPolynomial f) {
    return x.length == f.dimension() ? x : Arrays.copyOf(x, f.dimension());
  }

  private static void checkDimensions(MultilinearPolynomial f, BigFraction[] x,
      GroupedAttribution beta) {
    if (beta.dimension() != x.length) {
      throw new IllegalArgumentException("β is over " + beta.dimension() + " features; x has "
          + x.length);
    }
    if (f.dimension() > x.length) {
      throw new IllegalArgumentException("f has " + f.dimension() + " variables; x has " + x.length);
    }
  }

  /**
   * The grouped error of β at every set of the family, exactly: the count, the total and every
   * failing set with its error.
   *
   * @throws IllegalArgumentException when the dimensions of f, x, β and the family disagree
   * @throws TooLargeException when the family has more than {@link #MAX_SETS} sets or the numerators
   *     do not fit in 63 bits
   */
  public static GroupedErrorResult total(MultilinearPolynomial f, BigFraction[] x,
      GroupedAttribution beta, ErrorKind kind, GroupedReading reading, SubsetFamily family) {
    checkDimensions(f, x, beta);
    if (family.dimension() != x.length) {
      throw new IllegalArgumentException("the family is over " + family.dimension()
          + " features; x has " + x.length);
    }
    if (family.size() > MAX_SETS) {
      throw new TooLargeException("checking " + family.describe() + " needs " + family.size()
          + " sets; the grouped error check enumerates at most 2^26 = " + MAX_SETS);
    }
    AttributionProblem problem = PolynomialProblems.of(f, x, kind, family);
    BigInteger l = problem.targetDenominator();
    BigInteger common = l;
    for (GroupedAttribution.Group g : beta.groups()) {
      BigInteger den = g.score().getDenominator().abs();
      common = common.divide(common.gcd(den)).multiply(den);
    }
    // bound on |c_S|·L' + Σ|c_i|·L', hence on every numerator formed below
    BigFraction bound = BigFraction.ZERO;
    for (Map.Entry<Long, BigFraction> e : f.terms().entrySet()) {
      if (e.getKey() == 0) {
        continue;
      }
      BigFraction v = e.getValue();
      for (long r = e.getKey(); r != 0; r &= r - 1) {
        v = v.multiply(x[Long.numberOfTrailingZeros(r)]);
      }
      bound = bound.add(v.abs());
    }
    int groups = beta.size();
    long[] members = new long[groups];
    long[] scores = new long[groups];
    BigInteger[] scaled = new BigInteger[groups];
    for (int i = 0; i < groups; i++) {
      GroupedAttribution.Group g = beta.groups().get(i);
      members[i] = g.members();
      scaled[i] = g.score().getNumerator().multiply(common).divide(g.score().getDenominator());
      bound = bound.add(g.score().abs());
    }
    BigFraction scaledBound = bound.multiply(BigFraction.of(common)); // an integer
    BigInteger boundNumerator = scaledBound.getNumerator().divide(scaledBound.getDenominator())
        .abs();
    if (boundNumerator.bitLength() > 62) {
      throw new TooLargeException("the grouped errors of this polynomial and attribution need"
          + " integers of more than 62 bits over their common denominator; xcert holds them in a"
          + " long: scale the coefficients, x or the scores down");
    }
    for (int i = 0; i < groups; i++) {
      scores[i] = scaled[i].longValueExact();
    }
    long factor = common.divide(l).longValueExact();
    int mode = reading == GroupedReading.AS_PRINTED ? 0 : kind == ErrorKind.INSERTION ? 1 : 2;
    Accumulator acc = new Accumulator(problem, factor, members, scores, mode);
    family.forEach(acc);
    return new GroupedErrorResult(kind, reading, family.dimension(), acc.checked, acc.total(),
        common, Arrays.copyOf(acc.sets, acc.failing), Arrays.copyOf(acc.errors, acc.failing));
  }

  /** Visits the sets; no allocation per set except when the failure arrays grow. */
  private static final class Accumulator implements LongConsumer {
    private final AttributionProblem problem;
    private final long factor;
    private final long[] members;
    private final long[] scores;
    private final int mode;
    long checked;
    int failing;
    long[] sets = new long[16];
    long[] errors = new long[16];
    private long total;
    private BigInteger bigTotal = BigInteger.ZERO;

    Accumulator(AttributionProblem problem, long factor, long[] members, long[] scores, int mode) {
      this.problem = problem;
      this.factor = factor;
      this.members = members;
      this.scores = scores;
      this.mode = mode;
    }

    @Override
    public void accept(long s) {
      checked++;
      long e = problem.targetNumerator(s) * factor;
      for (int i = 0; i < members.length; i++) {
        long m = members[i];
        boolean counts = switch (mode) {
          case 0 -> (s & ~m) == 0; // printed: S ⊆ S_i
          case 1 -> (m & ~s) == 0; // prose insertion: S_i ⊆ S
          default -> (m & s) != 0; // prose deletion: S_i ∩ S ≠ ∅
        };
        if (counts) {
          e -= scores[i];
        }
      }
      if (e == 0) {
        return;
      }
      e = Math.abs(e);
      if (failing == sets.length) {
        int grown = (int) Math.min(Integer.MAX_VALUE - 8L, 2L * failing);
        sets = Arrays.copyOf(sets, grown);
        errors = Arrays.copyOf(errors, grown);
      }
      sets[failing] = s;
      errors[failing] = e;
      failing++;
      long t = total + e;
      if (t < 0) { // e ≥ 0, so a wrap shows as a negative sum
        bigTotal = bigTotal.add(BigInteger.valueOf(total)).add(BigInteger.valueOf(e));
        total = 0;
      } else {
        total = t;
      }
    }

    BigInteger total() {
      return bigTotal.add(BigInteger.valueOf(total));
    }
  }
}
