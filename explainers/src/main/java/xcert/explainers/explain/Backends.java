package xcert.explainers.explain;

import java.util.Optional;
import xcert.explainers.backend.Backend;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.backend.gpu.CudaDevice;
import xcert.explainers.backend.gpu.GpuBackend;
import xcert.solvers.errors.InputException;

/**
 * Chooses a backend ({@link BackendChoice}): {@code cpu}, {@code gpu} or {@code auto} (the GPU when a
 * CUDA device is present, else the CPU). {@code gpu} without a device is refused with a one-line
 * reason.
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
   * The backend of a choice.
   *
   * @throws InputException (setting {@code backend}) for {@code GPU} without a device
   */
  public static Backend select(BackendChoice choice) {
    return switch (choice) {
      case CPU -> CpuBackend.allCores();
      case AUTO -> gpu().orElseGet(CpuBackend::allCores);
      case GPU -> gpu().orElseThrow(() -> InputException.setting("backend",
          "no CUDA GPU is available: " + whyNoGpu() + "; choose the cpu or auto backend"));
    };
  }

  /**
   * The backend named by {@code choice} ({@link BackendChoice#id}).
   *
   * @throws IllegalArgumentException for an unknown name, or {@code gpu} without a device
   */
  public static Backend select(String choice) {
    try {
      return select(BackendChoice.fromId(choice));
    } catch (InputException e) {
      throw new IllegalArgumentException(e.problem());
    }
  }
}
