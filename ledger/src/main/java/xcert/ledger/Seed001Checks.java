package xcert.ledger;

import java.util.List;

/** The checks of the claims of seed 001 (see the seeds' index in the README). */
public final class Seed001Checks {

  private Seed001Checks() {}

  /** Every check of seed 001's claims. */
  public static List<ClaimCheck> all() {
    return List.of();
  }
}
