package xcert.ledger;

/**
 * What a check found for one claim.
 *
 * @param id the claim's id
 * @param verdict the verdict
 * @param check what ran: the library call or test and its parameters (instances, grid, n, seed)
 * @param evidence the numbers: what was compared and the outcome; for a failure the smallest
 *     counterexample or the exact values
 * @param criterion for a measurement, the criterion fixed before the run (empty when the claim is
 *     an exact statement checked as such)
 * @param reading for {@link Verdict#HOLDS_UNDER_READING} the reading under which it holds, for
 *     {@link Verdict#NOT_CHECKABLE} why no computation decides it; empty otherwise
 */
public record Finding(String id, Verdict verdict, String check, String evidence, String criterion,
    String reading) {

  public Finding {
    if (id == null || verdict == null || check == null || evidence == null) {
      throw new IllegalArgumentException("a finding needs an id, a verdict, a check and evidence");
    }
    criterion = criterion == null ? "" : criterion;
    reading = reading == null ? "" : reading;
    if ((verdict == Verdict.HOLDS_UNDER_READING || verdict == Verdict.NOT_CHECKABLE)
        && reading.isBlank()) {
      throw new IllegalArgumentException(id + ": a '" + verdict.label() + "' verdict states its"
          + " reading or why");
    }
  }

  public static Finding holds(String id, String check, String evidence) {
    return new Finding(id, Verdict.HOLDS, check, evidence, "", "");
  }

  public static Finding fails(String id, String check, String evidence) {
    return new Finding(id, Verdict.FAILS, check, evidence, "", "");
  }

  /** A measurement judged by a criterion fixed before the run. */
  public static Finding measured(String id, boolean met, String criterion, String check,
      String evidence) {
    return new Finding(id, met ? Verdict.HOLDS : Verdict.FAILS, check, evidence, criterion, "");
  }

  public static Finding underReading(String id, String reading, String check, String evidence) {
    return new Finding(id, Verdict.HOLDS_UNDER_READING, check, evidence, "", reading);
  }

  public static Finding notCheckable(String id, String why) {
    return new Finding(id, Verdict.NOT_CHECKABLE, "none", "", "", why);
  }

  /** Either holds or fails, as {@code holds} says. */
  public static Finding of(String id, boolean holds, String check, String evidence) {
    return new Finding(id, holds ? Verdict.HOLDS : Verdict.FAILS, check, evidence, "", "");
  }
}
