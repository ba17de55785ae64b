package xcert.spark;

import java.util.Optional;
import xcert.solvers.errors.InputException;

/**
 * Where and how finely a Spark job runs.
 *
 * @param master the master URL (local[2], spark://host:7077, yarn, k8s://…); empty: the one
 *     spark-submit sets (spark.master), else local[*]
 * @param tasks how many tasks to cut the work into; 0 picks {@link #tasksFor}
 */
public record SparkSettings(Optional<String> master, int tasks) {

  /** At least this many tasks per core of the cluster, for balance. */
  public static final int TASKS_PER_CORE = 4;

  public SparkSettings {
    if (master.isPresent() && master.get().isBlank()) {
      throw InputException.setting("master", "is empty; expected a Spark master URL such as "
          + "local[2] or spark://host:7077");
    }
    if (tasks < 0) {
      throw InputException.setting("tasks", tasks + " is negative; expected 0 (automatic) or more");
    }
  }

  /** The master of spark-submit (or local[*]), tasks picked per job. */
  public static SparkSettings defaults() {
    return new SparkSettings(Optional.empty(), 0);
  }

  public SparkSettings withMaster(String m) {
    return new SparkSettings(Optional.ofNullable(m), tasks);
  }

  public SparkSettings withTasks(int t) {
    return new SparkSettings(master, t);
  }

  /**
   * The task count for {@code units} units of work on {@code parallelism} cores: the given count,
   * else {@link #TASKS_PER_CORE} per core and at most {@code maxUnitsPerTask} units per task (so
   * that progress is reported finely on large inputs), never more than {@code units}.
   */
  public int tasksFor(long units, int parallelism, long maxUnitsPerTask) {
    long t = tasks > 0 ? tasks : Math.max((long) TASKS_PER_CORE * Math.max(1, parallelism),
        (units + maxUnitsPerTask - 1) / maxUnitsPerTask);
    return (int) Math.max(1, Math.min(Math.min(t, units), 1_000_000));
  }
}
