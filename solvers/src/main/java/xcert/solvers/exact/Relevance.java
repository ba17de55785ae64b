package xcert.solvers.exact;

import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.SetFunction;
import xcert.solvers.setfunction.SetFunctions;
import xcert.solvers.setfunction.Subsets;

/**
 * δ-relevance of seed 003 Section 3 for a Boolean classifier Φ: S is δ-relevant for x when
 * P_{y~V}(Φ(y) = Φ(x) | y_S = x_S) ≥ δ. With f_S(x) = P(Φ(y) = 1 | y_S = x_S) this probability is
 * f_S(x) when Φ(x) = 1 and 1 − f_S(x) when Φ(x) = 0. RELEVANT-INPUT asks whether some S with |S| ≤ k
 * is δ-relevant; MIN-RELEVANT-INPUT asks for the least such |S|.
 */
public final class Relevance {

  private final RestrictedPredictionTable table;
  private final SetFunction probability;
  private final boolean label;

  private Relevance(RestrictedPredictionTable table) {
    if (!table.model().isBooleanValued()) {
      throw new IllegalArgumentException("δ-relevance is defined for Boolean classifiers; the model "
          + "returns real scores (give a ReLU network a threshold to make it a classifier)");
    }
    this.table = table;
    Scalar fx = table.fx();
    this.label = fx.value() == 1.0;
    this.probability = label ? table.values()
        : SetFunctions.affine(table.values(), BigFraction.of(-1), BigFraction.ONE);
  }

  public static Relevance of(RestrictedPredictionTable table) {
    return new Relevance(table);
  }

  /** Φ(x). */
  public int label() {
    return label ? 1 : 0;
  }

  /** S ↦ P(Φ(y) = Φ(x) | y_S = x_S). */
  public SetFunction probability() {
    return probability;
  }

  public boolean isRelevant(int s, BigFraction delta) {
    checkDelta(delta);
    return probability.compareTo(s, delta) >= 0;
  }

  /**
   * RELEVANT-INPUT: the δ-relevant sets of the least size if that size is ≤ k, else none (an empty
   * result means the answer is no).
   */
  public Decision relevantInput(int k, BigFraction delta) {
    MinRelevant m = minRelevantInput(delta);
    return new Decision(m.size() <= k, m.size() <= k ? m.sets() : new int[0], k, delta);
  }

  /** MIN-RELEVANT-INPUT: the least |S| of a δ-relevant S, and every δ-relevant S of that size. */
  public MinRelevant minRelevantInput(BigFraction delta) {
    checkDelta(delta);
    int d = table.dimension();
    java.util.function.IntPredicate relevant = probability.atLeast(delta);
    for (int k = 0; k <= d; k++) {
      final int size = k;
      int[] sets = SubsetSearch.all(d, s -> Integer.bitCount(s) == size && relevant.test(s));
      if (sets.length > 0) {
        return new MinRelevant(k, sets, delta);
      }
    }
    // S = [d] has probability 1 ≥ δ, so the loop always returns
    throw new AssertionError("[d] is not δ-relevant: " + probability.valueAt(Subsets.full(d)));
  }

  static void checkDelta(BigFraction delta) {
    if (delta.signum() < 0 || delta.compareTo(BigFraction.ONE) > 0) {
      throw new IllegalArgumentException("δ must be in [0,1], is " + delta);
    }
  }

  /** The answer to RELEVANT-INPUT with its witnesses. */
  public record Decision(boolean answer, int[] witnesses, int k, BigFraction delta) {}

  /** The answer to MIN-RELEVANT-INPUT: the least size and all δ-relevant sets of that size. */
  public record MinRelevant(int size, int[] sets, BigFraction delta) {}
}
