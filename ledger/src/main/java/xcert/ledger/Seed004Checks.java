package xcert.ledger;

import java.util.List;
import xcert.ledger.seed004.DefinitionChecks;
import xcert.ledger.seed004.Figure1aShapes;
import xcert.ledger.seed004.Hardness;
import xcert.ledger.seed004.RelaxedMasks;
import xcert.ledger.seed004.Section62;
import xcert.ledger.seed004.ShapleyChecks;
import xcert.ledger.seed004.SolutionPath;
import xcert.ledger.seed004.UnifiedTheorems;

/** The checks of the claims of seed 004 (see the seeds' index in the README). */
public final class Seed004Checks {

  private Seed004Checks() {}

  /** Every check of seed 004's claims. */
  public static List<ClaimCheck> all() {
    return List.of(new DefinitionChecks(), new UnifiedTheorems(), new SolutionPath(),
        new ShapleyChecks(), new Hardness(), new RelaxedMasks(), new Figure1aShapes(),
        new Section62());
  }
}
