package xcert.ledger;

import java.util.List;
import xcert.ledger.seed001.Figure2Check;
import xcert.ledger.seed001.LimeObjectiveCheck;
import xcert.ledger.seed001.LocalityCheck;
import xcert.ledger.seed001.MetricsCheck;
import xcert.ledger.seed001.PartitionFunctionCheck;
import xcert.ledger.seed001.ProofOfTheoremB1Check;
import xcert.ledger.seed001.ReferenceIndependenceCheck;
import xcert.ledger.seed001.ReweightingEquivalenceCheck;
import xcert.ledger.seed001.SampleComplexityCheck;
import xcert.ledger.seed001.SamplingDistributionsCheck;
import xcert.ledger.seed001.SmoothGradCheck;
import xcert.ledger.seed001.StatedNumbersCheck;
import xcert.ledger.seed001.UnifiedMethodsCheck;

/** The checks of the claims of seed 001 (see the seeds' index in the README). */
public final class Seed001Checks {

  private Seed001Checks() {}

  /** Every check of seed 001's claims (package {@code xcert.ledger.seed001}). */
  public static List<ClaimCheck> all() {
    return List.of(new LimeObjectiveCheck(), new ReweightingEquivalenceCheck(),
        new PartitionFunctionCheck(), new UnifiedMethodsCheck(), new SmoothGradCheck(),
        new StatedNumbersCheck(), new Figure2Check(), new ProofOfTheoremB1Check(),
        new SampleComplexityCheck(), new LocalityCheck(), new ReferenceIndependenceCheck(),
        new SamplingDistributionsCheck(), new MetricsCheck());
  }
}
