package xcert.certificates.problem;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.num.Rationals;

/**
 * A multilinear polynomial f(x) = Σ_T a_T Π_{i∈T} x_i over d ≤ 62 variables with exact rational
 * coefficients: the models of seed 002 (You et al., "Sum-of-Parts Models"), whose Theorems 1 and 2
 * and Corollary 1 are stated for the monomial Π x_i and the binomial Π_{S1∪S2} x_i + Π_{S2∪S3} x_j.
 *
 * <p>A monomial T is a bit mask, bit i for variable x_{i+1}; the empty mask is the constant term. Every
 * stored coefficient is nonzero: like terms are merged and zero coefficients dropped when the
 * polynomial is built, so two polynomials are {@link #equals equal} exactly when they are the same
 * function. Immutable.
 *
 * <p>{@link #toString()} writes the syntax {@link PolynomialParser} reads, e.g.
 * {@code 3 - 1/2*x1*x3 + x2*x4}, terms in lexicographic order of their index lists (the constant
 * first), so that parsing the text gives back an equal polynomial.
 */
public final class MultilinearPolynomial {

  /** The most variables a polynomial may have (a monomial is a 64-bit mask; 62 as for sets). */
  public static final int MAX_DIMENSION = 62;

  /** Lexicographic order of the sorted index lists: {@code 1 < x1 < x1*x2 < x1*x3 < x2}. */
  private static final Comparator<Long> TERM_ORDER =
      (a, b) -> Arrays.compare(indices(a), indices(b));

  private final int d;
  private final Map<Long, BigFraction> terms;

  private MultilinearPolynomial(int d, Map<Long, BigFraction> terms) {
    this.d = d;
    this.terms = terms;
  }

  /**
   * The polynomial with the given terms; coefficients of equal masks are added and zero ones dropped
   * (a {@link Map} has one entry per mask, so this only drops zeros; use {@link Builder} to merge).
   *
   * @param d the number of variables, or -1 for the largest index used (0 for a constant)
   * @throws IllegalArgumentException when a mask uses a variable beyond d or d is outside -1..62
   */
  public static MultilinearPolynomial of(int d, Map<Long, BigFraction> terms) {
    Builder b = new Builder();
    terms.forEach(b::add);
    return b.build(d);
  }

  /** c·Π_{i∈T} x_i over d variables (d = -1: the largest index in T). */
  public static MultilinearPolynomial monomial(int d, long mask, BigFraction coefficient) {
    return new Builder().add(mask, coefficient).build(d);
  }

  /** Collects the terms of a seed-002 multilinear model, adding the coefficients of like terms. */
  public static final class Builder {
    private final TreeMap<Long, BigFraction> sum = new TreeMap<>(TERM_ORDER);

    /** Adds c·Π_{i∈T} x_i. */
    public Builder add(long mask, BigFraction coefficient) {
      Objects.requireNonNull(coefficient);
      if (mask < 0 || mask >>> MAX_DIMENSION != 0) {
        throw new IllegalArgumentException("monomial mask " + Long.toHexString(mask)
            + " uses a variable beyond x" + MAX_DIMENSION);
      }
      sum.merge(mask, coefficient, BigFraction::add);
      return this;
    }

    /**
     * The polynomial over d variables.
     *
     * @param d the number of variables, or -1 for the largest index used
     */
    public MultilinearPolynomial build(int d) {
      if (d < -1 || d > MAX_DIMENSION) {
        throw new IllegalArgumentException("d must be in 0.." + MAX_DIMENSION + " (or -1), is " + d);
      }
      LinkedHashMap<Long, BigFraction> kept = new LinkedHashMap<>();
      long used = 0;
      for (Map.Entry<Long, BigFraction> e : sum.entrySet()) {
        if (e.getValue().signum() != 0) {
          kept.put(e.getKey(), e.getValue());
          used |= e.getKey();
        }
      }
      int largest = 64 - Long.numberOfLeadingZeros(used);
      if (d >= 0 && largest > d) {
        throw new IllegalArgumentException("x" + largest + " is beyond d = " + d);
      }
      return new MultilinearPolynomial(d >= 0 ? d : largest, Collections.unmodifiableMap(kept));
    }
  }

  /** The number of variables d. */
  public int dimension() {
    return d;
  }

  /**
   * The terms: monomial mask (bit i for x_{i+1}; 0 for the constant) to its nonzero coefficient, in
   * the order {@link #toString()} writes them. Unmodifiable.
   */
  public Map<Long, BigFraction> terms() {
    return terms;
  }

  /** The coefficient of Π_{i∈T} x_i (zero when there is no such term). */
  public BigFraction coefficient(long mask) {
    BigFraction c = terms.get(mask);
    return c == null ? BigFraction.ZERO : c;
  }

  /** True when f has no terms. */
  public boolean isZero() {
    return terms.isEmpty();
  }

  /**
   * f(x), exactly.
   *
   * @param x d values; x[i] is x_{i+1}
   * @throws IllegalArgumentException when x does not have d entries
   */
  public BigFraction evaluate(BigFraction[] x) {
    if (x.length != d) {
      throw new IllegalArgumentException("x has " + x.length + " entries; f has d = " + d);
    }
    BigFraction total = BigFraction.ZERO;
    for (Map.Entry<Long, BigFraction> e : terms.entrySet()) {
      BigFraction v = e.getValue();
      long m = e.getKey();
      while (m != 0 && v.signum() != 0) {
        int i = Long.numberOfTrailingZeros(m);
        v = v.multiply(x[i]);
        m &= m - 1;
      }
      total = total.add(v);
    }
    return total;
  }

  /** The 1-based indices of the variables of a monomial, increasing. */
  static int[] indices(long mask) {
    int[] out = new int[Long.bitCount(mask)];
    int k = 0;
    for (long m = mask; m != 0; m &= m - 1) {
      out[k++] = Long.numberOfTrailingZeros(m) + 1;
    }
    return out;
  }

  /** The text {@link PolynomialParser} reads back: {@code 3 - 1/2*x1*x3 + x2}; "0" for zero. */
  @Override
  public String toString() {
    if (terms.isEmpty()) {
      return "0";
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<Long, BigFraction> e : terms.entrySet()) {
      BigFraction c = e.getValue();
      boolean negative = c.signum() < 0;
      if (sb.length() == 0) {
        if (negative) {
          sb.append('-');
        }
      } else {
        sb.append(negative ? " - " : " + ");
      }
      BigFraction abs = negative ? c.negate() : c;
      long mask = e.getKey();
      boolean unit = abs.equals(BigFraction.ONE);
      if (mask == 0 || !unit) {
        sb.append(Rationals.format(abs));
      }
      boolean star = !unit; // a coefficient was written, so the first variable needs '*'
      for (int i : indices(mask)) {
        if (star) {
          sb.append('*');
        }
        sb.append('x').append(i);
        star = true;
      }
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MultilinearPolynomial p && p.d == d && p.terms.equals(terms);
  }

  @Override
  public int hashCode() {
    return 31 * d + terms.hashCode();
  }

  /** The least common multiple of the denominators of some rationals (1 for none). */
  static BigInteger lcmOfDenominators(Iterable<BigFraction> values) {
    return xcert.solvers.num.Rationals.commonDenominator(values);
  }
}
