package xcert.explainers.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import xcert.explainers.backend.Backend;
import xcert.explainers.explain.Backends;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.backend.HeNetworks;
import xcert.explainers.methods.Methods;
import xcert.solvers.model.ReluNetwork;

/**
 * The GPU backend against the CPU backend with {@link AgreementCheck}: every method within its
 * tolerance on He-initialised networks of width 64 and 512, n = 4096. Skipped where there is no CUDA
 * device.
 */
class GpuAgreementTest {

  @Test
  void gpuAgreesWithTheCpuForEveryMethod() {
    Assumptions.assumeTrue(Backends.gpu().isPresent(),
        "no CUDA device on this machine: GPU agreement not checked");
    Backend gpu = Backends.gpu().get();
    AgreementCheck check = new AgreementCheck(gpu, CpuBackend.allCores());
    SplittableRandom rnd = new SplittableRandom(4096);
    for (int width : new int[] {64, 512}) {
      ReluNetwork f = HeNetworks.he(rnd, 16, width, 2);
      double[] x0 = HeNetworks.point(rnd, 16);
      List<AgreementRow> rows = check.run(f, x0, 4096, 17);
      assertEquals(Methods.NAMES.size(), rows.size());
      System.out.println("GPU agreement, " + gpu.name() + ", He d=16 width=" + width + ":");
      for (AgreementRow r : rows) {
        System.out.println("  " + r.describe());
      }
      for (AgreementRow r : rows) {
        assertTrue(r.within(), "width " + width + ": " + r.describe());
      }
    }
  }
}
