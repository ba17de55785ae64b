package xcert.solvers.claims;

/**
 * The outcome of checking one statement on one instance: it holds, it fails (with a witness that a
 * reader can check by hand), or it is vacuous there (its hypotheses are met by nothing).
 *
 * @param claim which statement and reading, e.g. "Lemma 4.2"
 * @param status the outcome
 * @param witness for a failure, the sets and values that violate the statement; otherwise a summary
 *     of what was checked
 */
public record Verdict(String claim, Status status, String witness) {

  /** Outcomes. */
  public enum Status {
    HOLDS,
    FAILS,
    VACUOUS
  }

  public static Verdict holds(String claim, String checked) {
    return new Verdict(claim, Status.HOLDS, checked);
  }

  public static Verdict fails(String claim, String witness) {
    return new Verdict(claim, Status.FAILS, witness);
  }

  public static Verdict vacuous(String claim, String why) {
    return new Verdict(claim, Status.VACUOUS, why);
  }

  public boolean failed() {
    return status == Status.FAILS;
  }

  @Override
  public String toString() {
    return claim + ": " + status + " (" + witness + ")";
  }
}
