package xcert.ledger.seed000;

import java.util.List;
import xcert.ledger.Finding;
import xcert.solvers.claims.Verdict;

/**
 * Turns the per-instance {@link Verdict}s of the library checks into one ledger {@link Finding}:
 * it fails with the first failing instance's witness, holds when at least one instance held and
 * none failed; when every instance was vacuous it throws (the ledger records an error: a check
 * whose instances never meet the hypotheses decides nothing, and that is a defect of the check).
 */
public final class Verdicts {

  private Verdicts() {}

  /** One finding from the verdicts of every instance, with {@code check} naming what ran. */
  public static Finding finding(String id, String check, List<Verdict> verdicts) {
    int held = 0;
    int vacuous = 0;
    Verdict firstHeld = null;
    for (Verdict v : verdicts) {
      switch (v.status()) {
        case FAILS -> {
          return Finding.fails(id, check, "first failure: " + v.claim() + ": " + v.witness()
              + " (" + verdicts.size() + " instances)");
        }
        case HOLDS -> {
          held++;
          if (firstHeld == null) {
            firstHeld = v;
          }
        }
        default -> vacuous++;
      }
    }
    if (held == 0) {
      throw new IllegalStateException(id + ": no instance met the hypotheses (" + vacuous
          + " vacuous)");
    }
    return Finding.holds(id, check, held + " of " + verdicts.size() + " instances held, " + vacuous
        + " vacuous, none failed; e.g. " + firstHeld.claim() + ": " + firstHeld.witness());
  }
}
