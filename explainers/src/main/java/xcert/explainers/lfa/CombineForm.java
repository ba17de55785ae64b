package xcert.explainers.lfa;

import java.util.Objects;
import xcert.explainers.backend.LfaPlan;

/**
 * A combination ⊕ (seed 000 Definition 1) as a device code and its reference, the form in which
 * {@link LfaPlan} carries it; {@link LfaPlan.Combine} defines each code.
 *
 * @param combine the code
 * @param reference r of the mask combination; empty for the additive and multiplicative ones, whose
 *     plan reference is zeros
 */
public record CombineForm(LfaPlan.Combine combine, double[] reference) {

  public CombineForm {
    Objects.requireNonNull(combine);
    reference = reference.clone();
    if (combine != LfaPlan.Combine.MASK && reference.length != 0) {
      throw new IllegalArgumentException(combine + " takes no reference");
    }
  }

  @Override
  public double[] reference() {
    return reference.clone();
  }

  /**
   * The plan's reference for d features: r for the mask combination, zeros otherwise.
   *
   * @throws IllegalArgumentException when the mask's r does not have d values
   */
  public double[] reference(int d) {
    if (combine != LfaPlan.Combine.MASK) {
      return new double[d];
    }
    if (reference.length != d) {
      throw new IllegalArgumentException("reference has length " + reference.length + ", x0 has "
          + d);
    }
    return reference.clone();
  }
}
