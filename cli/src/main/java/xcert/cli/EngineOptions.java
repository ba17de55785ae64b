package xcert.cli;

import picocli.CommandLine.Option;
import xcert.solvers.errors.InputException;
import xcert.spark.SparkAvailability;
import xcert.spark.SparkSettings;

/**
 * {@code --engine local|spark [--master URL]}: where a job runs (issue 19 point 3). The local engine
 * is the default; the Spark engine needs Spark on the class path (spark-submit, or ./xcert with
 * Spark's jars) and is refused in one line otherwise. No Spark class is loaded here.
 */
final class EngineOptions {

  @Option(names = "--engine", paramLabel = "E", defaultValue = "local",
      description = "local (default) or spark: run the job on Spark (spark-submit --class "
          + "xcert.cli.Main cli/target/xcert.jar ..., or ./xcert with Spark's jars)")
  String engine;

  @Option(names = "--master", paramLabel = "URL",
      description = "with --engine spark: the Spark master (local[2], spark://host:7077, yarn, "
          + "...; default: spark-submit's, else local[*])")
  String master;

  /** True for --engine spark (Spark then on the class path); refusals in one line. */
  boolean spark() {
    if (!engine.equals("local") && !engine.equals("spark")) {
      throw InputException.of("--engine", "'" + engine + "' is not an engine; expected local or "
          + "spark");
    }
    if (engine.equals("local")) {
      if (master != null) {
        throw InputException.of("--master", "applies only with --engine spark");
      }
      return false;
    }
    if (!SparkAvailability.onClassPath()) {
      throw InputException.of("--engine spark", SparkAvailability.HOW_TO_RUN);
    }
    return true;
  }

  /** Refuses --engine spark (and --master) where {@code what} has no Spark engine. */
  void localOnly(String what) {
    if (!engine.equals("local")) {
      throw InputException.of("--engine", "'" + engine + "' does not apply to " + what
          + ", which runs on this machine only (the Spark engine runs the full LP of certify, "
          + "exact shapley|banzhaf and bench reductions)");
    }
    if (master != null) {
      throw InputException.of("--master", "applies only with --engine spark");
    }
  }

  /** The settings of the Spark engine. */
  SparkSettings settings() {
    return SparkSettings.defaults().withMaster(master);
  }
}
