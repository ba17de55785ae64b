package xcert.solvers.exact;

import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.dist.ConditionalDistribution;
import xcert.solvers.dist.EmpiricalDistribution;
import xcert.solvers.dist.FeatureSupport;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.model.Model;
import xcert.solvers.result.Scalar;

/**
 * f_S(x) for one set S straight from its definition (seed 004 Eq. 1): the sum over every completion
 * X_{S^c} of its probability times f(x_S, X_{S^c}). It shares no code with the table builders, so it
 * serves as their reference, and it answers single-set questions whose table would be too large but
 * whose free part S^c is small.
 */
public final class DirectEnumeration {

  /** Most completions enumerated for one set. */
  public static final long MAX_COMPLETIONS = 1L << 24;

  private DirectEnumeration() {}

  /**
   * f_S(x), S a bit mask over features (bit i = feature i+1); exact rational unless float64 is asked
   * for.
   */
  public static Scalar fs(Model f, double[] x, ReferenceDistribution v, java.util.BitSet s,
      Arithmetic arithmetic) {
    int d = f.dimension();
    if (v instanceof ProductDistribution p) {
      return product(f, x, p, s, d, arithmetic);
    }
    if (v instanceof EmpiricalDistribution e) {
      BigFraction sum = BigFraction.ZERO;
      double dsum = 0;
      for (int k = 0; k < e.distinctRowCount(); k++) {
        double[] pt = e.distinctRow(k);
        for (int i = s.nextSetBit(0); i >= 0; i = s.nextSetBit(i + 1)) {
          pt[i] = x[i];
        }
        if (arithmetic == Arithmetic.EXACT) {
          sum = sum.add(f.exactValue(pt).multiply(e.count(k)));
        } else {
          dsum += e.count(k) * f.evaluate(pt);
        }
      }
      return arithmetic == Arithmetic.EXACT ? Scalar.exact(sum.divide(e.rowCount()))
          : Scalar.approximate(dsum / e.rowCount());
    }
    ConditionalDistribution c = (ConditionalDistribution) v;
    BigFraction num = BigFraction.ZERO;
    BigFraction den = BigFraction.ZERO;
    for (int k = 0; k < c.pointCount(); k++) {
      double[] y = c.point(k);
      boolean agrees = true;
      for (int i = s.nextSetBit(0); i >= 0; i = s.nextSetBit(i + 1)) {
        agrees &= y[i] == x[i];
      }
      if (agrees) {
        num = num.add(c.probability(k).multiply(f.exactValue(y)));
        den = den.add(c.probability(k));
      }
    }
    if (den.signum() == 0) {
      throw InputException.setting("x", "x_S has probability 0 under the conditional "
          + "distribution's points, so f_S(x) is undefined; expected x_S to agree with one of them");
    }
    BigFraction r = num.divide(den);
    return arithmetic == Arithmetic.EXACT ? Scalar.exact(r) : Scalar.approximate(r.doubleValue());
  }

  private static Scalar product(Model f, double[] x, ProductDistribution p, java.util.BitSet s,
      int d, Arithmetic arithmetic) {
    int[] free = new int[d - s.cardinality()];
    int m = 0;
    long completions = 1;
    for (int i = 0; i < d; i++) {
      if (!s.get(i)) {
        free[m++] = i;
        completions = Math.multiplyHigh(completions, p.feature(i).size()) != 0
            ? Long.MAX_VALUE : completions * p.feature(i).size();
        if (completions > MAX_COMPLETIONS || completions < 0) {
          throw new TooLargeException("f_S(x) for this S sums over more than " + MAX_COMPLETIONS
              + " completions of the " + free.length + " free features");
        }
      }
    }
    int[] digit = new int[free.length];
    double[] pt = x.clone();
    BigFraction sum = BigFraction.ZERO;
    double dsum = 0;
    for (long k = 0; k < completions; k++) {
      BigFraction prob = BigFraction.ONE;
      double dprob = 1;
      for (int j = 0; j < free.length; j++) {
        FeatureSupport fs = p.feature(free[j]);
        pt[free[j]] = fs.value(digit[j]);
        if (arithmetic == Arithmetic.EXACT) {
          prob = prob.multiply(fs.probability(digit[j]));
        } else {
          dprob *= fs.probability(digit[j]).doubleValue();
        }
      }
      if (arithmetic == Arithmetic.EXACT) {
        if (prob.signum() != 0) {
          sum = sum.add(prob.multiply(f.exactValue(pt)));
        }
      } else if (dprob != 0) {
        dsum += dprob * f.evaluate(pt);
      }
      for (int j = 0; j < free.length; j++) {
        if (++digit[j] < p.feature(free[j]).size()) {
          break;
        }
        digit[j] = 0;
      }
    }
    return arithmetic == Arithmetic.EXACT ? Scalar.exact(sum) : Scalar.approximate(dsum);
  }
}
