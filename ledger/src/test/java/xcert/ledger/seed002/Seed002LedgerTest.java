package xcert.ledger.seed002;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import xcert.ledger.ClaimsLedger;
import xcert.ledger.Ledger;
import xcert.ledger.LedgerEntry;
import xcert.ledger.Seed002Checks;
import xcert.ledger.Verdict;

/** Seed 002's checks in the ledger's default run: every id decided, the known errata as failures. */
class Seed002LedgerTest {

  @Test
  void everySeed002ClaimGetsItsVerdict() {
    Ledger l = ClaimsLedger.run(Seed002Checks.all(), false, 20261207L, null, null);
    Map<String, LedgerEntry> byId = l.entries().stream()
        .filter(e -> e.claim().seed().equals("002"))
        .collect(Collectors.toMap(e -> e.claim().id(), e -> e));
    byId.values().forEach(e -> System.out.println(e.claim().id() + "\t" + e.verdict().label()
        + "\t" + e.seconds() + "\t" + e.finding().evidence()));
    System.out.println("seconds " + l.seconds());
    for (LedgerEntry e : byId.values()) {
      assertTrue(e.verdict() != Verdict.ERROR && e.verdict() != Verdict.NO_CHECK,
          e.claim().id() + ": " + e.finding().evidence());
    }
    assertEquals(22, byId.size());
    // the errata xcert found: Eq. 5's empty set, Theorem 2's curves, Corollary 1 as printed
    assertEquals(Verdict.FAILS, byId.get("002-Eq5").verdict());
    assertEquals(Verdict.FAILS, byId.get("002-Thm2-fit").verdict());
    assertEquals(Verdict.FAILS, byId.get("002-Cor1").verdict());
    assertEquals(Verdict.HOLDS, byId.get("002-Thm1").verdict());
    assertEquals(Verdict.HOLDS_UNDER_READING, byId.get("002-Thm1-err").verdict());
  }
}
