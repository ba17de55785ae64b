package xcert.solvers.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xcert.solvers.claims.Seed004Suite;
import xcert.solvers.report.Report;

/** {@link Seed004Study} on a smaller run of the seed 004 suite: what holds, what fails, and where. */
class Seed004StudyTest {

  @Test
  void theMetricStatementsHoldAndTheFailuresAreWhereTheReportSaysTheyAre() {
    Seed004Study study = new Seed004Study();
    Report r = study.report(new Seed004Suite.Config(4004, 60, 15, 30, 30, 8), line -> { });
    assertEquals("seed004", r.id());
    assertEquals(List.of("seed", "circuits", "symmetric_circuits", "relu_networks", "joints",
        "seconds", "rows"), List.copyOf(r.data().keySet()));
    assertEquals(60, r.data().get("circuits"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) r.data().get("rows");
    assertEquals(56, rows.size());
    int nonMetricFailures = 0;
    for (Map<String, Object> row : rows) {
      String s = (String) row.get("statement");
      int held = (Integer) row.get("held");
      int failed = (Integer) row.get("failed");
      assertEquals(failed > 0, row.get("first_failure") != null, s);
      // the statements whose proofs the seed gives under a metric ρ hold on every instance
      boolean proved = !s.contains("not a metric") && (s.startsWith("table = Eq. 1")
          || s.startsWith("Lemma") || s.startsWith("Corollary 5.1") || s.startsWith("Shapley")
          || s.contains("construction") || s.equals("Theorem 5.1 [ρ=|a−b|] α=1/2"));
      if (proved) {
        assertEquals(0, failed, s + ": " + row.get("first_failure"));
        assertTrue(held > 0, s);
      }
      if (s.contains("not a metric")) {
        nonMetricFailures += failed;
      }
    }
    // the squared distance breaks the triangle inequality the proofs use
    assertTrue(nonMetricFailures > 0);
    assertTrue(r.blocks().stream().anyMatch(b -> b instanceof Report.Table t
        && t.medium() == Report.Medium.DOCUMENT && t.columns().contains("first failure")));
  }
}
