package xcert.ledger.seed001;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import xcert.ledger.Seed001Checks;
import xcert.ledger.SeedRuns;
import xcert.ledger.Verdict;

/**
 * Seed 001's checks in the real ledger: every one of the 25 ids gets a verdict from a check (no
 * error, no missing id), within the default-run budget, and the verdicts the checks found are the
 * ones documented in the README (the failures of Appendix B.4 and Corollary 4.3 included).
 */
class Seed001LedgerTest {

  @Test
  void everySeed001ClaimGetsAVerdictWithinBudget() {
    long t0 = System.nanoTime();
    Map<String, Verdict> v = SeedRuns.verdicts(SeedRuns.run(Seed001Checks.all(), "001", 1, 25));
    double secs = (System.nanoTime() - t0) / 1e9;
    assertEquals(Verdict.FAILS, v.get("001-B.4"));
    assertEquals(Verdict.FAILS, v.get("001-Cor4.3"));
    assertEquals(Verdict.HOLDS, v.get("001-B.2a"));
    assertEquals(Verdict.HOLDS, v.get("001-B.2b"));
    assertTrue(secs < 40, "default run took " + secs + " s");
  }
}
