package xcert.solvers.exact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.model.Model;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.SetFunction;
import xcert.solvers.setfunction.SetFunctions;
import xcert.solvers.setfunction.Subsets;

/**
 * The distortion D(S) = E_{y~V_S} ½(Φ(x) − Φ(y))² of seed 003 Section 3 (y_S = x_S, y_{S^c} from V)
 * and the rate–distortion function R(ε) = min{|S| : D(S) ≤ ε}, exactly, as a step function of ε.
 *
 * <p>For a Boolean classifier, (Φ(x) − Φ(y))² is the indicator of Φ(y) ≠ Φ(x), so D(S) = ½(1 − P(Φ(y) =
 * Φ(x) | y_S = x_S)). For a real-valued model, D(S) = ½(f(x)² − 2 f(x) f_S(x) + (f²)_S(x)), which needs
 * the table of f² as well.
 */
public final class RateDistortion {

  private final SetFunction distortion;
  private final int d;

  private RateDistortion(SetFunction distortion) {
    this.distortion = distortion;
    this.d = distortion.dimension();
  }

  /** From a table of a Boolean classifier. */
  public static RateDistortion ofClassifier(RestrictedPredictionTable table) {
    Relevance r = Relevance.of(table);
    return new RateDistortion(SetFunctions.affine(r.probability(), BigFraction.of(-1, 2),
        BigFraction.of(1, 2)));
  }

  /** For any model: Boolean classifiers from one table, real-valued models from f and f². */
  public static RateDistortion compute(Model f, double[] x, ReferenceDistribution v,
      Arithmetic arithmetic) {
    RestrictedPredictionTable t = RestrictedPredictions.table(f, x, v, arithmetic);
    if (f.isBooleanValued()) {
      return ofClassifier(t);
    }
    RestrictedPredictionTable sq = RestrictedPredictions.table(new Squared(f), x, v, arithmetic);
    int full = Subsets.full(t.dimension());
    // ½ (f(x)² − 2 f(x) f_S + (f²)_S): affine in f_S with the constants f(x), f(x)²
    SetFunction fs = t.values();
    SetFunction linear;
    SetFunction constant;
    if (fs.isExact() && sq.values().isExact()) {
      BigFraction fx = fs.exactAt(full);
      linear = SetFunctions.affine(fs, fx.multiply(-1), fx.multiply(fx).divide(2));
      constant = SetFunctions.affine(sq.values(), BigFraction.of(1, 2), BigFraction.ZERO);
    } else {
      BigFraction fx = xcert.solvers.num.Rationals.fromDouble(fs.doubleAt(full));
      linear = SetFunctions.affine(fs, fx.multiply(-1), fx.multiply(fx).divide(2));
      constant = SetFunctions.affine(sq.values(), BigFraction.of(1, 2), BigFraction.ZERO);
    }
    return new RateDistortion(SetFunctions.sum(linear, constant));
  }

  /** S ↦ D(S). */
  public SetFunction distortion() {
    return distortion;
  }

  /**
   * R(ε) as steps: step k says R(ε) = rate for ε in [distortion, the previous step's distortion), the
   * first step extending to +∞; the sets are those of size rate attaining the distortion.
   */
  public List<Step> steps() {
    List<Step> steps = new ArrayList<>();
    int bestSoFar = -1;
    for (int k = 0; k <= d; k++) {
      final int size = k;
      int best = -1;
      for (int s = 0; s < 1 << d; s++) {
        if (Integer.bitCount(s) == size && (best < 0 || distortion.compare(s, best) < 0)) {
          best = s;
        }
      }
      if (bestSoFar < 0 || distortion.compare(best, bestSoFar) < 0) {
        final int b = best;
        int[] sets = SubsetSearch.all(d,
            s -> Integer.bitCount(s) == size && distortion.compare(s, b) == 0);
        steps.add(new Step(k, distortion.valueAt(best), sets));
        bestSoFar = best;
      }
    }
    return Collections.unmodifiableList(steps);
  }

  /** R(ε) = min{|S| : D(S) ≤ ε}, ε ≥ 0. */
  public int rate(BigFraction eps) {
    if (eps.signum() < 0) {
      throw new IllegalArgumentException("ε must be ≥ 0, is " + eps);
    }
    java.util.function.IntPredicate ok = distortion.atMost(eps);
    int best = d;
    for (int s = 0; s < 1 << d; s++) {
      if (ok.test(s)) {
        best = Math.min(best, Integer.bitCount(s));
      }
    }
    return best;
  }

  /** One step of R(ε): rate k on [distortion, previous distortion). */
  public record Step(int rate, Scalar distortion, int[] sets) {}

  /** The model f² (exact where f is). */
  private record Squared(Model f) implements Model {
    @Override
    public int dimension() {
      return f.dimension();
    }

    @Override
    public double evaluate(double[] x) {
      double v = f.evaluate(x);
      return v * v;
    }

    @Override
    public BigFraction exactValue(double[] x) {
      BigFraction v = f.exactValue(x);
      return v.multiply(v);
    }

    @Override
    public boolean isBooleanValued() {
      return f.isBooleanValued();
    }

    @Override
    public boolean requiresBinaryInputs() {
      return f.requiresBinaryInputs();
    }
  }
}
