package xcert.explainers.optimalitygap;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import xcert.explainers.metrics.RelevanceOrdering;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;

/**
 * Thresholds a method's scores and measures the result against {@link ExactAnswers}: for each
 * problem, the top-k set at the size k of the smallest optimal set (features ordered by the
 * settings' {@link xcert.explainers.metrics.Ranking}, ties to the lower index), its exact value,
 * excess, hit and Hamming distance; and the relevance-ordering curve D(S_k), k = 0..d, against the
 * exact envelope D*(k) (seed 003 Section 5 against Section 3; seed 004 Eq. 4–7).
 */
public final class GapComparison {

  private GapComparison() {}

  /**
   * The gap of one score vector.
   *
   * @param family a grouping label for reports
   * @throws IllegalArgumentException when the scores do not have d entries or contain NaN
   */
  public static InstanceGap compare(ExactAnswers exact, String family, String method,
      double[] scores, Provenance methodProvenance) {
    int d = exact.dimension();
    if (scores.length != d) {
      throw new IllegalArgumentException(method + " gave " + scores.length + " scores for d = " + d);
    }
    int[] order = exact.settings().ranking().order(scores);
    Map<Problem, ProblemGap> gaps = new EnumMap<>(Problem.class);
    for (Problem p : exact.problems()) {
      gaps.put(p, problemGap(exact.answer(p).orElseThrow(), order));
    }
    return new InstanceGap(exact.instance().label(), family, method, order, methodProvenance,
        exact.provenance(), gaps, curve(exact, order));
  }

  /** The mask of the first k features of the order. */
  static int topK(int[] order, int k) {
    int s = 0;
    for (int j = 0; j < k; j++) {
      s |= 1 << order[j];
    }
    return s;
  }

  static ProblemGap problemGap(ExactAnswer a, int[] order) {
    int k = a.size();
    int set = topK(order, k);
    Scalar value = a.objective().valueAt(set);
    Scalar excess = a.problem().minimises() ? Scalars.minus(value, a.optimum())
        : Scalars.minus(a.optimum(), value);
    int needed = 0;
    while (!a.reachesTarget(topK(order, needed))) {
      needed++;
    }
    return new ProblemGap(a.problem(), k, set, value, a.optimum(), excess, a.isOptimal(set),
        a.hammingToNearest(set), needed);
  }

  /** The relevance-ordering curve ({@link RelevanceOrdering}) against the exact envelope. */
  static CurveGap curve(ExactAnswers exact, int[] order) {
    List<Scalar> env = exact.envelope();
    List<Scalar> ds = RelevanceOrdering.curve(order, exact.distortion(), exact.provenance())
        .distortions();
    int above = 0;
    Scalar maxGap = Scalars.ZERO;
    Scalar area = Scalars.ZERO;
    for (int k = 0; k < env.size(); k++) {
      Scalar gap = Scalars.minus(ds.get(k), env.get(k));
      if (Scalars.compare(gap, Scalars.ZERO) > 0) {
        above++;
      }
      maxGap = Scalars.max(maxGap, gap);
      area = Scalars.plus(area, gap);
    }
    return new CurveGap(ds, env, above, maxGap, area);
  }
}
