package xcert.explainers.lfa;

/**
 * The interpretable class G of seed 000 Definition 1: linear g(ξ) = wᵀξ (+ b), plain, ridge or lasso,
 * optionally with KernelSHAP's efficiency constraint.
 *
 * <p>The penalty is stated on one of two scales, because the papers and the reference code differ:
 * {@link Scale#SUM} is sklearn's (LIME's Ridge(alpha)): Σ_i π_i r_i² + λ‖w‖², which weakens relative
 * to the data as n grows; {@link Scale#MEAN} is seed 001's Eq. 2–3: (Σ_i π_i r_i²)/(Σ_i π_i) +
 * λ‖w‖², an estimate of E[π ℓ]/E[π] + λ R(w), which has a limit as n → ∞. For lasso the data term
 * is halved, as in sklearn's Lasso. The intercept is never penalised.
 *
 * @param intercept whether g has a free intercept b
 * @param penalty none, ridge (‖w‖²) or lasso (‖w‖₁)
 * @param lambda the penalty's strength (0 for none)
 * @param scale how the data term is normalised against the penalty
 * @param efficiency KernelSHAP's constraints b = f(x0 ⊕ 0) and Σ w = f(x0) − b
 */
public record ModelClass(boolean intercept, Penalty penalty, double lambda, Scale scale,
    boolean efficiency) {

  /** The regulariser R(w). */
  public enum Penalty {
    NONE, RIDGE, LASSO
  }

  /** How the data term is normalised; see the class comment. */
  public enum Scale {
    SUM, MEAN
  }

  public ModelClass {
    if (!(lambda >= 0) || !Double.isFinite(lambda)) {
      throw new IllegalArgumentException("λ must be non-negative and finite, got " + lambda);
    }
    if (penalty == Penalty.NONE && lambda != 0) {
      throw new IllegalArgumentException("λ = " + lambda + " without a penalty");
    }
    if (efficiency && (intercept || penalty != Penalty.NONE)) {
      throw new IllegalArgumentException("the efficiency constraint fixes the intercept and takes "
          + "no penalty");
    }
  }

  /** g(ξ) = wᵀξ, least squares. */
  public static ModelClass linear() {
    return new ModelClass(false, Penalty.NONE, 0, Scale.MEAN, false);
  }

  /** g(ξ) = wᵀξ + b, least squares. */
  public static ModelClass linearWithIntercept() {
    return new ModelClass(true, Penalty.NONE, 0, Scale.MEAN, false);
  }

  /** Ridge with the given intercept choice, strength and scale. */
  public static ModelClass ridge(boolean intercept, double lambda, Scale scale) {
    return new ModelClass(intercept, lambda == 0 ? Penalty.NONE : Penalty.RIDGE, lambda, scale,
        false);
  }

  /** Lasso with the given intercept choice, strength and scale. */
  public static ModelClass lasso(boolean intercept, double lambda, Scale scale) {
    return new ModelClass(intercept, lambda == 0 ? Penalty.NONE : Penalty.LASSO, lambda, scale,
        false);
  }

  /** KernelSHAP's class: b = f(x0 ⊕ 0), Σ w = f(x0) − b, no penalty. */
  public static ModelClass efficient() {
    return new ModelClass(false, Penalty.NONE, 0, Scale.MEAN, true);
  }

  /** The class in words. */
  public String describe() {
    String base = efficiency ? "linear, b = f(x0 ⊕ 0) and Σw = f(x0) − b (efficiency)"
        : intercept ? "linear with intercept" : "linear without intercept";
    return switch (penalty) {
      case NONE -> base;
      case RIDGE -> base + ", ridge λ = " + lambda + " (" + scale.name().toLowerCase() + " scale)";
      case LASSO -> base + ", lasso λ = " + lambda + " (" + scale.name().toLowerCase() + " scale)";
    };
  }
}
