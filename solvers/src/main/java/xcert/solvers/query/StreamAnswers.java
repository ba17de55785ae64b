package xcert.solvers.query;

import java.util.Map;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.result.Scalar;
import xcert.solvers.stream.Semivalue;
import xcert.solvers.stream.StreamPlan;
import xcert.solvers.stream.StreamValues;
import xcert.solvers.stream.StreamingValues;

/**
 * The stream route: Shapley and Banzhaf values of v(S) = f_S(x) by one pass over the inputs
 * ({@link StreamingValues}, seed 004 Section 5.2 with the identity of {@code xcert.solvers.stream}).
 */
final class StreamAnswers {

  private StreamAnswers() {}

  /**
   * The stream's plan of a question that {@link Method#AUTO} could stream: Shapley or Banzhaf values
   * of the game f_S, in exact arithmetic, without a set, of a circuit or ReLU network of at least
   * {@link Method#AUTO_STREAM_FROM} features; null when the question is not of that kind or the
   * stream cannot plan it (the distribution, the size). Made once per question, for
   * {@link #streams}, {@link CompiledAnswers#compiles} and {@link #answer}.
   */
  static StreamPlan autoPlan(Model f, double[] x, ReferenceDistribution v, Query q,
      QuerySettings s) {
    if (s.method() != Method.AUTO || (q != Query.SHAPLEY && q != Query.BANZHAF)
        || s.game() != Game.FS || s.set() != null || s.arithmetic() != Arithmetic.EXACT
        || f.dimension() < Method.AUTO_STREAM_FROM
        || !(f instanceof Circuit || f instanceof ReluNetwork)) {
      return null;
    }
    try {
      return StreamPlan.of(f, x, v, semivalue(q));
    } catch (InputException | xcert.solvers.errors.TooLargeException | ArithmeticException e) {
      return null;
    }
  }

  /**
   * True when the question goes to the stream: {@link Method#STREAM} asked for, or {@link Method#AUTO}
   * with a plan ({@link #autoPlan}).
   */
  static boolean streams(QuerySettings s, StreamPlan autoPlan) {
    return s.method() == Method.STREAM || autoPlan != null;
  }

  static Semivalue semivalue(Query q) {
    return q == Query.SHAPLEY ? Semivalue.SHAPLEY : Semivalue.BANZHAF;
  }

  /** Refuses what the stream does not compute, naming the setting. */
  private static void check(Query q, QuerySettings s) {
    if (q != Query.SHAPLEY && q != Query.BANZHAF) {
      throw InputException.setting("method", "stream computes shapley and banzhaf values, not '"
          + q.id() + "'; use auto, table, count or sat");
    }
    if (s.game() != Game.FS) {
      throw InputException.setting("game", "the stream computes the game fs (v(S) = f_S(x)), "
          + "which is linear in f; suf is not: use --method table");
    }
    if (s.set() != null) {
      throw InputException.setting("set", "does not apply with the stream, which gives one value "
          + "per feature; the partition value of a set needs --method table");
    }
    if (s.arithmetic() != Arithmetic.EXACT) {
      throw InputException.setting("float64", "does not apply with the stream, whose arithmetic is "
          + "exact at the cost of float64");
    }
  }

  /** The stream's answer, with the plan {@link #autoPlan} made (or null, when forced). */
  static QueryAnswer answer(Model f, double[] x, ReferenceDistribution v, Query q,
      QuerySettings s, StreamPlan autoPlan, Map<String, Object> out) {
    check(q, s);
    StreamPlan plan = autoPlan != null ? autoPlan : StreamPlan.of(f, x, v, semivalue(q));
    StreamValues r = StreamingValues.run(plan, s.stream());
    out.put("game", "v(S) = f_S(x)");
    out.put("values", r.values().toArray(new Scalar[0]));
    out.put("f(x)", r.fx());
    out.put("f_empty(x)", r.fEmpty());
    out.put("evaluations", r.evaluations());
    out.put("blocks", r.blocks());
    out.put("exact", true);
    out.put("method", r.provenance().describe());
    return new QueryAnswer(q, Method.STREAM, r.provenance(), out);
  }
}
