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
   * True when the question goes to the stream: {@link Method#STREAM} asked for, or {@link Method#AUTO}
   * with Shapley or Banzhaf values of the game f_S, in exact arithmetic, without a set, for a circuit
   * or ReLU network of at least {@link Method#AUTO_STREAM_FROM} features whose distribution the
   * stream takes.
   */
  static boolean streams(Model f, double[] x, ReferenceDistribution v, Query q, QuerySettings s) {
    if (s.method() == Method.STREAM) {
      return true;
    }
    if (s.method() != Method.AUTO || (q != Query.SHAPLEY && q != Query.BANZHAF)
        || s.game() != Game.FS || s.set() != null || s.arithmetic() != Arithmetic.EXACT
        || f.dimension() < Method.AUTO_STREAM_FROM
        || !(f instanceof Circuit || f instanceof ReluNetwork)) {
      return false;
    }
    try {
      StreamPlan.of(f, x, v, semivalue(q));
      return true;
    } catch (InputException | xcert.solvers.errors.TooLargeException e) {
      return false;
    }
  }

  private static Semivalue semivalue(Query q) {
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

  static QueryAnswer answer(Model f, double[] x, ReferenceDistribution v, Query q,
      QuerySettings s, Map<String, Object> out) {
    check(q, s);
    StreamPlan plan = StreamPlan.of(f, x, v, semivalue(q));
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
