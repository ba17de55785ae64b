package xcert.certificates.problem;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.errors.TooLargeException;

/**
 * The attribution problem of a multilinear polynomial f at an input x (seed 002, You et al.,
 * "Sum-of-Parts Models": Definition 1, deletion error, and Definition 3 in Appendix A.1, insertion
 * error), with exact targets
 *
 * <pre>
 *   deletion:  c_S = f(x) − f(x_{−S})     (x_{−S} sets the features in S to 0)
 *   insertion: c_S = f(x_S) − f(0_d)      (x_S keeps only the features in S)
 * </pre>
 *
 * <p>How: write f = Σ_T a_T Π_{i∈T} x_i and let v_T = a_T Π_{i∈T} x_i, the value of term T at x. Zeroing
 * the features of S kills exactly the terms that meet S, so f(x) − f(x_{−S}) = Σ_{T∩S≠∅} v_T; keeping
 * only S keeps exactly the terms inside S, so f(x_S) − f(0) = Σ_{∅≠T⊆S} v_T. The constant term counts in
 * neither. Each v_T is computed once, exactly, and written as an integer numerator n_T over the least
 * common denominator L of all of them; c_S = (Σ n_T over the counted T) / L. Per set this costs one
 * pass over the terms in {@code long} arithmetic, no allocation; when there are many terms and d ≤ 20,
 * one subset-sum (zeta) transform over all 2^d masks, O(d·2^d), gives every c_S from a table instead.
 *
 * <p>Overflow: every partial sum of the n_T is bounded by B = Σ_T |n_T|. The problem is built only when B
 * fits in a {@code long} ({@link AttributionProblem} holds long numerators); otherwise it is refused
 * with {@link TooLargeException} naming B's size, before anything is enumerated. Under that check no sum
 * can overflow, so no per-set check is needed.
 */
public final class PolynomialProblems {

  /** The table is built only up to this d (2^20 longs, 8 MiB). */
  static final int TABLE_MAX_D = 20;

  /** ... and only for more terms than this. */
  static final int TABLE_MIN_TERMS = 24;

  /** How the per-set sums are formed; package-private so that tests can force each. */
  enum Strategy {
    /** Choose by size. */
    AUTO,
    /** One pass over the terms per set. */
    TERMS,
    /** The subset-sum table (d ≤ {@link #TABLE_MAX_D}). */
    TABLE
  }

  private PolynomialProblems() {}

  /**
   * The problem min_α Σ_{S∈𝒫} |c_S − Σ_{i∈S} α_i| for f at x.
   *
   * @param f the model, over at most x.length variables
   * @param x the input, one exact value per feature (x[i] is feature i+1)
   * @param kind deletion (Definition 1) or insertion (Definition 3)
   * @param family the sets 𝒫, of dimension x.length
   * @throws IllegalArgumentException when the dimensions of f, x and the family disagree
   * @throws TooLargeException when the numerators of the c_S do not fit in 63 bits
   */
  public static AttributionProblem of(MultilinearPolynomial f, BigFraction[] x, ErrorKind kind,
      SubsetFamily family) {
    return of(f, x, kind, family, Strategy.AUTO);
  }

