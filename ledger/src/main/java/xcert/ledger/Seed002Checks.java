package xcert.ledger;

import java.util.List;
import xcert.ledger.seed002.DefinitionsCheck;
import xcert.ledger.seed002.FitsCheck;
import xcert.ledger.seed002.Footnote1Check;
import xcert.ledger.seed002.GroupedCheck;
import xcert.ledger.seed002.LpBoundsCheck;
import xcert.ledger.seed002.SumOfPartsCheck;

/** The checks of the claims of seed 002 (see the seeds' index in the README). */
public final class Seed002Checks {

  private Seed002Checks() {}

  /** Every check of seed 002's claims. */
  public static List<ClaimCheck> all() {
    return List.of(new DefinitionsCheck(), new LpBoundsCheck(), new FitsCheck(), new SumOfPartsCheck(),
        new Footnote1Check(), new GroupedCheck());
  }
}
