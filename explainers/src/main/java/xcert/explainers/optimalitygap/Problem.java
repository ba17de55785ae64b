package xcert.explainers.optimalitygap;

/**
 * The exact problems a heuristic's top-k set is compared against.
 *
 * <ul>
 *   <li>{@link #SUFFICIENCY}: (P_suf) of seed 004 Eq. 4, min Δsuf(S) = ρ(f(x), f_S(x)) over |S| ≤ τ;
 *   <li>{@link #NECESSITY}: (P_nec) of seed 004 Eq. 5, min Δnec(S) = ρ(f_{S^c}(x), f_∅(x)) over
 *       |S| ≤ τ;
 *   <li>{@link #UNIFIED}: (P_uni) of seed 004 Eq. 7, min α·Δsuf(S) + (1−α)·Δnec(S) over |S| ≤ τ;
 *   <li>{@link #MIN_RELEVANT}: MIN-RELEVANT-INPUT of seed 003 Section 3, the least |S| with
 *       P_{y~V}(Φ(y) = Φ(x) | y_S = x_S) ≥ δ (Boolean classifiers only).
 * </ul>
 *
 * The first three minimise an objective; the last asks for a probability of at least δ.
 */
public enum Problem {
  SUFFICIENCY("P_suf", true),
  NECESSITY("P_nec", true),
  UNIFIED("P_uni", true),
  MIN_RELEVANT("MIN-RELEVANT-INPUT", false);

  private final String label;
  private final boolean minimises;

  Problem(String label, boolean minimises) {
    this.label = label;
    this.minimises = minimises;
  }

  /** The name the seeds use, e.g. "P_suf". */
  public String label() {
    return label;
  }

  /** True for (P_suf), (P_nec), (P_uni): the objective is minimised; false for δ-relevance. */
  public boolean minimises() {
    return minimises;
  }
}
