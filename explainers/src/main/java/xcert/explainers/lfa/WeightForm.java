package xcert.explainers.lfa;

import java.util.Objects;
import xcert.explainers.backend.LfaPlan;

/**
 * A sample weight π (seed 001 Eq. 2) as a device code and its kernel width, the form in which
 * {@link LfaPlan} carries it; {@link LfaPlan.Weight} defines each code.
 *
 * @param weight the code
 * @param width LIME's kernel width w (0 for {@link LfaPlan.Weight#NONE})
 */
public record WeightForm(LfaPlan.Weight weight, double width) {

  public WeightForm {
    Objects.requireNonNull(weight);
  }
}
