package xcert.explainers.optimalitygap;

import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.SetFunction;

/**
 * The exact solution of one {@link Problem} on one instance, in the form the comparison needs.
 *
 * @param problem which problem
 * @param objective S ↦ Δ(S) for (P_suf), (P_nec), (P_uni); S ↦ P(Φ(y) = Φ(x) | y_S = x_S) for
 *     MIN-RELEVANT-INPUT
 * @param size the size of the smallest optimal set: the k at which a method's top-k set is compared
 *     ("at the same size")
 * @param sets every optimal set (bit i = feature i+1): all minimisers over |S| ≤ τ for (P_*), all
 *     δ-relevant sets of the least size for MIN-RELEVANT-INPUT
 * @param optimum the optimal value: min Δ over |S| ≤ τ, or max_{|S| = size} P(S) for
 *     MIN-RELEVANT-INPUT (≥ δ)
 * @param target what a set must reach to count as optimal: the optimum for (P_*), δ for
 *     MIN-RELEVANT-INPUT
 */
public record ExactAnswer(Problem problem, SetFunction objective, int size, int[] sets,
    Scalar optimum, Scalar target) {

  public ExactAnswer {
    sets = sets.clone();
  }

  @Override
  public int[] sets() {
    return sets.clone();
  }

  /** True when S is one of the optimal sets. */
  public boolean isOptimal(int s) {
    for (int t : sets) {
      if (t == s) {
        return true;
      }
    }
    return false;
  }

  /** min over the optimal sets T of |S Δ T|. */
  public int hammingToNearest(int s) {
    int best = Integer.MAX_VALUE;
    for (int t : sets) {
      best = Math.min(best, Integer.bitCount(s ^ t));
    }
    return best;
  }

  /** True when S reaches the target: Δ(S) ≤ optimum, or P(S) ≥ δ. */
  public boolean reachesTarget(int s) {
    int c = Scalars.compare(objective.valueAt(s), target);
    return problem.minimises() ? c <= 0 : c >= 0;
  }
}
