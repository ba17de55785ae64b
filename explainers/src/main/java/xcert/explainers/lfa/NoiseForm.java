package xcert.explainers.lfa;

import java.util.Objects;
import xcert.explainers.backend.LfaPlan;

/**
 * A neighbourhood Z (seed 000 Definition 1) as a device code and its two parameters, the form in
 * which {@link LfaPlan} carries it; {@link LfaPlan.Noise} defines each code's perturbation exactly.
 *
 * @param noise the code
 * @param p0 its first parameter
 * @param p1 its second parameter (0 where unused)
 */
public record NoiseForm(LfaPlan.Noise noise, double p0, double p1) {

  public NoiseForm {
    Objects.requireNonNull(noise);
  }
}
