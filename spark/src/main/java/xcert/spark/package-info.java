/**
 * The Spark engine of xcert (issue 19, point 3): jobs whose input is cut into independent tasks
 * (ranges of an index space, or instances of a campaign) and whose exact partial results (integer
 * sums, verdicts) are reduced with an associative, commutative merge, so that the result does not
 * depend on how the work was cut nor on where it ran, and equals the single-machine engine's.
 *
 * <p>Spark is a {@code provided} dependency: the classes of this module are in
 * {@code cli/target/xcert.jar}, Spark's are not; {@code spark-submit} (or the Spark jars on the
 * class path) brings them. {@link xcert.spark.SparkAvailability} tells, without loading Spark,
 * whether it is there. Entry points return immutable records with a {@link
 * xcert.spark.SparkProvenance} (engine, master, tasks, tasks per second).
 */
package xcert.spark;
