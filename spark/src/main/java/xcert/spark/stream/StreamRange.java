package xcert.spark.stream;

import xcert.solvers.stream.Semivalue;
import xcert.solvers.stream.StreamCounts;
import xcert.solvers.stream.StreamPlan;
import xcert.spark.ExecutorCache;
import xcert.spark.SparkJobs;

/**
 * One task of a streamed job: the exact counts of a range of blocks, the plan rebuilt once per
 * executor JVM from the model's bytes, x and the distribution's numbers.
 *
 * @param key the plan's cache key (a digest of everything below)
 * @param model the model file and its output selection
 * @param x the input explained
 * @param dist the reference distribution's numbers
 * @param semivalue Shapley or Banzhaf
 */
record StreamRange(String key, ModelSource model, double[] x, DistributionData dist,
    Semivalue semivalue) implements SparkJobs.RangeTask<StreamCounts> {

  private static final long serialVersionUID = 1L;

  static StreamRange of(ModelSource model, double[] x, DistributionData dist, Semivalue sv) {
    String key = ExecutorCache.key("stream", model.fingerprint(), java.util.Arrays.toString(x),
        dist.fingerprint(), sv.name());
    return new StreamRange(key, model, x.clone(), dist, sv);
  }

  StreamPlan plan() {
    return ExecutorCache.get(key, () -> StreamPlan.of(model.read(), x, dist.rebuild(),
        semivalue));
  }

  @Override
  public StreamCounts apply(long from, long to) {
    return plan().countBlocks(from, to);
  }
}
