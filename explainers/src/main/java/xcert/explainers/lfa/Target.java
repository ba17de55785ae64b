package xcert.explainers.lfa;

/** What g(ξ) is fitted to under the squared-error loss. */
public enum Target {
  /** f(x0 ⊕ ξ): every method of seed 000 Table 1 but Occlusion. */
  VALUE,
  /**
   * Δf = f(x0) − f(x0 ⊕ (1 − ξ)): the drop when the features where ξ = 1 are removed (Occlusion,
   * seed 000 A.2.3).
   */
  DROP
}
