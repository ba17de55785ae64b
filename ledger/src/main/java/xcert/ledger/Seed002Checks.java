package xcert.ledger;

import java.util.List;

/** The checks of the claims of seed 002 (see the seeds' index in the README). */
public final class Seed002Checks {

  private Seed002Checks() {}

  /** Every check of seed 002's claims. */
  public static List<ClaimCheck> all() {
    return List.of();
  }
}
