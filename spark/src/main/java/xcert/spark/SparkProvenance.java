package xcert.spark;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a result was computed: by Spark, on which master, cut into how many tasks, in how long.
 *
 * @param master the master URL the job ran on
 * @param sparkVersion Spark's version
 * @param parallelism Spark's default parallelism (cores) when the job ran
 * @param tasks the tasks of the job
 * @param seconds wall time of the job, on the driver
 */
public record SparkProvenance(String master, String sparkVersion, int parallelism, int tasks,
    double seconds) {

  /** Always "spark". */
  public String engine() {
    return "spark";
  }

  public double tasksPerSecond() {
    return seconds > 0 ? tasks / seconds : 0;
  }

  /** One line, e.g. "spark 4.2.0 on local[2] (2 cores): 8 tasks in 3.1 s, 2.6 tasks/s". */
  public String describe() {
    return String.format(Locale.ROOT, "spark %s on %s (%d cores): %d tasks in %.1f s, %.1f tasks/s",
        sparkVersion, master, parallelism, tasks, seconds, tasksPerSecond());
  }

  /** The ordered fields, as the cli prints them. */
  public Map<String, Object> fields() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("engine", engine());
    o.put("master", master);
    o.put("spark_version", sparkVersion);
    o.put("parallelism", parallelism);
    o.put("tasks", tasks);
    o.put("job_seconds", Math.round(seconds * 1000) / 1000.0);
    o.put("tasks_per_second", Math.round(tasksPerSecond() * 100) / 100.0);
    return o;
  }
}
