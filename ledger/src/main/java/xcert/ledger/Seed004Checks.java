package xcert.ledger;

import java.util.List;

/** The checks of the claims of seed 004 (see the seeds' index in the README). */
public final class Seed004Checks {

  private Seed004Checks() {}

  /** Every check of seed 004's claims. */
  public static List<ClaimCheck> all() {
    return List.of();
  }
}
