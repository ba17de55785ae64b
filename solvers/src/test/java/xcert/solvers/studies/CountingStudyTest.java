package xcert.solvers.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xcert.solvers.TestData;
import xcert.solvers.report.Report;

/** {@link CountingStudy}: every SATLIB count and every counting and SAT answer agree. */
class CountingStudyTest {

  @Test
  void satlibCountsAndTheTableAgreeWithCountingAndSat() {
    List<String> progress = new ArrayList<>();
    Report r = new CountingStudy(TestData.satlib()).report(20, progress::add);
    assertEquals("counting", r.id());
    assertEquals(List.of("generated_instances", "seconds", "rows"),
        List.copyOf(r.data().keySet()));
    assertEquals(20, r.data().get("generated_instances"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) r.data().get("rows");
    assertEquals(9, rows.size());
    for (Map<String, Object> row : rows) {
      String check = (String) row.get("check");
      assertEquals(0, row.get("failed"), check + ": " + row.get("first_failure"));
      assertNull(row.get("first_failure"));
      assertTrue((Integer) row.get("held") > 0, check);
      int expected = check.startsWith("uf20-91") ? 100 : check.contains("50-218") ? 50 : -1;
      if (expected > 0) {
        assertEquals(expected, row.get("held"), check);
      } else {
        // the generated instances: each check held or was vacuous on every one
        assertEquals(20, (Integer) row.get("held") + (Integer) row.get("vacuous"), check);
      }
    }
    assertTrue(progress.contains("counting: uf20-91 done"));
  }
}
