package xcert.solvers.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import xcert.solvers.errors.InputException;

/** {@link NetworkExactBenchmark} on a small d: its table rows, its stream rows, its range. */
class NetworkExactBenchmarkTest {

  @Test
  void streamRowsEqualTheTableOrSayWhyNot() {
    NetworkExactBenchmark.Result r = NetworkExactBenchmark.run(NetworkExactBenchmark.Settings
        .defaults().withDs(List.of(8)).withRows(10), line -> { });
    assertEquals(2, r.rows().size());
    assertEquals(NetworkExactBenchmark.STREAM_VARIANTS.size(), r.streamRows().size());
    for (NetworkExactBenchmark.StreamRow row : r.streamRows()) {
      assertEquals(8, row.d());
      assertNull(row.skipped(), row.network());
      assertEquals(Boolean.TRUE, row.equalsTable(), row.network());
      assertEquals(row.streamSeconds() / row.floorSeconds(), row.streamRatio(), 1e-12);
    }
  }

  @Test
  void theFixedPointNetworkHasWeightsOnTheGrid() {
    var net = NetworkExactBenchmark.fixedPoint(6, 1);
    for (int j = 0; j < NetworkExactBenchmark.HIDDEN[0]; j++) {
      for (int i = 0; i < 6; i++) {
        double w = net.weight(0, j, i) * 256;
        assertEquals(Math.rint(w), w);
      }
    }
  }

  @Test
  void dimensionsOutsideFourToFortyAreRefused() {
    InputException e = assertThrows(InputException.class, () -> NetworkExactBenchmark.run(
        NetworkExactBenchmark.Settings.defaults().withDs(List.of(41)), line -> { }));
    assertEquals("d", e.source());
  }
}
