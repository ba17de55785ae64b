package xcert.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.Function2;

/**
 * The two shapes of job of the engine: a range job (the index space [0, n) cut into contiguous
 * ranges, one per task, whose partial results are reduced by an associative, commutative merge)
 * and a map job (one result per item, collected in the items' order). Both report progress and
 * return their value with a {@link SparkProvenance}.
 */
public final class SparkJobs {

  private SparkJobs() {}

  /** What one task computes on the indices [from, to). */
  @FunctionalInterface
  public interface RangeTask<P> extends Serializable {
    P apply(long from, long to);
  }

  /**
   * A job's value and where it was computed.
   *
   * @param value the reduced (or collected) value
   * @param provenance master, tasks, time
   */
  public record Done<T>(T value, SparkProvenance provenance) {}

  /** The first index of task {@code t} of {@code tasks} over [0, n). */
  public static long rangeStart(long n, int tasks, int t) {
    return java.math.BigInteger.valueOf(n).multiply(java.math.BigInteger.valueOf(t))
        .divide(java.math.BigInteger.valueOf(tasks)).longValueExact();
  }

  /**
   * Runs {@code task} on {@code tasks} contiguous ranges covering [0, n) and reduces the results
   * with {@code plus}.
   */
  public static <P extends Serializable> Done<P> ranges(JavaSparkContext sc, long n, int tasks,
      RangeTask<P> task, Function2<P, P, P> plus, String description,
      Consumer<String> progress) {
    List<Integer> ids = new ArrayList<>(tasks);
    for (int t = 0; t < tasks; t++) {
      ids.add(t);
    }
    RangeMapper<P> mapper = new RangeMapper<>(task, n, tasks);
    return timed(sc, description, tasks, progress,
        () -> sc.parallelize(ids, tasks).map(mapper).reduce(plus));
  }

  /** Maps {@code f} over {@code items} in {@code tasks} tasks; the results in the items' order. */
  public static <I extends Serializable, R extends Serializable> Done<List<R>> map(
      JavaSparkContext sc, List<I> items, int tasks, Function<I, R> f, String description,
      Consumer<String> progress) {
    int t = Math.max(1, Math.min(tasks, items.size()));
    return timed(sc, description, t, progress,
        () -> List.copyOf(sc.parallelize(items, t).map(f).collect()));
  }

  private static <T> Done<T> timed(JavaSparkContext sc, String description, int tasks,
      Consumer<String> progress, Supplier<T> job) {
    String group = "xcert-" + UUID.randomUUID();
    sc.setJobGroup(group, description, false);
    long t0 = System.nanoTime();
    T value;
    JobProgress p = new JobProgress(sc, group, tasks, progress);
    try {
      value = job.get();
    } finally {
      p.close();
      sc.clearJobGroup();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Done<>(value, new SparkProvenance(sc.master(), sc.version(),
        sc.defaultParallelism(), tasks, seconds));
  }

  /** Task id to its range's result. */
  private record RangeMapper<P>(RangeTask<P> task, long n, int tasks)
      implements Function<Integer, P> {
    private static final long serialVersionUID = 1L;

    @Override
    public P call(Integer t) {
      return task.apply(rangeStart(n, tasks, t), rangeStart(n, tasks, t + 1));
    }
  }
}
