package xcert.explainers.optimalitygap;

import java.util.Set;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;

/**
 * How often and by how much one method misses one problem over a set of instances. Every mean is an
 * exact rational when the per-instance numbers are (they are, for the exact side; the methods'
 * sampling only enters through which set they pick).
 *
 * @param method the method's name
 * @param family the instance group ("all" when not grouped)
 * @param problem the problem
 * @param instances the number of instances the method was compared on
 * @param misses the number where its top-k set was not optimal (not δ-relevant)
 * @param trivial the number where k = 0 (∅ is optimal, so every method hits)
 * @param missRate misses / instances
 * @param meanExcess the mean of Δ(set) − optimum (optimum − P(set) for MIN-RELEVANT-INPUT)
 * @param maxExcess the largest excess
 * @param meanHamming the mean Hamming distance to the nearest optimal set
 * @param meanExtraSize the mean of (size needed to reach the target) − k
 * @param meanCurveArea the mean area between the relevance-ordering curve and D*(k)
 * @param methodProvenance the kinds of provenance of the method's attributions (e.g. SAMPLED)
 */
public record GapSummary(String method, String family, Problem problem, int instances, int misses,
    int trivial, Scalar missRate, Scalar meanExcess, Scalar maxExcess, Scalar meanHamming,
    Scalar meanExtraSize, Scalar meanCurveArea, Set<Provenance.Kind> methodProvenance) {

  public GapSummary {
    methodProvenance = Set.copyOf(methodProvenance);
  }
}
