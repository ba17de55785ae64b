package xcert.explainers.lfa;

/** The loss ℓ of seed 000 Definition 1. */
public enum Loss {
  /** (y(ξ) − g(ξ))², with y the target ({@link Target}). */
  SQUARED_ERROR,
  /** ‖∇_ξ f(x0 ⊕ ξ) − ∇_ξ g(ξ)‖² (seed 000 Eq. 2); its minimiser is E[∇_ξ f(x0 ⊕ ξ)]. */
  GRADIENT_MATCHING
}
