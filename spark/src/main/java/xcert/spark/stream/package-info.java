/**
 * The streaming exact engine ({@code xcert.solvers.stream}, issue 19 points 1 and 3) as a Spark job:
 * the blocks of 2^k inputs of a {@link xcert.solvers.stream.StreamPlan} cut into contiguous ranges,
 * one per task, each task's exact integer {@link xcert.solvers.stream.StreamCounts} added with
 * {@code plus} (associative and commutative), and {@code finish} on the driver, so that the values
 * are the single-machine engine's exactly. The model is not serializable: tasks carry what rebuilds
 * it (the model file's bytes and the output selection, x, the distribution's numbers), and each
 * executor JVM rebuilds the plan once ({@link xcert.spark.ExecutorCache}).
 */
package xcert.spark.stream;
