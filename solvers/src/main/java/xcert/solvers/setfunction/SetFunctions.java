package xcert.solvers.setfunction;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * Pointwise constructions on set functions, exact for exact inputs: distances ρ between two entries
 * (Δsuf, Δnec of seed 004), convex combinations (Δuni), affine maps (relevance, distortion). Each
 * result keeps the arithmetic of its inputs: rational in, rational out; float64 in, float64 out.
 */
public final class SetFunctions {

  private SetFunctions() {}

  /** g(S) = ρ(t(anchor), t(S)); with anchor = [d] and t = f_S this is Δsuf(S) = ρ(f(x), f_S(x)). */
  public static SetFunction distanceFrom(SetFunction t, int anchor, Rho rho) {
    return distance(t, s -> anchor, s -> s, rho);
  }

  /** g(S) = ρ(t(S^c), t(∅)); with t = f_S this is Δnec(S) = ρ(f_{S^c}(x), f_∅(x)). */
  public static SetFunction distanceOfComplementToEmpty(SetFunction t, Rho rho) {
    int d = t.dimension();
    return distance(t, s -> Subsets.complement(s, d), s -> 0, rho);
  }

  /** g(S) = ρ(t(left(S)), t(right(S))). */
  public static SetFunction distance(SetFunction t, java.util.function.IntUnaryOperator left,
      java.util.function.IntUnaryOperator right, Rho rho) {
    int d = t.dimension();
    if (t instanceof RealSetFunction r) {
      double[] v = r.valuesView();
      return RealSetFunction.tabulate(d,
          s -> rho.apply(v[left.applyAsInt(s)], v[right.applyAsInt(s)]));
    }
    ExactSetFunction e = (ExactSetFunction) t;
    long[] n = e.longNumeratorsView();
    BigInteger den = e.denominator();
    if (rho == Rho.ABS) {
      return ExactSetFunction.tabulate(d, den,
          n == null ? null : s -> Math.absExact(
              Math.subtractExact(n[left.applyAsInt(s)], n[right.applyAsInt(s)])),
          s -> e.bigNumerator(left.applyAsInt(s)).subtract(e.bigNumerator(right.applyAsInt(s)))
              .abs());
    }
    return ExactSetFunction.tabulate(d, den.multiply(den),
        n == null ? null : s -> {
          long diff = Math.subtractExact(n[left.applyAsInt(s)], n[right.applyAsInt(s)]);
          return Math.multiplyExact(diff, diff);
        },
        s -> {
          BigInteger diff =
              e.bigNumerator(left.applyAsInt(s)).subtract(e.bigNumerator(right.applyAsInt(s)));
          return diff.multiply(diff);
        });
  }

  /** α·a + (1 − α)·b, α in [0,1] exact (seed 004 Eq. 6 with a = Δsuf, b = Δnec). */
  public static SetFunction convex(SetFunction a, SetFunction b, BigFraction alpha) {
    checkSameDimension(a, b);
    int d = a.dimension();
    if (!a.isExact() || !b.isExact()) {
      double al = alpha.doubleValue();
      return RealSetFunction.tabulate(d, s -> al * a.doubleAt(s) + (1 - al) * b.doubleAt(s));
    }
    ExactSetFunction[] ab = ExactSetFunction.commonDenominator((ExactSetFunction) a,
        (ExactSetFunction) b);
    ExactSetFunction x = ab[0];
    ExactSetFunction y = ab[1];
    // alpha = p/q: (p*X + (q-p)*Y) / (q*D)
    BigInteger p = ExactSetFunction.signedNumerator(alpha);
    BigInteger q = ExactSetFunction.positiveDenominator(alpha);
    BigInteger qp = q.subtract(p);
    long[] xn = x.longNumeratorsView();
    long[] yn = y.longNumeratorsView();
    boolean fast = xn != null && yn != null && p.bitLength() < 63 && qp.bitLength() < 63;
    long pl = fast ? p.longValue() : 0;
    long ql = fast ? qp.longValue() : 0;
    return ExactSetFunction.tabulate(d, x.denominator().multiply(q),
        fast ? s -> Math.addExact(Math.multiplyExact(pl, xn[s]), Math.multiplyExact(ql, yn[s]))
            : null,
        s -> p.multiply(x.bigNumerator(s)).add(qp.multiply(y.bigNumerator(s))));
  }

