package xcert.solvers.exact;

import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.dist.ConditionalDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.model.Model;
import xcert.solvers.result.Provenance;
import xcert.solvers.setfunction.ExactSetFunction;
import xcert.solvers.setfunction.MemoryBudget;
import xcert.solvers.setfunction.RealSetFunction;
import xcert.solvers.setfunction.Subsets;

/**
 * All f_S(x) = E_p[f(X) | X_S = x_S] for a finite joint distribution p used conditionally (seed 004
 * Corollary 5.1). A point y of the support contributes to exactly the sets S ⊆ A(y) = {i : y_i = x_i},
 * so with a(T) = Σ_{A(y)=T} p(y) f(y) and b(T) = Σ_{A(y)=T} p(y), f_S(x) = (Σ_{T⊇S} a(T)) / (Σ_{T⊇S}
 * b(T)): two superset-sum transforms, O(d·2^d).
 */
final class ConditionalAverage {

  private ConditionalAverage() {}

  static RestrictedPredictionTable of(Model f, double[] x, ConditionalDistribution v,
      Arithmetic arithmetic) {
    int d = f.dimension();
    Subsets.checkTableDimension(d);
    int n = 1 << d;
    int full = Subsets.full(d);
    if (arithmetic == Arithmetic.FLOAT64) {
      MemoryBudget.require(24L * n, "the f_S table over d=" + d + " features");
      double[] a = new double[n];
      double[] b = new double[n];
      for (int k = 0; k < v.pointCount(); k++) {
        double[] y = v.point(k);
        double p = v.probability(k).doubleValue();
        int agree = full & ~RowAverage.differing(x, y);
        a[agree] += p * f.evaluate(y);
        b[agree] += p;
      }
      supersetSums(a, d);
      supersetSums(b, d);
      checkPositive(b, x);
      double[] out = new double[n];
      for (int s = 0; s < n; s++) {
        out[s] = a[s] / b[s];
      }
      return new RestrictedPredictionTable(f, x, v, RealSetFunction.of(d, out),
          Provenance.float64("conditional expectation over " + v.pointCount() + " points"));
    }
    MemoryBudget.require(200L * n, "the exact conditional f_S table over d=" + d + " features");
    BigFraction[] a = new BigFraction[n];
    BigFraction[] b = new BigFraction[n];
    Arrays.fill(a, BigFraction.ZERO);
    Arrays.fill(b, BigFraction.ZERO);
    for (int k = 0; k < v.pointCount(); k++) {
      double[] y = v.point(k);
      BigFraction p = v.probability(k);
      int agree = full & ~RowAverage.differing(x, y);
      a[agree] = a[agree].add(p.multiply(f.exactValue(y)));
      b[agree] = b[agree].add(p);
    }
    for (int i = 0; i < d; i++) {
      int bit = 1 << i;
      for (int s = 0; s < n; s++) {
        if ((s & bit) == 0) {
          a[s] = a[s].add(a[s | bit]);
          b[s] = b[s].add(b[s | bit]);
        }
      }
    }
    if (b[full].signum() == 0) {
      throw InputException.setting("x", "x has probability 0 under the conditional "
          + "distribution's points, so f_S(x) = E[f(X) | X_S = x_S] is undefined for S = [d]; "
          + "expected x to be one of its points");
    }
    BigFraction[] out = new BigFraction[n];
    for (int s = 0; s < n; s++) {
      out[s] = a[s].divide(b[s]);
    }
    return new RestrictedPredictionTable(f, x, v, ExactSetFunction.ofFractions(d, out),
        Provenance.exact("conditional expectation over " + v.pointCount()
            + " points, superset sums"));
  }

  private static void supersetSums(double[] a, int d) {
    for (int i = 0; i < d; i++) {
      int bit = 1 << i;
      for (int s = 0; s < a.length; s++) {
        if ((s & bit) == 0) {
          a[s] += a[s | bit];
        }
      }
    }
  }

  private static void checkPositive(double[] b, double[] x) {
    if (b[b.length - 1] <= 0) {
      throw InputException.setting("x", "x has probability 0 under the conditional "
          + "distribution's points, so f_S(x) = E[f(X) | X_S = x_S] is undefined for S = [d]; "
          + "expected x to be one of its points");
    }
  }
}
