package xcert.spark;

import java.util.Locale;
import java.util.function.Consumer;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Progress of a running job on the driver (issue 19 point 5): a daemon thread reads Spark's status
 * tracker for the job group and, once the job has run {@link #QUIET_SECONDS}, prints every {@link
 * #EVERY_SECONDS} the tasks done, the rate and the time left.
 */
final class JobProgress implements AutoCloseable {

  static final double QUIET_SECONDS = 3;
  static final double EVERY_SECONDS = 5;

  private final Thread thread;
  private volatile boolean done;

  JobProgress(JavaSparkContext sc, String group, int tasks, Consumer<String> out) {
    long t0 = System.nanoTime();
    thread = new Thread(() -> {
      double last = 0;
      while (!done) {
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          return;
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (done || s < QUIET_SECONDS || s - last < EVERY_SECONDS) {
          continue;
        }
        last = s;
        int completed = completed(sc, group);
        double rate = completed / s;
        out.accept(completed == 0
            ? String.format(Locale.ROOT, "spark: 0/%d tasks done after %.0f s", tasks, s)
            : String.format(Locale.ROOT, "spark: %d/%d tasks done, %.2f tasks/s, about %.0f s "
                + "left", completed, tasks, rate, (tasks - completed) / rate));
      }
    }, "xcert-spark-progress");
    thread.setDaemon(true);
    thread.start();
  }

  private static int completed(JavaSparkContext sc, String group) {
    int n = 0;
    for (int job : sc.statusTracker().getJobIdsForGroup(group)) {
      SparkJobInfo info = sc.statusTracker().getJobInfo(job);
      if (info == null) {
        continue;
      }
      for (int stage : info.stageIds()) {
        SparkStageInfo st = sc.statusTracker().getStageInfo(stage);
        if (st != null) {
          n += st.numCompletedTasks();
        }
      }
    }
    return n;
  }

  @Override
  public void close() {
    done = true;
    thread.interrupt();
  }
}
