package xcert.ledger;

import java.util.List;
import xcert.ledger.seed003.AdfCheck;
import xcert.ledger.seed003.RateDistortionCheck;
import xcert.ledger.seed003.RdeCheck;
import xcert.ledger.seed003.ReductionsCheck;

/** The checks of the claims of seed 003 (see the seeds' index in the README). */
public final class Seed003Checks {

  private Seed003Checks() {}

  /** Every check of seed 003's claims. */
  public static List<ClaimCheck> all() {
    return List.of(new RateDistortionCheck(), new ReductionsCheck(), new AdfCheck(),
        new RdeCheck());
  }
}
