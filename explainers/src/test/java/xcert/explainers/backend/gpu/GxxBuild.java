package xcert.explainers.backend.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Builds a C++ source of {@code src/test/cuda} with g++ (C++20, -O1, -pthread) for the tests that
 * run xcert's CUDA kernels under the CPU emulation ({@link KernelEmulationTest},
 * {@link EmulatedDriverTest}).
 */
final class GxxBuild {

  private GxxBuild() {}

  /**
   * Compiles {@code source} into {@code out} with the extra {@code flags}.
   *
   * @param what what is being built, for the failure message
   * @return {@code out}, or empty when this machine has no g++
   * @throws org.opentest4j.AssertionFailedError when g++ reports an error or takes over 180 s
   */
  static Optional<Path> compile(Path out, String source, String what, String... flags)
      throws IOException, InterruptedException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    List<String> cmd = new ArrayList<>(List.of("g++", "-std=c++20", "-O1", "-pthread"));
    cmd.addAll(List.of(flags));
    cmd.addAll(List.of("-o", out.toString(), source));
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      return Optional.empty();
    }
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "g++ took over 180 s to build " + what);
    assertEquals(0, p.exitValue(), what + " does not compile:\n" + log);
    return Optional.of(out);
  }
}
