package xcert.spark.stream;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.model.Model;
import xcert.solvers.query.ExactQueries;
import xcert.solvers.query.Game;
import xcert.solvers.query.Method;
import xcert.solvers.query.Query;
import xcert.solvers.query.QueryAnswer;
import xcert.solvers.query.QuerySettings;
import xcert.solvers.result.Scalar;
import xcert.solvers.stream.Semivalue;
import xcert.solvers.stream.StreamCounts;
import xcert.solvers.stream.StreamPlan;
import xcert.solvers.stream.StreamValues;
import xcert.spark.SparkContexts;
import xcert.spark.SparkJobs;
import xcert.spark.SparkProvenance;
import xcert.spark.SparkSettings;

/**
 * {@code xcert exact shapley|banzhaf --engine spark}: the streaming exact engine as one Spark job.
 * The plan is made on the driver ({@link StreamPlan#of}, which refuses what cannot be streamed), its
 * blocks are cut into ranges counted by the executors ({@link StreamPlan#countBlocks}), the counts
 * are added ({@link StreamCounts#plus}) and turned into values on the driver ({@link
 * StreamPlan#finish}): the values are those of the single-machine {@link
 * xcert.solvers.stream.StreamingValues}, exactly. Cost: 2^d evaluations, each +1 in d doubling
 * the work.
 *
 * <pre>{@code
 * SparkStreamingValues.Result r = SparkStreamingValues.compute(
 *     ModelSource.of(Path.of("f.cnf"), ModelSelection.DEFAULT, 1), x,
 *     ProductDistribution.uniform(d), Semivalue.SHAPLEY, SparkSettings.defaults(),
 *     System.err::println);
 * }</pre>
 */
public final class SparkStreamingValues {

  /** At most this many blocks per task, so that tasks stay short and progress fine-grained. */
  static final long MAX_BLOCKS_PER_TASK = 1L << 10;

  private SparkStreamingValues() {}

  /**
   * The values and the job.
   *
   * @param values exact values, f_∅(x), f(x), the evaluations and blocks
   * @param provenance master, tasks, time
   */
  public record Result(StreamValues values, SparkProvenance provenance) {}

  /**
   * The answer and the job.
   *
   * @param answer the fields {@code xcert exact} prints, as the stream route gives them
   * @param provenance master, tasks, time
   */
  public record Answer(QueryAnswer answer, SparkProvenance provenance) {}

  /** As {@link #compute(JavaSparkContext, ModelSource, double[], ReferenceDistribution, Semivalue,
   * SparkSettings, Consumer)}, in a context of its own. */
  public static Result compute(ModelSource source, double[] x, ReferenceDistribution v,
      Semivalue semivalue, SparkSettings settings, Consumer<String> progress) {
    Model model = source.read();
    ExactQueries.checkCompatible(model, x, v);
    StreamPlan plan = StreamPlan.of(model, x, v, semivalue);
    return SparkContexts.run(settings, "xcert exact " + semivalue.id(),
        sc -> run(sc, plan, StreamRange.of(source, x, DistributionData.of(v), semivalue),
            settings, progress));
  }

  /** The exact values of {@code semivalue} for the model of {@code source} at x under v. */
  public static Result compute(JavaSparkContext sc, ModelSource source, double[] x,
      ReferenceDistribution v, Semivalue semivalue, SparkSettings settings,
      Consumer<String> progress) {
    Model model = source.read();
    ExactQueries.checkCompatible(model, x, v);
    StreamPlan plan = StreamPlan.of(model, x, v, semivalue);
    return run(sc, plan, StreamRange.of(source, x, DistributionData.of(v), semivalue), settings,
        progress);
  }

  private static Result run(JavaSparkContext sc, StreamPlan plan, StreamRange task,
      SparkSettings settings, Consumer<String> progress) {
    long n = plan.blockCount();
    int tasks = settings.tasksFor(n, sc.defaultParallelism(), MAX_BLOCKS_PER_TASK);
    SparkJobs.Done<StreamCounts> done = SparkJobs.ranges(sc, n, tasks, task, StreamCounts::plus,
        "xcert exact " + plan.semivalue().id() + " (" + plan.inputCount() + " inputs in " + n
            + " blocks)", progress);
    return new Result(plan.finish(done.value(), done.provenance().seconds()),
        done.provenance());
  }

  /**
   * {@code xcert exact shapley|banzhaf} on Spark: the answer of the stream route of {@link
   * xcert.solvers.query.ExactQueries#answer}, with the same fields. Refuses, naming the setting,
   * what the stream does not compute (another query, --method other than auto or stream, the game
   * suf, a set, float64).
   */
  public static Answer answer(ModelSource source, double[] x, ReferenceDistribution v, Query q,
      QuerySettings s, SparkSettings settings, Consumer<String> progress) {
    if (q != Query.SHAPLEY && q != Query.BANZHAF) {
      throw InputException.setting("engine", "spark computes shapley and banzhaf values (the "
          + "stream), not '" + q.id() + "'");
    }
    if (s.method() != Method.AUTO && s.method() != Method.STREAM) {
      throw InputException.setting("method", "the Spark engine runs the stream; '"
          + s.method().id() + "' runs on this machine only (use auto or stream)");
    }
    if (s.game() != Game.FS) {
      throw InputException.setting("game", "the stream computes the game fs (v(S) = f_S(x)), "
          + "which is linear in f; suf is not: use --method table on this machine");
    }
    if (s.set() != null) {
      throw InputException.setting("set", "does not apply with the stream, which gives one value "
          + "per feature");
    }
    if (s.arithmetic() != Arithmetic.EXACT) {
      throw InputException.setting("float64", "does not apply with the stream, whose arithmetic is "
          + "exact");
    }
    Semivalue sv = q == Query.SHAPLEY ? Semivalue.SHAPLEY : Semivalue.BANZHAF;
    Result r = compute(source, x, v, sv, settings, progress);
    Map<String, Object> out = new LinkedHashMap<>();
    StreamValues sv2 = r.values();
    out.put("game", "v(S) = f_S(x)");
    out.put("values", sv2.values().toArray(new Scalar[0]));
    out.put("f(x)", sv2.fx());
    out.put("f_empty(x)", sv2.fEmpty());
    out.put("evaluations", sv2.evaluations());
    out.put("blocks", sv2.blocks());
    out.put("exact", true);
    out.put("method", sv2.provenance().describe());
    return new Answer(new QueryAnswer(q, Method.STREAM, sv2.provenance(), out), r.provenance());
  }
}
