package xcert.spark;

/**
 * Whether Spark is on the class path, found without loading any class of this module that refers
 * to Spark (so that callers such as the cli may ask first and print one line when it is not).
 */
public final class SparkAvailability {

  /** The one line that says how to run with Spark when it is not on the class path. */
  public static final String HOW_TO_RUN = "Spark is not on the class path; run with spark-submit "
      + "--class xcert.cli.Main cli/target/xcert.jar ... (Spark 4, Java 17), or set SPARK_HOME for "
      + "./xcert, or build the spark module (mvn -q -B package -DskipTests) so ./xcert finds "
      + "Spark's jars in the local Maven repository";

  private SparkAvailability() {}

  /** True when Spark's core classes can be loaded. */
  public static boolean onClassPath() {
    try {
      Class.forName("org.apache.spark.api.java.JavaSparkContext", false,
          SparkAvailability.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
