package xcert.ledger;

import java.util.List;

/** The checks of the claims of seed 000 (see the seeds' index in the README). */
public final class Seed000Checks {

  private Seed000Checks() {}

  /** Every check of seed 000's claims. */
  public static List<ClaimCheck> all() {
    return List.of();
  }
}
