package xcert.explainers.masks;

/**
 * Which necessity term the relaxed objective of seed 004 Eq. 13 carries.
 *
 * <p>Eq. 13 is stated with Δuni(S, α) = α·Δsuf(S) + (1−α)·Δnec(S), where Definition 2.2 (Eq. 3) sets
 * Δnec(S) = ρ(f_{S^c}(x), f_∅(x)): removing S must take the prediction to the baseline. The
 * optimisation target printed in Appendix A.2 (Eq. 59) instead reads (1−α)·|f(x) − f_{S^c}(x)|. That
 * term is 0 at S = ∅ (then S^c = [d] and f_{S^c}(x) = f(x)) and never negative, so at α = 0 the
 * printed objective is minimised by the empty mask for every model, every x and every V.
 */
public enum NecessityTerm {
  /** (1−α)·|f_{S^c}(x) − f_∅(x)|, Definition 2.2 (Eq. 3) inside Eq. 13. The default. */
  DEFINITION("definition: |f_Sc(x) - f_empty(x)|"),
  /** (1−α)·|f(x) − f_{S^c}(x)|, as printed in Eq. 59; its minimiser at α = 0 is S = ∅. */
  PRINTED("printed Eq. 59: |f(x) - f_Sc(x)|");

  private final String text;

  NecessityTerm(String text) {
    this.text = text;
  }

  /** The term in words, for settings maps. */
  public String describe() {
    return text;
  }
}
