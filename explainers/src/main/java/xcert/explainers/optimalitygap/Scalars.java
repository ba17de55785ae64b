package xcert.explainers.optimalitygap;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.result.Scalar;

/** Arithmetic on {@link Scalar}s that stays exact when every operand is exact. */
final class Scalars {

  static final Scalar ZERO = Scalar.exact(BigFraction.ZERO);

  private Scalars() {}

  static Scalar minus(Scalar a, Scalar b) {
    return a.isExact() && b.isExact() ? Scalar.exact(a.exact().subtract(b.exact()))
        : Scalar.approximate(a.value() - b.value());
  }

  static Scalar plus(Scalar a, Scalar b) {
    return a.isExact() && b.isExact() ? Scalar.exact(a.exact().add(b.exact()))
        : Scalar.approximate(a.value() + b.value());
  }

  /** Sign of a − b, exact when both are. */
  static int compare(Scalar a, Scalar b) {
    return a.isExact() && b.isExact() ? a.exact().compareTo(b.exact())
        : Double.compare(a.value(), b.value());
  }

  static Scalar max(Scalar a, Scalar b) {
    return compare(a, b) >= 0 ? a : b;
  }

  static Scalar sum(List<Scalar> xs) {
    Scalar s = ZERO;
    for (Scalar x : xs) {
      s = plus(s, x);
    }
    return s;
  }

  /** The mean of xs (0 for an empty list). */
  static Scalar mean(List<Scalar> xs) {
    if (xs.isEmpty()) {
      return ZERO;
    }
    Scalar s = sum(xs);
    return s.isExact() ? Scalar.exact(s.exact().divide(xs.size()))
        : Scalar.approximate(s.value() / xs.size());
  }

  /** The largest of xs (0 for an empty list). */
  static Scalar max(List<Scalar> xs) {
    Scalar m = xs.isEmpty() ? ZERO : xs.get(0);
    for (Scalar x : xs) {
      m = max(m, x);
    }
    return m;
  }

  static Scalar ofInt(long n) {
    return Scalar.exact(BigFraction.of(n));
  }

  static Scalar ratio(long num, long den) {
    return den == 0 ? ZERO : Scalar.exact(BigFraction.of(num, den));
  }
}
