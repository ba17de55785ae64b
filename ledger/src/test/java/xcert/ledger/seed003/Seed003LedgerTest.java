package xcert.ledger.seed003;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import xcert.ledger.ClaimsLedger;
import xcert.ledger.Ledger;
import xcert.ledger.LedgerEntry;
import xcert.ledger.Seed003Checks;
import xcert.ledger.Verdict;

/** Seed 002's checks in the ledger's default run: every id decided, the known erratum as a failure. */
class Seed003LedgerTest {

  @Test
  void everySeed003ClaimGetsItsVerdict() {
    Ledger l = ClaimsLedger.run(Seed003Checks.all(), false, 20261207L, null, null);
    Map<String, LedgerEntry> byId = l.entries().stream()
        .filter(e -> e.claim().seed().equals("003"))
        .collect(Collectors.toMap(e -> e.claim().id(), e -> e));
    byId.values().forEach(e -> System.out.println(e.claim().id() + "\t" + e.verdict().label()
        + "\t" + e.seconds() + "\t" + e.finding().evidence()));
    System.out.println("seconds " + l.seconds());
    for (LedgerEntry e : byId.values()) {
      assertTrue(e.verdict() != Verdict.ERROR && e.verdict() != Verdict.NO_CHECK,
          e.claim().id() + ": " + e.finding().evidence());
    }
    assertEquals(21, byId.size());
    // the erratum xcert found: σ in the ADF mean is the standard deviation, not the variance
    assertEquals(Verdict.FAILS, byId.get("003-ADF-mean").verdict());
    assertEquals(Verdict.HOLDS, byId.get("003-§2-D").verdict());
  }
}

