package xcert.ledger;

/** The verdict of a claim in the ledger. */
public enum Verdict {
  /** A check ran and the claim held on everything it covered. */
  HOLDS("holds"),
  /** A check ran and found a counterexample or numbers that contradict the claim. */
  FAILS("fails"),
  /** The claim holds only under a reading the entry states (the literal reading fails or is vague). */
  HOLDS_UNDER_READING("holds under a reading"),
  /** No finite computation can decide the claim (the entry says why). */
  NOT_CHECKABLE("not checkable"),
  /** No check covers the claim yet. */
  NO_CHECK("no check yet"),
  /** The check itself failed to run (a defect of xcert, never a verdict on the claim). */
  ERROR("error");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether a check decided the claim: holds, fails, or holds under a reading. */
  public boolean decided() {
    return this == HOLDS || this == FAILS || this == HOLDS_UNDER_READING;
  }
}
