package xcert.explainers.backend.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import xcert.explainers.backend.gpu.CudaDevice;

/**
 * The PTX the module ships was compiled from the CUDA source in the repository (build-ptx.sh records
 * the source's SHA-256 in its first line), and defines every kernel the host code launches.
 */
class PtxResourceTest {

  static final Path SOURCE = Path.of("src/main/cuda/xcert_kernels.cu");

  static final List<String> KERNELS = List.of("perturb", "dense", "score", "score_gradient", "sum",
      "gradient_moment", "design", "gram", "widen");

  private static String ptx() throws IOException {
    try (InputStream in = CudaDevice.class.getResourceAsStream(CudaDevice.PTX)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  @Test
  void ptxWasCompiledFromTheCurrentSource() throws IOException, NoSuchAlgorithmException {
    String first = ptx().lines().findFirst().orElseThrow();
    String hash = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(SOURCE)));
    assertEquals("// xcert_kernels.cu sha256 " + hash, first,
        "xcert_kernels.cu changed since the PTX was built: run explainers/src/main/cuda/build-ptx.sh");
  }

  @Test
  void ptxDefinesEveryKernelTheHostLaunches() throws IOException {
    String text = ptx();
    for (String k : KERNELS) {
      assertTrue(text.contains(".visible .entry " + k + "("), "kernel " + k + " missing from the PTX");
    }
  }
}
