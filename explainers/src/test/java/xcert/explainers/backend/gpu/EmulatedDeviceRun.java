package xcert.explainers.backend.gpu;

import xcert.explainers.explain.Backends;

import xcert.explainers.backend.HeNetworks;

import xcert.explainers.backend.Float32Bounds;

import xcert.explainers.backend.CpuBackend;

import xcert.explainers.backend.Backend;

import java.util.List;
import java.util.SplittableRandom;
import xcert.explainers.agreement.AgreementCheck;
import xcert.explainers.agreement.AgreementRow;
import xcert.solvers.model.ReluNetwork;

/**
 * The GPU backend run end to end on the emulated CUDA driver ({@code src/test/cuda/
 * driver_emulation.cpp}), in a JVM of its own started by {@link EmulatedDriverTest} with that driver
 * first on {@code LD_LIBRARY_PATH}. Prints one line per check and exits 1 on the first failure, 2
 * when no device opened.
 *
 * <p>Arguments: input dimension, widths (comma-separated), hidden layers, samples, seed.
 */
public final class EmulatedDeviceRun {

  private EmulatedDeviceRun() {}

  public static void main(String[] args) {
    int d = Integer.parseInt(args[0]);
    String[] widths = args[1].split(",");
    int hidden = Integer.parseInt(args[2]);
    long n = Long.parseLong(args[3]);
    long seed = Long.parseLong(args[4]);
    if (Backends.gpu().isEmpty()) {
      System.out.println("NO DEVICE " + Backends.whyNoGpu());
      System.exit(2);
    }
    Backend gpu = Backends.gpu().get();
    System.out.println("DEVICE " + gpu.name());
    System.out.println("AUTO " + Backends.select("auto").name());
    SplittableRandom rnd = new SplittableRandom(seed);
    boolean ok = true;
    for (String w : widths) {
      int width = Integer.parseInt(w);
      ReluNetwork f = HeNetworks.he(rnd, d, width, hidden);
      double[] x0 = HeNetworks.point(rnd, d);
      ok &= batch(gpu, f, d, width, (int) Math.min(n, 777), rnd);
      List<AgreementRow> rows = new AgreementCheck(gpu, CpuBackend.allCores()).run(f, x0, n, seed);
      for (AgreementRow r : rows) {
        System.out.println((r.within() ? "WITHIN " : "OUTSIDE ") + "width=" + width + " "
            + r.describe());
        ok &= r.within();
      }
    }
    System.exit(ok ? 0 : 1);
  }

  /**
   * evaluate and gradients on a batch of Gaussian rows against the CPU backend, each entry within
   * the float32 bound of {@link Float32Bounds} for the network at that row.
   */
  private static boolean batch(Backend gpu, ReluNetwork f, int d, int width, int m,
      SplittableRandom rnd) {
    double[] rows = new double[m * d];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = HeNetworks.gaussian(rnd);
    }
    CpuBackend cpu = CpuBackend.allCores();
    double[] sGpu = gpu.evaluate(f, rows, m);
    double[] sCpu = cpu.evaluate(f, rows, m);
    double[] gGpu = gpu.gradients(f, rows, m);
    double[] gCpu = cpu.gradients(f, rows, m);
    Float32Bounds bounds = new Float32Bounds(f);
    double worstScore = 0;
    double worstGradient = 0;
    for (int r = 0; r < m; r++) {
      Float32Bounds.Row b = bounds.row(rows, r * d);
      worstScore = Math.max(worstScore, Math.abs(sGpu[r] - sCpu[r]) / b.value());
      double[] gb = b.gradient();
      for (int i = 0; i < d; i++) {
        worstGradient = Math.max(worstGradient,
            Math.abs(gGpu[r * d + i] - gCpu[r * d + i]) / gb[i]);
      }
    }
    boolean ok = worstScore <= 1 && worstGradient <= 1;
    System.out.printf("%s width=%d batch of %d rows: worst |score difference|/bound %.3g, worst "
        + "|gradient difference|/bound %.3g%n", ok ? "WITHIN" : "OUTSIDE", width, m, worstScore,
        worstGradient);
    return ok;
  }
}
