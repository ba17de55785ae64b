package xcert.solvers.stream;

/** The semivalues the stream computes (seed 004, Section 5.2). */
public enum Semivalue {
  /** ω(s) = s!(m−s−1)!/m!. */
  SHAPLEY("shapley"),
  /** ω(s) = 2^{−(m−1)}. */
  BANZHAF("banzhaf");

  private final String id;

  Semivalue(String id) {
    this.id = id;
  }

  /** "shapley" or "banzhaf". */
  public String id() {
    return id;
  }
}
