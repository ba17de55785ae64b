package xcert.solvers.query;

import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.features.FeatureSet;
import xcert.solvers.setfunction.Rho;
import xcert.solvers.stream.StreamOptions;

/**
 * The settings of one {@link ExactQueries#answer} call. Immutable: start from {@link #defaults()}
 * and copy with the {@code withX} methods. Settings that a query does not read are ignored; the
 * nullable ones ({@code set}, {@code tau}, {@code delta}, {@code eps}) are absent when null. Ranges
 * are checked by {@link ExactQueries#answer}, which knows the dimension.
 *
 * @param set the set S of the single-set queries (any features of the model), or null
 * @param tau the budget: optimise (P_suf), (P_nec), (P_uni) over |S| ≤ τ, decide RELEVANT-INPUT with
 *     k = τ, or bound the size that MIN-RELEVANT-INPUT searches by counting or SAT; or null
 * @param alpha the weight of sufficiency in the unified problem, in [0,1] (default 1/2)
 * @param delta the relevance threshold δ in [0,1], or null
 * @param eps the tolerance ε ≥ 0 of ε-(super-)sufficiency/necessity and of R(ε), or null
 * @param rho the distance ρ (default |a − b|, a metric)
 * @param game the game of Shapley and Banzhaf values (default v(S) = f_S(x))
 * @param output which output of a circuit to explain, 1-based (default 1)
 * @param method the route (default {@link Method#AUTO})
 * @param arithmetic exact rationals (default) or float64 for the table
 * @param stream the options of the stream route
 * @param nodeBudget the largest compiled form the compiled route builds (default
 *     {@link xcert.solvers.compiled.CompiledForms#DEFAULT_NODE_BUDGET})
 */
public record QuerySettings(FeatureSet set, Integer tau, BigFraction alpha, BigFraction delta,
    BigFraction eps, Rho rho, Game game, int output, Method method, Arithmetic arithmetic,
    StreamOptions stream, int nodeBudget) {

  /** No set, no τ, δ or ε; α = 1/2, ρ = |a − b|, game f_S, output 1, automatic route, exact. */
  public static QuerySettings defaults() {
    return new QuerySettings(null, null, BigFraction.of(1, 2), null, null, Rho.ABS, Game.FS, 1,
        Method.AUTO, Arithmetic.EXACT, StreamOptions.defaults(),
        xcert.solvers.compiled.CompiledForms.DEFAULT_NODE_BUDGET);
  }

  public QuerySettings withSet(FeatureSet s) {
    return new QuerySettings(s, tau, alpha, delta, eps, rho, game, output, method,
        arithmetic, stream, nodeBudget);
  }

  public QuerySettings withTau(Integer t) {
    return new QuerySettings(set, t, alpha, delta, eps, rho, game, output, method,
        arithmetic, stream, nodeBudget);
  }

  public QuerySettings withAlpha(BigFraction a) {
    return new QuerySettings(set, tau, a, delta, eps, rho, game, output, method,
        arithmetic, stream, nodeBudget);
  }

  public QuerySettings withDelta(BigFraction d) {
    return new QuerySettings(set, tau, alpha, d, eps, rho, game, output, method,
        arithmetic, stream, nodeBudget);
  }

  public QuerySettings withEps(BigFraction e) {
    return new QuerySettings(set, tau, alpha, delta, e, rho, game, output, method,
        arithmetic, stream, nodeBudget);
  }

  public QuerySettings withRho(Rho r) {
    return new QuerySettings(set, tau, alpha, delta, eps, r, game, output, method,
        arithmetic, stream, nodeBudget);
  }

  public QuerySettings withGame(Game g) {
    return new QuerySettings(set, tau, alpha, delta, eps, rho, g, output, method,
        arithmetic, stream, nodeBudget);
  }

  public QuerySettings withOutput(int o) {
    return new QuerySettings(set, tau, alpha, delta, eps, rho, game, o, method,
        arithmetic, stream, nodeBudget);
  }

  public QuerySettings withMethod(Method m) {
    return new QuerySettings(set, tau, alpha, delta, eps, rho, game, output, m,
        arithmetic, stream, nodeBudget);
  }

  public QuerySettings withArithmetic(Arithmetic a) {
    return new QuerySettings(set, tau, alpha, delta, eps, rho, game, output, method,
        a, stream, nodeBudget);
  }

  public QuerySettings withNodeBudget(int n) {
    return new QuerySettings(set, tau, alpha, delta, eps, rho, game, output, method, arithmetic,
        stream, n);
  }

  public QuerySettings withStream(StreamOptions o) {
    return new QuerySettings(set, tau, alpha, delta, eps, rho, game, output, method,
        arithmetic, o, nodeBudget);
  }
}
