package xcert.solvers.stream;

import java.util.List;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;

/**
 * Exact Shapley or Banzhaf values of v(S) = f_S(x) from a stream, with f_∅(x) = v(∅) and
 * f(x) = v(N); for Shapley values, efficiency Σφ = f(x) − f_∅(x) holds exactly.
 *
 * @param semivalue Shapley or Banzhaf
 * @param values one value per feature, features that never move get 0
 * @param fEmpty f_∅(x), the expected output under the reference distribution
 * @param fx f(x)
 * @param evaluations the model evaluations made
 * @param blocks the blocks they were cut into
 * @param seconds wall time of the counting (0 when not measured)
 * @param provenance how the values were computed
 */
public record StreamValues(Semivalue semivalue, List<Scalar> values, Scalar fEmpty, Scalar fx,
    long evaluations, long blocks, double seconds, Provenance provenance) {

  public StreamValues {
    values = List.copyOf(values);
  }
}
