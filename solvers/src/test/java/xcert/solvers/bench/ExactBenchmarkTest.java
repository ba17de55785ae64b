package xcert.solvers.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import xcert.solvers.errors.InputException;

/** {@link ExactBenchmark} on small d: the rows it returns and the range it accepts. */
class ExactBenchmarkTest {

  @Test
  void measuresEachDimensionInOrder() {
    ExactBenchmark.Result r = ExactBenchmark.run(ExactBenchmark.Settings.defaults()
        .withDs(List.of(8, 10)).withSeed(3), line -> { });
    assertEquals(2, r.rows().size());
    assertTrue(r.family().contains("seed 3"));
    for (ExactBenchmark.Row row : r.rows()) {
      assertNull(row.skipped());
      assertEquals((int) Math.round(4.26 * row.d()), row.fields().get("clauses"));
      assertEquals(Boolean.TRUE, row.fields().get("stream_equals_table"));
      assertEquals(row.number("stream_s") / row.number("floor_s"), row.number("stream_ratio"),
          1e-12);
      assertTrue(row.number("peak_heap_bytes") >= row.number("stream_peak_heap_bytes"));
      assertEquals(List.of("d", "clauses", "satisfying_fraction", "floor_s", "evals_per_s",
          "scalar_evals_per_s", "bitsliced_vs_scalar", "stream_s", "stream_ratio", "table_s",
          "table_ratio", "stream_equals_table", "phi_1", "baseline_checksum",
          "stream_peak_heap_bytes", "peak_heap_bytes", "max_heap_bytes"),
          List.copyOf(row.data().keySet()));
    }
    assertEquals(8, ExactBenchmark.random3Cnf(8, 3).dimension());
  }

  @Test
  void dimensionsOutsideSixToFortyAreRefused() {
    for (int d : new int[] {5, 41}) {
      InputException e = assertThrows(InputException.class, () -> ExactBenchmark.run(
          ExactBenchmark.Settings.defaults().withDs(List.of(d)), line -> { }));
      assertEquals("d", e.source());
    }
  }

  @Test
  void aStreamOverTheTimeLimitIsSkippedWithItsEstimate() {
    ExactBenchmark.Result r = ExactBenchmark.run(ExactBenchmark.Settings.defaults()
        .withDs(List.of(40)).withTimeLimit(java.time.Duration.ofSeconds(1)), line -> { });
    assertTrue(r.rows().get(0).skipped().contains("would take about"), r.rows().get(0).skipped());
  }
}
