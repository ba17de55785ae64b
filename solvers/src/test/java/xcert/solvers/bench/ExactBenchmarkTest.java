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
      assertTrue(row.number("total_s") >= row.number("table_s"));
      assertEquals(List.of("d", "clauses", "satisfying_fraction", "evals_per_s",
          "scalar_evals_per_s", "bitsliced_vs_scalar", "table_s", "shapley_s", "total_s", "phi_1",
          "baseline_checksum"), List.copyOf(row.data().keySet()));
    }
    assertEquals(8, ExactBenchmark.random3Cnf(8, 3).dimension());
  }

  @Test
  void dimensionsOutsideSixToThirtyAreRefused() {
    InputException e = assertThrows(InputException.class, () -> ExactBenchmark.run(
        ExactBenchmark.Settings.defaults().withDs(List.of(5)), line -> { }));
    assertEquals("d", e.source());
  }
}
