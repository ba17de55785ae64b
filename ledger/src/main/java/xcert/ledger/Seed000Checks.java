package xcert.ledger;

import java.util.List;
import xcert.ledger.seed000.CLimeDefinition;
import xcert.ledger.seed000.IntegratedGradientsAsLfa;
import xcert.ledger.seed000.LfaIdentities;
import xcert.ledger.seed000.LossChecks;
import xcert.ledger.seed000.ModifiedLossRecovery;
import xcert.ledger.seed000.NoFreeLunch;
import xcert.ledger.seed000.SinusoidalRecovery;

/** The checks of the claims of seed 000 (see the seeds' index in the README). */
public final class Seed000Checks {

  private Seed000Checks() {}

  /** Every check of seed 000's claims. */
  public static List<ClaimCheck> all() {
    return List.of(new LossChecks(), new LfaIdentities(), new IntegratedGradientsAsLfa(),
        new CLimeDefinition(), new NoFreeLunch(), new ModifiedLossRecovery(),
        new SinusoidalRecovery());
  }
}
