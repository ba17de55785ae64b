package xcert.ledger.seed003;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import xcert.ledger.LedgerEntry;
import xcert.ledger.Seed003Checks;
import xcert.ledger.SeedRuns;
import xcert.ledger.Verdict;

/** Seed 003's checks in the ledger's default run: every id decided, the known erratum as a failure. */
class Seed003LedgerTest {

  @Test
  void everySeed003ClaimGetsItsVerdict() {
    Map<String, LedgerEntry> byId = SeedRuns.run(Seed003Checks.all(), "003", 20261207L, 21);
    // the erratum xcert found: σ in the ADF mean is the standard deviation, not the variance
    assertEquals(Verdict.FAILS, byId.get("003-ADF-mean").verdict());
    assertEquals(Verdict.HOLDS, byId.get("003-§2-D").verdict());
  }
}

