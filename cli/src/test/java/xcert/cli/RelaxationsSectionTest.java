package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelaxationsSectionTest {

  @TempDir
  Path dir;

  @Test
  void defaultRunWritesTablesJsonAndThePlot() {
    List<String> progress = new ArrayList<>();
    ReportSection.Result r = new RelaxationsSection(dir).run(false, progress::add);
    assertTrue(Files.exists(dir.resolve("relaxations-stability.png")));
    assertTrue(r.text().contains("P_suf"));
    assertTrue(r.text().contains("MIN-RELEVANT-INPUT"));
    assertTrue(r.markdown().contains("relaxations-stability.png"));
    assertTrue(progress.stream().anyMatch(l -> l.startsWith("relaxations:")));
    @SuppressWarnings("unchecked")
    Map<String, Object> st = (Map<String, Object>) r.json().get("stability");
    assertEquals(3 * 21, ((List<?>) st.get("points")).size());
    assertEquals(40, ((List<?>) r.json().get("instances")).size());
    Output o = new Output();
    r.json().forEach(o::put);
    assertTrue(o.toJson().contains("\"miss_rate_rational\""));
  }
}
