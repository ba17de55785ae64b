package xcert.ledger.seed001;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import xcert.ledger.ClaimsLedger;
import xcert.ledger.Ledger;
import xcert.ledger.LedgerEntry;
import xcert.ledger.Seed001Checks;
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
    Ledger l = ClaimsLedger.run(Seed001Checks.all(), false, 1, null, s -> { });
    double secs = (System.nanoTime() - t0) / 1e9;
    List<LedgerEntry> mine = l.entries().stream()
        .filter(e -> e.claim().id().startsWith("001-")).toList();
    assertEquals(25, mine.size());
    for (LedgerEntry e : mine) {
      System.out.println(e.claim().id() + " | " + e.verdict());
    }
    System.out.println("seed 001 checks: " + secs + " s");
    Map<String, Verdict> v = mine.stream().collect(Collectors.toMap(e -> e.claim().id(),
        LedgerEntry::verdict));
    for (LedgerEntry e : mine) {
      assertTrue(e.verdict() != Verdict.ERROR && e.verdict() != Verdict.NO_CHECK,
          e.claim().id() + " " + e);
    }
    assertEquals(Verdict.FAILS, v.get("001-B.4"));
    assertEquals(Verdict.FAILS, v.get("001-Cor4.3"));
    assertEquals(Verdict.HOLDS, v.get("001-B.2a"));
    assertEquals(Verdict.HOLDS, v.get("001-B.2b"));
    assertTrue(secs < 40, "default run took " + secs + " s");
  }
}
