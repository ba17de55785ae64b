package xcert.solvers.compiled;

import java.util.List;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;
import xcert.solvers.stream.Semivalue;

/**
 * Exact Shapley or Banzhaf values of v(S) = f_S(x) computed on a compiled circuit by {@link
 * CompiledValues}, with f(x) = v(N) and f_∅(x) = v(∅); for Shapley values efficiency
 * Σφ = f(x) − f_∅(x) holds exactly (checked before the result is made).
 *
 * @param semivalue Shapley or Banzhaf
 * @param values one value per feature x1..xd
 * @param fEmpty f_∅(x), the expected output under the reference distribution
 * @param fx f(x)
 * @param nodes nodes of the compiled circuit (constants included)
 * @param edges edges of the compiled circuit
 * @param compileMillis time spent compiling (or reading) the circuit
 * @param engineMillis time spent by the engine after compilation
 * @param primes the number of 62-bit primes of the multi-modular arithmetic
 * @param provenance how the values were computed: the route, how determinism is established
 */
public record CompiledResult(Semivalue semivalue, List<Scalar> values, Scalar fEmpty, Scalar fx,
    int nodes, int edges, long compileMillis, long engineMillis, int primes,
    Provenance provenance) {

  public CompiledResult {
    values = List.copyOf(values);
  }
}
