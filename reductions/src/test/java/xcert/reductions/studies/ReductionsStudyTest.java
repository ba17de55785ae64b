package xcert.reductions.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.claims.Tally;
import xcert.solvers.report.Report;

/** A small configuration of the study, run in full: every check holds, counts follow the config. */
class ReductionsStudyTest {

  private static final ReductionsStudy.Config SMALL = new ReductionsStudy.Config(
      List.of(BigFraction.of(1, 2)), 10, 6, 1, 4, 1, 2, 10, 1000);

  @Test
  void smallConfigurationHoldsEverywhereWithConsistentCounts() {
    ReductionsStudy.Result r = ReductionsStudy.compute(SMALL, line -> { });
    assertTrue(r.allHeld());
    List<Tally.Row> rows = r.tally().rows();
    assertEquals(10, rows.size());
    // Lemma 3.6: the 200 SATLIB instances and the 10 generated CNFs, satisfiable or not
    assertEquals(210, rows.get(0).holds() + rows.get(1).holds());
    assertTrue(rows.get(0).holds() >= 150, "150 SATLIB instances are satisfiable");
    assertTrue(rows.get(1).holds() >= 50, "50 SATLIB instances are unsatisfiable");
    assertEquals(6, rows.get(2).holds() + rows.get(2).vacuous());
    assertEquals(480, r.theorem34ParameterSets());
    assertEquals(480, rows.get(3).holds());
    // the procedure: one uf20-91 and one uuf50-218 instance at two α, and 4 generated CNFs
    assertEquals(2 * 2 + 4, rows.get(4).holds());
    // Theorem 3.3: 16 shapes (n, r ≤ 3) times 4 δ, one instance each, both halves
    assertEquals(64, rows.get(5).holds());
    assertEquals(64, rows.get(6).holds());
    assertEquals(2 + 10, rows.get(7).holds());
    assertEquals(2, rows.get(8).holds());
    assertEquals(2, rows.get(9).holds());

    Report report = ReductionsStudy.report(r);
    assertEquals("reductions", report.id());
    assertEquals(List.of("seconds", "generated_cnfs", "exhaustive_cnfs",
        "theorem34_parameter_sets", "rows"), List.copyOf(report.data().keySet()));
    assertEquals(10, report.data().get("generated_cnfs"));
    List<?> dataRows = (List<?>) report.data().get("rows");
    assertEquals(10, dataRows.size());
    Map<?, ?> first = (Map<?, ?>) dataRows.get(0);
    assertEquals(List.of("check", "held", "failed", "vacuous", "first_failure"),
        List.copyOf(first.keySet()));
    assertEquals(0, first.get("failed"));
    long tables = report.blocks().stream().filter(b -> b instanceof Report.Table).count();
    assertEquals(2, tables);
    assertTrue(report.blocks().stream().anyMatch(b -> b instanceof Report.Paragraph p
        && p.text().contains("Worked example: Lemma 3.6 on uf20-01")));
  }

  @Test
  void standardAndFullConfigurationsMatchTheReport() {
    assertEquals(200, ReductionsStudy.Config.standard().generated());
    assertEquals(60, ReductionsStudy.Config.standard().exhaustive());
    assertEquals(1000, ReductionsStudy.Config.full().generated());
    assertEquals(2, ReductionsStudy.Config.full().satlibDeltas().size());
  }
}
