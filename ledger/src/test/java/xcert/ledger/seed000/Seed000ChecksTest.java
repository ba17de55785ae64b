package xcert.ledger.seed000;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import xcert.ledger.Finding;
import xcert.ledger.LedgerEntry;
import xcert.ledger.Seed000Checks;
import xcert.ledger.SeedRuns;
import xcert.ledger.Verdict;

/** Seed 000's checks run as in the default ledger: one finding per id, with the expected verdicts. */
class Seed000ChecksTest {

  @Test
  void everyIdOfSeed000GetsTheExpectedVerdict() {
    Map<String, LedgerEntry> found = SeedRuns.run(Seed000Checks.all(), "000", 1, 18);
    for (LedgerEntry e : found.values()) {
      Finding f = e.finding();
      Verdict expected = switch (f.id()) {
        case "000-Def2", "000-Rem2" -> Verdict.HOLDS_UNDER_READING;
        default -> Verdict.HOLDS;
      };
      assertEquals(expected, f.verdict(), f.id() + ": " + f.evidence());
      assertTrue(f.id().startsWith("000-"));
    }
  }
}
