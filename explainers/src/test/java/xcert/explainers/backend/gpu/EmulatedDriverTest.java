package xcert.explainers.backend.gpu;

import xcert.explainers.backend.Float32Bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import xcert.explainers.methods.Methods;

/**
 * The GPU backend's host code — {@link GpuBackend}, {@link DevicePlanRun}, {@link DeviceNetwork},
 * {@code CudaDevice} and {@code DeviceArray} through JCuda — run end to end on machines without a
 * GPU, against an emulated CUDA driver ({@code src/test/cuda/driver_emulation.cpp}, built here with
 * g++ as {@code libcuda.so.1}) that runs the real kernels under the CPU emulation of
 * {@code emulate.hpp}, faults on any read or write past the end of a device array, and refuses
 * pointers outside every allocation and launch shapes beyond a GPU's limits. Each run is a child JVM
 * ({@link EmulatedDeviceRun}) with the emulated driver first on {@code LD_LIBRARY_PATH}, so this
 * JVM never sees it. The child checks batched evaluate and gradients against the CPU within
 * {@link Float32Bounds}, and every method against the CPU with
 * {@link xcert.explainers.agreement.AgreementCheck}.
 *
 * <p>Skipped, with a message, without g++ (C++20) or off Linux x86-64 (JCuda's native library).
 * What only a GPU shows (the driver's PTX compiler, real scheduling, speed) is left to
 * {@code GpuAgreementTest}.
 */
class EmulatedDriverTest {

  static final Path BUILD = Path.of("target/emulated-cuda");

  static Path library;
  static String why = "not built";

  @BeforeAll
  static void build() throws IOException, InterruptedException {
    if (!System.getProperty("os.name").equals("Linux")
        || !System.getProperty("os.arch").equals("amd64")) {
      why = "JCuda's native library is used on Linux x86-64 only";
      return;
    }
    library = GxxBuild.compile(BUILD.resolve("libcuda.so.1"), "src/test/cuda/driver_emulation.cpp",
        "the emulated driver", "-shared", "-fPIC", "-Wl,-soname,libcuda.so.1").orElse(null);
    if (library == null) {
      why = "no g++ on this machine";
    }
  }

  /** Runs {@link EmulatedDeviceRun} in a child JVM; returns its exit code and output lines. */
  static Result child(long deviceMemory, String... args) throws IOException, InterruptedException {
    assumeTrue(library != null, why + ": the GPU backend is not run on the emulated driver");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:ErrorFile=" + BUILD.toAbsolutePath().resolve("hs_err_%p.log"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(EmulatedDeviceRun.class.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("LD_LIBRARY_PATH", library.toAbsolutePath().getParent()
        + pb.environment().getOrDefault("LD_LIBRARY_PATH", "").transform(s -> s.isEmpty() ? ""
            : ":" + s));
    pb.environment().put("XCERT_EMULATED_DEVICE_MEMORY", Long.toString(deviceMemory));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the emulated run took over 300 s");
    String text = p.exitValue() == 134 ? out + "\n(the child JVM crashed: a kernel or a copy "
        + "touched memory outside a device array; see " + BUILD + "/hs_err_*.log)" : out;
    return new Result(p.exitValue(), out.lines().toList(), text);
  }

  record Result(int exit, List<String> lines, String text) {
    long count(String prefix) {
      return lines.stream().filter(l -> l.startsWith(prefix)).count();
    }
  }

  /**
   * Widths on and off the 64-wide tiles, two hidden layers, n = 1024: the device opens (and auto
   * picks it), batches match the CPU within the float32 bounds, and every method agrees.
   */
  @Test
  void everyMethodAgreesOnTheEmulatedDevice() throws Exception {
    Result r = child(1L << 32, "7", "64,93", "2", "1024", "11");
    System.out.println(r.text());
    assertEquals(0, r.exit(), r.text());
    assertTrue(r.lines().get(0).startsWith("DEVICE gpu (xcert emulated CUDA device"), r.text());
    assertTrue(r.lines().get(1).startsWith("AUTO gpu ("), r.text());
    assertEquals(2 * (1 + Methods.NAMES.size()), r.count("WITHIN "), r.text());
  }

  /**
   * A device with little memory makes every call split its rows into several chunks (the chunk
   * loops, offsets and accumulation across chunks); results still agree.
   */
  @Test
  void smallDeviceMemoryForcesChunksAndStillAgrees() throws Exception {
    Result r = child(1L << 20, "5", "40", "1", "3000", "5");
    System.out.println(r.text());
    assertEquals(0, r.exit(), r.text());
    assertEquals(1 + Methods.NAMES.size(), r.count("WITHIN "), r.text());
  }
}