  static AttributionProblem of(MultilinearPolynomial f, BigFraction[] x, ErrorKind kind,
      SubsetFamily family, Strategy strategy) {
    TermValues t = termValues(f, x, family.dimension());
    int d = family.dimension();
    long[] masks = t.masks;
    long[] nums = t.numerators;
    boolean table = switch (strategy) {
      case TERMS -> false;
      case TABLE -> true;
      case AUTO -> d <= TABLE_MAX_D && masks.length > TABLE_MIN_TERMS
          && (double) family.size() * masks.length > (double) (d + 1) * (1L << d);
    };
    LongUnaryOperator numerator;
    if (table) {
      if (d > TABLE_MAX_D) {
        throw new IllegalArgumentException("the table needs d <= " + TABLE_MAX_D + ", d = " + d);
      }
      long[] g = subsetSums(d, masks, nums);
      if (kind == ErrorKind.INSERTION) {
        numerator = s -> g[(int) s];
      } else {
        long total = t.total;
        int full = (1 << d) - 1;
        numerator = s -> total - g[full & ~(int) s];
      }
    } else if (kind == ErrorKind.INSERTION) {
      numerator = s -> {
        long sum = 0;
        for (int j = 0; j < masks.length; j++) {
          if ((masks[j] & ~s) == 0) {
            sum += nums[j];
          }
        }
        return sum;
      };
    } else {
      numerator = s -> {
        long sum = 0;
        for (int j = 0; j < masks.length; j++) {
          if ((masks[j] & s) != 0) {
            sum += nums[j];
          }
        }
        return sum;
      };
    }
    return new AttributionProblem("polynomial-" + kind.word() + " d=" + d, family, numerator,
        t.denominator);
  }

  /** g[S] = Σ_{T⊆S} n_T over all masks S below 2^d (the zeta transform). */
  private static long[] subsetSums(int d, long[] masks, long[] nums) {
    long[] g = new long[1 << d];
    for (int j = 0; j < masks.length; j++) {
      g[(int) masks[j]] += nums[j];
    }
    for (int i = 0; i < d; i++) {
      int bit = 1 << i;
      for (int s = 0; s < g.length; s++) {
        if ((s & bit) != 0) {
          g[s] += g[s ^ bit];
        }
      }
    }
    return g;
  }

  /**
   * The non-constant terms of f with a nonzero value at x: masks, numerators n_T over the common
   * denominator L, and their sum Σ n_T (= f(x) − f(0), times L).
   */
  record TermValues(long[] masks, long[] numerators, BigInteger denominator, long total) {}

  /**
   * v_T = a_T Π_{i∈T} x_i for every non-constant term, as long numerators over one denominator.
   *
   * @throws TooLargeException when Σ |n_T| does not fit in a long
   */
  static TermValues termValues(MultilinearPolynomial f, BigFraction[] x, int d) {
    if (x.length != d) {
      throw new IllegalArgumentException("x has " + x.length + " entries; the family has d = " + d);
    }
    if (f.dimension() > d) {
      throw new IllegalArgumentException("f has " + f.dimension() + " variables; x has " + d);
    }
    List<Long> masks = new ArrayList<>();
    List<BigFraction> values = new ArrayList<>();
    for (Map.Entry<Long, BigFraction> e : f.terms().entrySet()) {
      long m = e.getKey();
      if (m == 0) {
        continue; // the constant cancels in both c_S
      }
      BigFraction v = e.getValue();
      for (long r = m; r != 0 && v.signum() != 0; r &= r - 1) {
        v = v.multiply(x[Long.numberOfTrailingZeros(r)]);
      }
      if (v.signum() != 0) {
        masks.add(m);
        values.add(v);
      }
    }
    BigInteger l = MultilinearPolynomial.lcmOfDenominators(values);
    long[] m = new long[masks.size()];
    long[] n = new long[masks.size()];
    BigInteger bound = BigInteger.ZERO;
    BigInteger total = BigInteger.ZERO;
    for (int j = 0; j < m.length; j++) {
      BigFraction v = values.get(j);
      BigInteger num = v.getNumerator().multiply(l).divide(v.getDenominator());
      bound = bound.add(num.abs());
      total = total.add(num);
      if (bound.bitLength() > 63) {
        throw new TooLargeException("the targets c_S of this polynomial at x need integers of more"
            + " than 63 bits over their common denominator (" + bitsOf(l) + "); xcert holds them"
            + " in a long: scale the coefficients or x down, or use fewer terms");
      }
      m[j] = masks.get(j);
      n[j] = num.longValueExact();
    }
    return new TermValues(m, n, l, total.longValueExact());
  }

  private static String bitsOf(BigInteger l) {
    return l.bitLength() <= 40 ? "L = " + l : "L has " + l.bitLength() + " bits";
  }
}
