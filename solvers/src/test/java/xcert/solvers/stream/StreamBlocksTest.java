package xcert.solvers.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import xcert.solvers.bench.ExactBenchmark;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.model.Circuit;

/**
 * Blocks are independent (package documentation, "any partition of the inputs into blocks gives
 * partial counts that add up"): counts of a random partition of the block range, added in a random
 * order after a round trip through Java serialization (as a cluster ships them), give the same
 * values as one pass; counts that miss or repeat a block are refused; a run estimated past its time
 * limit stops with the estimate.
 */
class StreamBlocksTest {

  @Test
  void anyPartitionOfTheBlocksGivesTheSameValues() throws Exception {
    Circuit c = ExactBenchmark.random3Cnf(22, 5);
    double[] x = new double[22];
    x[3] = 1;
    StreamPlan plan = StreamPlan.of(c, x, ProductDistribution.uniform(22), Semivalue.SHAPLEY);
    StreamValues whole = plan.finish(plan.countBlocks(0, plan.blockCount()), 0);
    assertEquals(64, plan.blockCount());
    SplittableRandom r = new SplittableRandom(9);
    for (int trial = 0; trial < 5; trial++) {
      StreamCounts sum = plan.zero();
      long from = 0;
      while (from < plan.blockCount()) {
        long to = Math.min(plan.blockCount(), from + 1 + r.nextInt(20));
        sum = roundTrip(plan.countBlocks(from, to)).plus(sum);
        from = to;
      }
      assertEquals(whole.values(), plan.finish(sum, 0).values());
      assertEquals(whole.fEmpty(), plan.finish(sum, 0).fEmpty());
    }
    StreamCounts missing = plan.countBlocks(0, plan.blockCount() - 1);
    assertThrows(IllegalArgumentException.class, () -> plan.finish(missing, 0));
    StreamCounts twice = missing.plus(plan.countBlocks(0, 2));
    assertThrows(IllegalArgumentException.class, () -> plan.finish(twice, 0));
  }

  private static StreamCounts roundTrip(StreamCounts c) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
      o.writeObject(c);
    }
    try (ObjectInputStream in = new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray()))) {
      return (StreamCounts) in.readObject();
    }
  }

  @Test
  void aRunPastItsTimeLimitStopsWithTheEstimate() {
    Circuit c = ExactBenchmark.random3Cnf(44, 2);
    TooLargeException e = assertThrows(TooLargeException.class, () -> StreamingValues.compute(c,
        new double[44], ProductDistribution.uniform(44), Semivalue.BANZHAF,
        StreamOptions.defaults().withTimeLimit(Duration.ofSeconds(30))));
    assertTrue(e.getMessage().contains("would take about") && e.getMessage().contains("30.0 s"),
        e.getMessage());
  }
}