  /** scale·t(S) + shift, exact for exact t. */
  public static SetFunction affine(SetFunction t, BigFraction scale, BigFraction shift) {
    int d = t.dimension();
    if (t instanceof RealSetFunction r) {
      double a = scale.doubleValue();
      double b = shift.doubleValue();
      double[] v = r.valuesView();
      return RealSetFunction.tabulate(d, s -> a * v[s] + b);
    }
    ExactSetFunction e = (ExactSetFunction) t;
    // (a/q1) * N/D + (b/q2) = (a*q2*N + b*q1*D) / (q1*q2*D)
    BigInteger a = ExactSetFunction.signedNumerator(scale);
    BigInteger q1 = ExactSetFunction.positiveDenominator(scale);
    BigInteger b = ExactSetFunction.signedNumerator(shift);
    BigInteger q2 = ExactSetFunction.positiveDenominator(shift);
    BigInteger mul = a.multiply(q2);
    BigInteger add = b.multiply(q1).multiply(e.denominator());
    BigInteger den = q1.multiply(q2).multiply(e.denominator());
    long[] n = e.longNumeratorsView();
    boolean fast = n != null && mul.bitLength() < 63 && add.bitLength() < 63;
    long ml = fast ? mul.longValue() : 0;
    long al = fast ? add.longValue() : 0;
    return ExactSetFunction.tabulate(d, den,
        fast ? s -> Math.addExact(Math.multiplyExact(ml, n[s]), al) : null,
        s -> mul.multiply(e.bigNumerator(s)).add(add));
  }

  /** −t(S). */
  public static SetFunction negate(SetFunction t) {
    return affine(t, BigFraction.of(-1), BigFraction.ZERO);
  }

  /** a(S) + b(S). */
  public static SetFunction sum(SetFunction a, SetFunction b) {
    checkSameDimension(a, b);
    int d = a.dimension();
    if (!a.isExact() || !b.isExact()) {
      return RealSetFunction.tabulate(d, s -> a.doubleAt(s) + b.doubleAt(s));
    }
    ExactSetFunction[] ab = ExactSetFunction.commonDenominator((ExactSetFunction) a,
        (ExactSetFunction) b);
    long[] xn = ab[0].longNumeratorsView();
    long[] yn = ab[1].longNumeratorsView();
    return ExactSetFunction.tabulate(d, ab[0].denominator(),
        xn != null && yn != null ? s -> Math.addExact(xn[s], yn[s]) : null,
        s -> ab[0].bigNumerator(s).add(ab[1].bigNumerator(s)));
  }

  /** g(S) = t(index(S)): the value of t at another set, e.g. the best superset of S. */
  public static SetFunction reindex(SetFunction t, java.util.function.IntUnaryOperator index) {
    int d = t.dimension();
    if (t instanceof RealSetFunction r) {
      double[] v = r.valuesView();
      return RealSetFunction.tabulate(d, s -> v[index.applyAsInt(s)]);
    }
    ExactSetFunction e = (ExactSetFunction) t;
    long[] n = e.longNumeratorsView();
    return ExactSetFunction.tabulate(d, e.denominator(),
        n == null ? null : s -> n[index.applyAsInt(s)], s -> e.bigNumerator(index.applyAsInt(s)));
  }

  private static void checkSameDimension(SetFunction a, SetFunction b) {
    if (a.dimension() != b.dimension()) {
      throw new IllegalArgumentException("set functions over d=" + a.dimension() + " and d="
          + b.dimension());
    }
  }
}
