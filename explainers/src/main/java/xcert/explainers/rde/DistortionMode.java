package xcert.explainers.rde;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How RDE (seed 003 Section 4) evaluates the distortion D(s) of Eq. (3): by assumed density
 * filtering with a diagonal, low-rank or full covariance (Section 4.3; ReLU networks only), or by
 * Monte Carlo over rows of V with a fixed seed (any model with a {@link
 * xcert.explainers.relax.SmoothModel}).
 */
public enum DistortionMode {
  DIAGONAL("diag", "ADF diagonal"),
  LOW_RANK("low-rank", "ADF low-rank"),
  FULL("full", "ADF full covariance"),
  SAMPLES("samples", "Monte Carlo over rows of V");

  private final String cliName;
  private final String description;

  DistortionMode(String cliName, String description) {
    this.cliName = cliName;
    this.description = description;
  }

  /** The name on the command line: diag, low-rank, full, samples. */
  public String cliName() {
    return cliName;
  }

  /** For settings and provenance, e.g. "ADF diagonal". */
  public String description() {
    return description;
  }

  /** True for the three ADF modes. */
  public boolean isAdf() {
    return this != SAMPLES;
  }

  /**
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static DistortionMode fromCli(String name) {
    for (DistortionMode m : values()) {
      if (m.cliName.equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown distortion mode '" + name + "', expected one of "
        + Arrays.stream(values()).map(DistortionMode::cliName).collect(Collectors.joining(", ")));
  }
}
