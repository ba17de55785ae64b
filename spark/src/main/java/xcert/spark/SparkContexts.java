package xcert.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Opens the Spark context of a job: the master of the settings, else the one spark-submit set
 * (spark.master), else local[*]. Spark's console progress bar is off (the jobs report their own
 * progress), and so is the web UI in local mode.
 */
public final class SparkContexts {

  private SparkContexts() {}

  /** A new context; the caller closes it. */
  public static JavaSparkContext open(SparkSettings settings, String appName) {
    SparkConf conf = new SparkConf().setAppName(appName);
    settings.master().ifPresent(conf::setMaster);
    if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    conf.set("spark.ui.showConsoleProgress", "false");
    if (conf.get("spark.master").startsWith("local")) {
      conf.set("spark.ui.enabled", "false");
    }
    JavaSparkContext sc = new JavaSparkContext(conf);
    sc.setLogLevel("WARN");
    return sc;
  }

  /** Runs {@code job} in a new context, closed afterwards. */
  public static <T> T run(SparkSettings settings, String appName,
      java.util.function.Function<JavaSparkContext, T> job) {
    try (JavaSparkContext sc = open(settings, appName)) {
      return job.apply(sc);
    }
  }
}
