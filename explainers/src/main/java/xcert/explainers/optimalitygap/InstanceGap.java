package xcert.explainers.optimalitygap;

import java.util.Map;
import java.util.Optional;
import xcert.solvers.result.Provenance;

/**
 * One method on one instance: the gap to each exact problem and the relevance-ordering curve against
 * the exact envelope.
 *
 * @param instance the instance's label (generator, seed and sizes, enough to rebuild it)
 * @param family a grouping for reports, e.g. "circuit" or "relu"
 * @param method the method's name
 * @param order the features, most important first (0-based), as thresholded
 * @param methodProvenance how the scores were obtained (the attribution's provenance)
 * @param exactProvenance how the exact side was obtained
 * @param problems the gap per problem answered on this instance
 * @param curve the relevance-ordering curve against D*(k)
 */
public record InstanceGap(String instance, String family, String method, int[] order,
    Provenance methodProvenance, Provenance exactProvenance, Map<Problem, ProblemGap> problems,
    CurveGap curve) {

  public InstanceGap {
    order = order.clone();
    problems = Map.copyOf(problems);
  }

  @Override
  public int[] order() {
    return order.clone();
  }

  public Optional<ProblemGap> gap(Problem p) {
    return Optional.ofNullable(problems.get(p));
  }
}
