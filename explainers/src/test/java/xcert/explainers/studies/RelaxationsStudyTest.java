package xcert.explainers.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xcert.explainers.backend.Backend;
import xcert.explainers.backend.CpuBackend;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.report.Report;
import xcert.solvers.result.Scalar;

/** The relaxations study (formerly the cli's RelaxationsSectionTest). */
class RelaxationsStudyTest {

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

  private static String text(Report r) {
    StringBuilder sb = new StringBuilder();
    for (Report.Block b : r.blocks()) {
      if (b instanceof Report.Paragraph p) {
        sb.append(p.text()).append('\n');
      } else if (b instanceof Report.Table t) {
        sb.append(t.title()).append('\n');
      }
    }
    return sb.toString();
  }

  @Test
  void defaultRunWritesTablesJsonAndThePlot() {
    List<String> progress = new ArrayList<>();
    CountingBackend backend = new CountingBackend();
    Report r = new RelaxationsStudy(dir, backend).run(false, progress::add);
    // the sampled methods evaluated their models on the backend the study was given
    assertTrue(backend.rows.get() > 0);
    assertEquals("counting cpu", ((Map<?, ?>) r.data().get("settings")).get("backend"));
    String text = text(r);
    assertTrue(text.contains("Backend: counting cpu."), text);
    assertTrue(Files.exists(dir.resolve("relaxations-stability.png")));
    assertTrue(text.contains("P_suf"));
    assertTrue(text.contains("MIN-RELEVANT-INPUT"));
    assertTrue(text.contains("relaxations-stability.png"));
    assertTrue(progress.stream().anyMatch(l -> l.startsWith("relaxations:")));
    @SuppressWarnings("unchecked")
    Map<String, Object> st = (Map<String, Object>) r.data().get("stability");
    assertEquals(3 * 21, ((List<?>) st.get("points")).size());
    assertEquals(40, ((List<?>) r.data().get("instances")).size());
    // the miss rates are exact rationals (the JSON writes them with a "_rational" twin)
    Map<?, ?> gap = (Map<?, ?>) ((List<?>) r.data().get("gap")).get(0);
    assertTrue(((Scalar) gap.get("miss_rate")).isExact());
    assertEquals(List.of("seconds_gap", "seconds_stability", "instances", "methods", "settings",
        "gap", "adf", "stability"), List.copyOf(r.data().keySet()));
    Map<?, ?> adf = (Map<?, ?>) ((List<?>) r.data().get("adf")).get(0);
    assertEquals(List.of("mode", "s", "networks", "median_mean_error", "max_mean_error",
        "median_variance_error", "max_variance_error", "median_distortion_error",
        "max_distortion_error"), List.copyOf(adf.keySet()));
  }

  @Test
  void smallConfigurationComparesEveryMethodOnEveryFamily() {
    RelaxationsStudy study = new RelaxationsStudy(dir, new CpuBackend(1));
    RelaxationsStudy.Result r = study.compute(new RelaxationsStudy.Config(2, 2, 10, 8), l -> { });
    assertEquals(4, r.cases().size());
    assertEquals(RelaxationsStudy.defaultMethods().size(), r.methods().size());
    // every family meets every problem it has: circuits and classifiers include MIN-RELEVANT-INPUT
    assertTrue(r.gap().stream().anyMatch(s -> s.family().equals("circuit")));
    assertTrue(r.gap().stream().anyMatch(s -> s.family().equals("relu score")));
    for (var s : r.gap()) {
      assertTrue(s.misses() <= s.instances() - s.trivial(), s.toString());
    }
    // ADF: 3 modes at 2 maps s, each over the 2 ReLU instances
    assertTrue(r.adf().stream().allMatch(a -> a.networks() == 2));
    assertTrue(Files.exists(dir.resolve(RelaxationsStudy.PNG)));
  }
}
