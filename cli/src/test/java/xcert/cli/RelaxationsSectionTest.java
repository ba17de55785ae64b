package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import xcert.explainers.backend.Backend;
import xcert.explainers.backend.CpuBackend;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;

class RelaxationsSectionTest {

  /** The CPU backend under another name, counting the rows it is asked to evaluate. */
  static final class CountingBackend implements Backend {
    final Backend cpu = CpuBackend.allCores();
    final AtomicLong rows = new AtomicLong();

    @Override
    public String name() {
      return "counting cpu";
    }

    @Override
    public double[] evaluate(Model f, double[] x, int n) {
      rows.addAndGet(n);
      return cpu.evaluate(f, x, n);
    }

    @Override
    public double[] gradients(ReluNetwork f, double[] x, int n) {
      rows.addAndGet(n);
      return cpu.gradients(f, x, n);
    }
  }

  @TempDir
  Path dir;

  @Test
  void defaultRunWritesTablesJsonAndThePlot() {
    List<String> progress = new ArrayList<>();
    CountingBackend backend = new CountingBackend();
    ReportSection.Result r = new RelaxationsSection(dir, backend).run(false, progress::add);
    // the sampled methods evaluated their models on the backend the section was given
    assertTrue(backend.rows.get() > 0);
    assertEquals("counting cpu", ((Map<?, ?>) r.json().get("settings")).get("backend"));
    assertTrue(r.text().contains("Backend: counting cpu."), r.text());
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
