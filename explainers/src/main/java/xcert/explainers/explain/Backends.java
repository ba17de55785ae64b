package xcert.explainers.explain;

import xcert.explainers.backend.gpu.GpuBackend;

import xcert.explainers.backend.CpuBackend;

import xcert.explainers.backend.Backend;

import java.util.Optional;
import xcert.explainers.backend.gpu.CudaDevice;

/**
 * Chooses a backend by name: {@code cpu}, {@code gpu} or {@code auto} (the GPU when a CUDA device is
 * present, else the CPU). {@code gpu} without a device is refused with a one-line reason.
 */
public final class Backends {

  private static GpuBackend gpu;

  private Backends() {}

  /** The GPU backend when a CUDA device is present and xcert's kernels load on it. */
  public static synchronized Optional<Backend> gpu() {
    if (gpu == null) {
      Optional<CudaDevice> device = CudaDevice.open();
      if (device.isEmpty()) {
        return Optional.empty();
      }
      gpu = new GpuBackend(device.get());
    }
    return Optional.of(gpu);
  }

  /** Why there is no GPU backend, in one line (meaningful when {@link #gpu} is empty). */
  public static String whyNoGpu() {
    return CudaDevice.whyUnavailable();
  }

  /**
   * The backend named by {@code choice}.
   *
   * @throws IllegalArgumentException for an unknown name, or {@code gpu} without a device
   */
  public static Backend select(String choice) {
    return switch (choice) {
      case "cpu" -> CpuBackend.allCores();
      case "auto" -> gpu().orElseGet(CpuBackend::allCores);
      case "gpu" -> gpu().orElseThrow(() -> new IllegalArgumentException(
          "no CUDA GPU is available: " + whyNoGpu() + "; use --backend cpu or auto"));
      default -> throw new IllegalArgumentException("'" + choice + "' is not a backend; expected "
          + "auto, cpu or gpu");
    };
  }
}
