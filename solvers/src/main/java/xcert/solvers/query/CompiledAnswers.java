package xcert.solvers.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import xcert.solvers.compiled.CompiledForms;
import xcert.solvers.compiled.CompiledResult;
import xcert.solvers.compiled.CompiledValues;
import xcert.solvers.compiled.DecomposableCircuit;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.Rho;
import xcert.solvers.stream.StreamPlan;

/**
 * The compiled route: Shapley and Banzhaf values of v(S) = f_S(x) on the circuit compiled to an OBDD
 * or a d-DNNF ({@link CompiledValues}; Arenas et al. JMLR 2023, Van den Broeck et al. AAAI 2021), and
 * of the sufficiency game of seed 004 Theorem 5.1 with ρ = |a − b|: for a Boolean f,
 * v(S) = −|f(x) − f_S(x)| is f_S(x) − 1 when f(x) = 1 and −f_S(x) when f(x) = 0, so its values are
 * φ and −φ (a constant added to every v(S) changes no marginal contribution). With ρ = (a − b)²,
 * v(S) = −(f(x) − f_S(x))² is not linear in f_S(x) ∈ [0,1], and the route refuses it.
 */
final class CompiledAnswers {

  private CompiledAnswers() {}

  /**
   * True when the question goes to the compiled route: {@link Method#COMPILED} asked for, or
   * {@link Method#AUTO} with Shapley or Banzhaf values, in exact arithmetic, without a set, of a
   * circuit under a binary product distribution, when for the game f_S the stream would need more
   * than 2^{@link Method#AUTO_COMPILED_FROM_BITS} evaluations (or cannot plan it), and for the game
   * suf (with ρ = |a − b|) when d is beyond the table's {@link Method#AUTO_TABLE_LIMIT}.
   */
  static boolean compiles(Model f, ReferenceDistribution v, Query q, QuerySettings s,
      StreamPlan autoPlan) {
    if (s.method() == Method.COMPILED) {
      return true;
    }
    if (s.method() != Method.AUTO || (q != Query.SHAPLEY && q != Query.BANZHAF)
        || s.set() != null || s.arithmetic() != Arithmetic.EXACT || !(f instanceof Circuit)
        || !(v instanceof ProductDistribution pd) || !pd.isBinary()) {
      return false;
    }
    if (s.game() == Game.SUF) {
      return s.rho() == Rho.ABS && f.dimension() > Method.AUTO_TABLE_LIMIT;
    }
    if (f.dimension() <= Method.AUTO_COMPILED_FROM_BITS) {
      return false;
    }
    return autoPlan == null || autoPlan.inputCount() > (1L << Method.AUTO_COMPILED_FROM_BITS);
  }

  /** Refuses what the compiled route does not compute, naming the setting. */
  private static ProductDistribution check(Model f, ReferenceDistribution v, Query q,
      QuerySettings s) {
    if (q != Query.SHAPLEY && q != Query.BANZHAF) {
      throw InputException.setting("method", "compiled computes shapley and banzhaf values, not '"
          + q.id() + "'; use auto, table, count or sat");
    }
    if (!(f instanceof Circuit)) {
      throw InputException.setting("method", "compiled takes Boolean circuits (.aag, .cnf, .expr,"
          + " .nnf); this model is not one: use auto, table or stream");
    }
    if (s.game() == Game.SUF && s.rho() != Rho.ABS) {
      throw InputException.setting("rho", "sq does not apply with the compiled route: the game "
          + "-(f(x) - f_S(x))^2 is not linear in f_S; use --rho abs or --method table");
    }
    if (s.set() != null) {
      throw InputException.setting("set", "does not apply with the compiled route, which gives "
          + "one value per feature; the partition value of a set needs --method table");
    }
    if (s.arithmetic() != Arithmetic.EXACT) {
      throw InputException.setting("float64", "does not apply with the compiled route, whose "
          + "arithmetic is exact");
    }
    if (!(v instanceof ProductDistribution pd) || !pd.isBinary()) {
      throw InputException.setting("distribution", "the compiled route takes product "
          + "distributions of 0/1 features (uniform, bernoulli, a point mass); "
          + v.describe() + " is not one: use --method stream or table");
    }
    return pd;
  }

  static QueryAnswer answer(Model f, double[] x, ReferenceDistribution v, Query q,
      QuerySettings s, Map<String, Object> out) {
    ProductDistribution pd = check(f, v, q, s);
    Circuit c = (Circuit) f;
    DecomposableCircuit dc = CompiledForms.compile(c, 0, CompiledForms.Route.AUTO,
        s.nodeBudget());
    if (dc.size() > s.nodeBudget()) {
      throw new TooLargeException("the compiled form has " + dc.size() + " nodes, past the node "
          + "budget of " + s.nodeBudget());
    }
    boolean[] xb = new boolean[x.length];
    for (int i = 0; i < x.length; i++) {
      xb[i] = x[i] == 1.0;
    }
    CompiledResult r = CompiledValues.compute(dc, xb, pd, StreamAnswers.semivalue(q));
    List<Scalar> values = r.values();
    boolean negate = s.game() == Game.SUF && r.fx().exact().signum() == 0;
    if (negate) {
      List<Scalar> neg = new ArrayList<>(values.size());
      for (Scalar sc : values) {
        neg.add(Scalar.exact(sc.exact().negate()));
      }
      values = neg;
    }
    out.put("game", s.game() == Game.FS ? "v(S) = f_S(x)" : "v(S) = -" + s.rho().flag()
        + "(f(x), f_S(x))");
    out.put("values", values.toArray(new Scalar[0]));
    out.put("f(x)", r.fx());
    out.put("f_empty(x)", r.fEmpty());
    out.put("compiled_nodes", r.nodes());
    out.put("compiled_edges", r.edges());
    out.put("compile_ms", r.compileMillis());
    out.put("engine_ms", r.engineMillis());
    out.put("exact", true);
    Provenance p = r.provenance();
    if (s.game() == Game.SUF) {
      p = p.withMethod((negate ? "the negated " : "the ") + "values of f_S, since v(S) = "
          + (negate ? "-f_S(x) (f(x) = 0)" : "f_S(x) - 1 (f(x) = 1)") + " for a Boolean f; "
          + p.method());
    }
    out.put("method", p.describe());
    return new QueryAnswer(q, Method.COMPILED, p, out);
  }
}
