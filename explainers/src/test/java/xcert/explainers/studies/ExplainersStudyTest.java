package xcert.explainers.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xcert.explainers.backend.CpuBackend;
import xcert.solvers.claims.Tally;
import xcert.solvers.report.Report;

class ExplainersStudyTest {

  @TempDir
  Path dir;

  @Test
  void smallRunHoldsEveryPropertyWritesBothPlotsAndTheData() throws Exception {
    ExplainersStudy.Config config = ExplainersStudy.Config.standard().withPerProperty(2)
        .withNoFreeLunch(2).withStability(new StabilityExperiment(3, 2, new long[] {50, 100}))
        .withScale(new ShapleyAtScale.Settings(new long[] {100}, new long[] {1000}, 4300));
    List<String> progress = new ArrayList<>();
    ExplainersStudy study = new ExplainersStudy(dir, new CpuBackend(1));
    ExplainersStudy.Result r = ExplainersStudy.compute(config, dir, new CpuBackend(1),
        progress::add);
    // every exact identity and limit holds on every instance it applies to (seeds 000, 001)
    assertTrue(r.checks().size() >= 10, r.checks().toString());
    for (Tally.Row row : r.checks()) {
      assertEquals(0, row.fails(), row.claim() + ": " + row.firstFailure());
      assertNull(row.firstFailure());
      assertTrue(row.holds() + row.vacuous() > 0, row.claim());
    }
    assertTrue(r.checks().stream().anyMatch(row -> row.claim().startsWith("no free lunch")));
    // 3 methods × 4 σ per model, one Jaccard in [0, 1] per n
    assertEquals(12, r.onCircuit().size());
    assertEquals(12, r.onNetwork().size());
    for (StabilityExperiment.Curve c : r.onCircuit()) {
      assertEquals(2, c.jaccard().length);
      for (double j : c.jaccard()) {
        assertTrue(j >= 0 && j <= 1, c.toString());
      }
    }
    assertTrue(Files.size(dir.resolve(ExplainersStudy.CIRCUIT_PNG)) > 0);
    assertTrue(Files.size(dir.resolve(ExplainersStudy.RELU_PNG)) > 0);
    assertTrue(progress.stream().anyMatch(l -> l.startsWith("explainers:")));

    Report report = study.report(r);
    assertEquals("explainers", report.id());
    assertEquals(List.of("seconds", "backend", "instances_per_property", "stability_circuit",
        "stability_relu", "rows", "shapley_at_d100"), List.copyOf(report.data().keySet()));
    assertEquals(2, report.data().get("instances_per_property"));
    assertEquals(r.checks().size(), ((List<?>) report.data().get("rows")).size());
    Map<?, ?> first = (Map<?, ?>) ((List<?>) report.data().get("stability_circuit")).get(0);
    assertEquals(List.of("method", "sigma", "n", "jaccard", "max_abs_attribution"),
        List.copyOf(first.keySet()));
    assertTrue(report.blocks().stream().anyMatch(b -> b instanceof Report.Table t
        && t.columns().contains("first failure") && t.medium() == Report.Medium.DOCUMENT));
  }
}
