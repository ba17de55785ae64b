package xcert.explainers.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
    Files.createDirectories(BUILD);
    Path out = BUILD.resolve("kernel_checks");
    Process p;
    try {
      p = new ProcessBuilder("g++", "-std=c++20", "-O1", "-pthread", "-o", out.toString(),
          "src/test/cuda/kernel_checks.cpp").redirectErrorStream(true).start();
    } catch (IOException e) {
      binary = null;
      return;
    }
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "g++ took over 120 s");
    assertEquals(0, p.exitValue(), "the kernels do not compile under the emulation:\n" + log);
    binary = out;
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

  @Test
  void numericKernelsMatchFloat64WithinTheFloat32Bound() throws Exception {
    List<String> lines = run();
    assertEquals("all kernels ok", lines.get(lines.size() - 1), String.join("\n", lines));
  }
}
