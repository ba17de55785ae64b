package xcert.explainers.backend.gpu;

import xcert.explainers.backend.LfaPlan;

import xcert.explainers.backend.CounterStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import xcert.explainers.lfa.Combination;
import xcert.explainers.lfa.Kernel;
import xcert.explainers.lfa.Neighbourhood;
import xcert.explainers.lfa.NoiseForm;
import xcert.explainers.lfa.Noises;
import xcert.explainers.lfa.WeightForm;

/**
 * The CUDA kernels, compiled as C++ against a CPU emulation of the CUDA features they use
 * ({@code src/test/cuda/emulate.hpp}), checked on machines without a GPU: each numeric kernel against
 * a plain float64 computation within the float32 dot-product error bound
 * ({@code src/test/cuda/kernel_checks.cpp}). Needs g++ with C++20; skipped, with a message, without
 * it. What the emulation cannot check (launch limits, memory coalescing, real warp scheduling) is
 * left to the agreement test on a GPU.
 */
class KernelEmulationTest {

  static final Path BUILD = Path.of("target/kernel-emulation");

  static Path binary;

  @BeforeAll
  static void compile() throws IOException, InterruptedException {
    binary = GxxBuild.compile(BUILD.resolve("kernel_checks"), "src/test/cuda/kernel_checks.cpp",
        "the kernels under the emulation").orElse(null);
  }

  static List<String> run(String... args) throws IOException, InterruptedException {
    assumeTrue(binary != null, "no g++ on this machine: the CUDA kernels are not emulated");
    String[] cmd = new String[args.length + 1];
    cmd[0] = binary.toString();
    System.arraycopy(args, 0, cmd, 1, args.length);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the emulated kernels took over 120 s");
    assertEquals(0, p.exitValue(), out);
    return out.lines().toList();
  }

  /**
   * The device's perturbations are the host's: for every neighbourhood (by its device form), paired
   * or not, each combination and kernel, and both targets, the emulated {@code perturb} kernel draws
   * the ξ that {@link xcert.explainers.lfa.Neighbourhood#sample} draws from {@link CounterStream}
   * (bit for bit for the binary and enumerated ones; continuous ones through libm's log, cos and sin
   * against Java's, which may differ in the last bit), the float32 input row, and π.
   */
  @Test
  void perturbDrawsTheHostsSamples() throws Exception {
    int d = 5;
    double[] x0 = new double[d];
    double[] ref = new double[d];
    for (int f = 0; f < d; f++) {
      x0[f] = 0.5 + 0.25 * f;
      ref[f] = -0.125 * f;
    }
    List<Neighbourhood> noises = List.of(Noises.gaussian(0.5), Noises.gaussian(0),
        Noises.laplace(0.75), Noises.uniformBox(0.5), Noises.uniformScale(0, 1),
        Noises.uniformScale(1, 1), Noises.bernoulli(0.3), Noises.limeMask(),
        Noises.shapleyCoalitions(), Noises.oneHot(), Noises.riemannMidpoints(7));
    List<Combination> combinations = List.of(Combination.additive(), Combination.multiplicative(),
        Combination.mask(ref));
    List<Kernel> kernels = List.of(Kernel.NONE, Kernel.lime(0.25, Kernel.Distance.COSINE),
        Kernel.lime(0.5, Kernel.Distance.L2));
    long seed = 0x9E3779B97F4A7C15L;
    int checked = 0;
    for (Neighbourhood z : noises) {
      NoiseForm nf = z.deviceForm().orElseThrow();
      for (boolean paired : z.isBinary() ? List.of(false, true) : List.of(false)) {
        for (int c = 0; c < combinations.size(); c++) {
          Combination comb = combinations.get(c);
          Kernel k = kernels.get((checked + c) % kernels.size());
          WeightForm wf = k.deviceForm().orElseThrow();
          boolean drop = z.isBinary() && c == 2 && paired;
          long first = 3;
          int m = 6;
          List<String> lines = run("perturb", Integer.toString(nf.noise().ordinal()),
              Double.toString(nf.p0()), Double.toString(nf.p1()), paired ? "1" : "0",
              Integer.toString(comb.deviceForm().orElseThrow().combine().ordinal()),
              Integer.toString(wf.weight().ordinal()), Double.toString(wf.width()),
              Integer.toString(drop ? LfaPlan.Fit.DROP.ordinal() : LfaPlan.Fit.VALUE.ordinal()),
              Integer.toString(d), Long.toUnsignedString(seed), Long.toString(first),
              Integer.toString(m));
          assertEquals(m, lines.size(), String.join("\n", lines));
          CounterStream s = new CounterStream(seed);
          for (int r = 0; r < m; r++) {
            long i = first + r;
            double[] xi = new double[d];
            if (paired && (i & 1) == 1) {
              z.sample(s, i - 1, xi);
              for (int f = 0; f < d; f++) {
                xi[f] = 1 - xi[f];
              }
            } else {
              z.sample(s, i, xi);
            }
            double[] in = new double[d];
            if (drop) {
              double[] comp = new double[d];
              for (int f = 0; f < d; f++) {
                comp[f] = 1 - xi[f];
              }
              comb.apply(x0, comp, in);
            } else {
              comb.apply(x0, xi, in);
            }
            String[] parts = lines.get(r).split("\\|");
            String[] gotXi = parts[0].trim().split(" ");
            String[] gotRow = parts[1].trim().split(" ");
            String what = z.describe() + " paired=" + paired + " " + comb.describe() + " sample "
                + i;
            for (int f = 0; f < d; f++) {
              double g = Double.parseDouble(gotXi[f]);
              if (z.isBinary() || z.isDeterministic(d, Long.MAX_VALUE)) {
                assertEquals(xi[f], g, 0.0, what + " ξ" + f);
              } else {
                assertEquals(xi[f], g, 1e-14 * Math.max(1, Math.abs(xi[f])), what + " ξ" + f);
              }
              float row = Float.parseFloat(gotRow[f]);
              assertEquals((float) in[f], row, Math.ulp((float) in[f]), what + " row " + f);
            }
            double pi = Double.parseDouble(parts[2].trim());
            assertEquals(k.weight(xi), pi, 1e-14, what + " π");
          }
          checked++;
        }
      }
    }
    assertEquals(45, checked);
  }

  @Test
  void numericKernelsMatchFloat64WithinTheFloat32Bound() throws Exception {
    List<String> lines = run();
    assertEquals("all kernels ok", lines.get(lines.size() - 1), String.join("\n", lines));
  }
}
