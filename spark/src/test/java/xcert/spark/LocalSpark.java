package xcert.spark;

import org.apache.spark.api.java.JavaSparkContext;

/** The context of a test class: local[2], as CI runs it (two cores). */
public final class LocalSpark {

  private LocalSpark() {}

  public static JavaSparkContext open(String name) {
    return SparkContexts.open(SparkSettings.defaults().withMaster("local[2]"), name);
  }
}
