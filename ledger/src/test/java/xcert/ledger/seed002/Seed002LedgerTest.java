package xcert.ledger.seed002;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import xcert.ledger.LedgerEntry;
import xcert.ledger.Seed002Checks;
import xcert.ledger.SeedRuns;
import xcert.ledger.Verdict;

/** Seed 002's checks in the ledger's default run: every id decided, the known errata as failures. */
class Seed002LedgerTest {

  @Test
  void everySeed002ClaimGetsItsVerdict() {
    Map<String, LedgerEntry> byId = SeedRuns.run(Seed002Checks.all(), "002", 20261207L, 22);
    // the errata xcert found: Eq. 5's empty set, Theorem 2's curves, Corollary 1 as printed
    assertEquals(Verdict.FAILS, byId.get("002-Eq5").verdict());
    assertEquals(Verdict.FAILS, byId.get("002-Thm2-fit").verdict());
    assertEquals(Verdict.FAILS, byId.get("002-Cor1").verdict());
    assertEquals(Verdict.HOLDS, byId.get("002-Thm1").verdict());
    assertEquals(Verdict.HOLDS_UNDER_READING, byId.get("002-Thm1-err").verdict());
  }
}
