package xcert.explainers.realdata.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xcert.explainers.backend.CpuBackend;
import xcert.solvers.report.Report;

/** The tabular study runs end to end on a small configuration and writes its plots. */
class TabularStudyTest {

  @Test
  void studyRunsAndWritesPlots(@TempDir Path out) {
    TabularStudy study = new TabularStudy(out, new CpuBackend(1), null);
    TabularStudy.Result r = study.compute(new TabularStudy.Config(3, 10, 0.1, 7,
        java.util.List.of("linear", "mlp"), 2), s -> { });
    assertEquals(2, r.recovery().size());
    assertEquals(4, r.perturbation().size());
    for (String name : TabularSet.NAMES) {
      assertTrue(Files.isRegularFile(out.resolve(TabularStudy.recoveryPng(name))));
      for (String model : java.util.List.of("linear", "mlp")) {
        assertTrue(Files.isRegularFile(out.resolve(TabularStudy.perturbationPng(name, model))));
      }
    }
    for (PerturbationTest p : r.perturbation()) {
      for (PerturbationTest.Curve c : p.curves()) {
        assertEquals(p.set().dimension(), c.binary().length);
        // perturbing every feature is the same for every method
        assertEquals(p.curves().get(0).binary()[c.binary().length - 1],
            c.binary()[c.binary().length - 1], 1e-12);
        double mean = 0;
        for (double v : c.binaryByPoint()) {
          mean += v / c.binaryByPoint().length;
        }
        assertEquals(c.binaryAuc(), mean, 1e-12 * (1 + mean));
      }
    }
    assertEquals(4, r.limits().size());
    for (SampledVsLimit l : r.limits()) {
      // KernelSHAP is exact on the linear model for any coalitions; IG's Riemann sum of a
      // piecewise-linear path is close to its exact integral
      assertTrue(l.gaps().get("integrated-gradients-exact") < 1e-2, l.gaps().toString());
      if (l.model().equals("linear") && l.set().name().equals("diabetes")) {
        assertTrue(l.gaps().get("kernelshap-exact") < 1e-8, l.gaps().toString());
      }
    }
    Report rep = study.report(r);
    assertEquals("tabular", rep.id());
    assertFalse(rep.blocks().isEmpty());
    assertTrue(rep.data().containsKey("recovery"));
  }
}
