package xcert.explainers.rde;

/**
 * The expected distortion of RDE, seed 003 Eq. (3), D(s) = E_{y~V_s} ½(Φ(x) − Φ(y))² =
 * ½(Φ(x) − E Φ(y))² + ½ V Φ(y), with y = x ⊙ s + n ⊙ (1 − s), n ~ V (Eq. (2)), as a function of the
 * relevance map s ∈ [0,1]^d, with its gradient. Implementations are deterministic functions of s.
 */
public interface Distortion {

  int dimension();

  /**
   * D(s), and ∇_s D(s) written to {@code gradient} when it is not null.
   *
   * @param s the relevance map, d entries
   * @param gradient d entries to overwrite, or null
   */
  double evaluate(double[] s, double[] gradient);

  /** For settings and provenance, e.g. "ADF diagonal". */
  String describe();
}
