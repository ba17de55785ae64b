package xcert.explainers.backend;

import java.util.Optional;

/**
 * Chooses a backend by name: {@code cpu}, {@code gpu} or {@code auto} (the GPU when one is present,
 * else the CPU). This build has the CPU backend only; {@code gpu} is refused with a message and
 * {@code auto} picks the CPU.
 */
public final class Backends {

  private Backends() {}

  /** The GPU backend, when one is built in and a device is present; none in this build. */
  public static Optional<Backend> gpu() {
    return Optional.empty();
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
          "no GPU backend is available (this build has none, or no CUDA device is present); "
              + "use --backend cpu"));
      default -> throw new IllegalArgumentException("'" + choice + "' is not a backend; expected "
          + "auto, cpu or gpu");
    };
  }
}
