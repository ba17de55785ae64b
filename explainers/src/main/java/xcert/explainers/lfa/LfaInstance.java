package xcert.explainers.lfa;

import java.util.Objects;
import java.util.Optional;
import xcert.explainers.backend.LfaPlan;

/**
 * One instance of local function approximation (seed 000 Definition 1): neighbourhood Z,
 * combination ⊕, sample weight π, loss ℓ, target, and class G. Every sampled explainer of xcert is
 * one of these ({@link xcert.explainers.methods.Methods} lists them); {@link LfaExplainer} runs any of
 * them.
 *
 * @param name the method's name
 * @param neighbourhood Z
 * @param combination ⊕
 * @param kernel π (usually none)
 * @param loss squared error or gradient matching
 * @param target what g is fitted to under squared error
 * @param modelClass G
 * @param paired whether every odd sample is the complement 1 − ξ of the one before (KernelSHAP's
 *     paired sampling; binary neighbourhoods only)
 */
public record LfaInstance(String name, Neighbourhood neighbourhood, Combination combination,
    Kernel kernel, Loss loss, Target target, ModelClass modelClass, boolean paired) {

  public LfaInstance {
    Objects.requireNonNull(name);
    Objects.requireNonNull(neighbourhood);
    Objects.requireNonNull(combination);
    Objects.requireNonNull(kernel);
    Objects.requireNonNull(loss);
    Objects.requireNonNull(target);
    Objects.requireNonNull(modelClass);
    if (paired && !neighbourhood.isBinary()) {
      throw new IllegalArgumentException("paired sampling needs a binary neighbourhood");
    }
    if (loss == Loss.GRADIENT_MATCHING && (target != Target.VALUE || modelClass.intercept()
        || modelClass.efficiency() || modelClass.penalty() != ModelClass.Penalty.NONE)) {
      throw new IllegalArgumentException("gradient matching fits w alone: no target, intercept, "
          + "constraint or penalty");
    }
  }

  /**
   * This instance run at x0 on n samples of the stream seeded with {@code seed}, as a plan a device
   * can execute ({@link LfaPlan}): the device forms of Z, ⊕ and π, what is fitted (gradients for
   * gradient matching, else the value or the drop target), G's intercept and efficiency
   * constraint, and this combination's Jacobian diagonal and x0 ⊕ 0. The penalty and λ are not
   * part of the plan: the host solves the normal equations of the returned sums. Empty when Z, ⊕ or
   * π has no device form.
   *
   * @throws IllegalArgumentException when the mask's reference does not have x0's length, or n &lt; 1
   */
  public Optional<LfaPlan> plan(double[] x0, long n, long seed) {
    Optional<NoiseForm> z = neighbourhood.deviceForm();
    Optional<CombineForm> c = combination.deviceForm();
    Optional<WeightForm> w = kernel.deviceForm();
    if (z.isEmpty() || c.isEmpty() || w.isEmpty()) {
      return Optional.empty();
    }
    LfaPlan.Fit fit = loss == Loss.GRADIENT_MATCHING ? LfaPlan.Fit.GRADIENT
        : target == Target.DROP ? LfaPlan.Fit.DROP : LfaPlan.Fit.VALUE;
    double[] reference = c.get().reference(x0.length);  // refuses a mask of another length
    double[] jacobian = new double[x0.length];
    combination.jacobianDiagonal(x0, jacobian);
    double[] base = new double[x0.length];
    combination.apply(x0, new double[x0.length], base);
    return Optional.of(new LfaPlan(z.get().noise(), z.get().p0(), z.get().p1(), paired,
        c.get().combine(), reference, w.get().weight(), w.get().width(), fit,
        modelClass.intercept(), modelClass.efficiency(), x0, jacobian, base, n, seed));
  }

  /** The instance in words, one component per line. */
  public String describe() {
    return "Z: " + neighbourhood.describe() + (paired ? ", paired with complements" : "") + "\n"
        + "⊕: " + combination.describe() + "\n"
        + "π: " + kernel.describe() + "\n"
        + "ℓ: " + (loss == Loss.SQUARED_ERROR
            ? (target == Target.DROP ? "(f(x0) − f(x0 ⊕ (1−ξ)) − g(ξ))²" : "(f(x0 ⊕ ξ) − g(ξ))²")
            : "‖∇_ξ f(x0 ⊕ ξ) − ∇_ξ g(ξ)‖²") + "\n"
        + "G: " + modelClass.describe();
  }
}
