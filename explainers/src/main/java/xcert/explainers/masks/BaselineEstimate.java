package xcert.explainers.masks;

/**
 * How the relaxed necessity term |f̂_{S^c}(x) − f̂_∅(x)| of seed 004 Eq. 13 (Definition 2.2) estimates
 * the baseline f_∅(x) = E_V f(X) at each step.
 *
 * <p>In Appendix A.2 V is a point mass (the mean image), so f_∅(x) is one evaluation and there is
 * nothing to choose. When V has spread, f̂_{S^c}(x) carries the sampling noise of the K reference
 * rows b_k in every feature that the mask removes; near a mask that removes the relevant features
 * that noise is as large as the term itself, and the sign of f̂_{S^c}(x) − f̂_∅(x), which sets the
 * direction of the gradient, is decided by noise when f̂_∅(x) is a fixed number. Pairing the baseline
 * with the same rows, f̂_∅(x) = (1/K)·Σ_k f(b_k), cancels the noise where m̃ = 1 (there
 * X̃^c_k = b_k) and leaves an estimate with the same expectation.
 */
public enum BaselineEstimate {
  /** f̂_∅(x) = (1/K)·Σ_k f(b_k) with the step's own reference rows (common random numbers). */
  PAIRED("paired: mean f(b_k) over the step's reference rows"),
  /** f̂_∅(x) fixed, estimated once from evaluationSamples rows before the optimisation. */
  FIXED("fixed: one estimate before the optimisation");

  private final String text;

  BaselineEstimate(String text) {
    this.text = text;
  }

  /** The rule in words, for settings maps. */
  public String describe() {
    return text;
  }
}
