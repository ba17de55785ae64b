package xcert.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The seed tests' common step: one seed's checks run through the ledger, by claim id. */
public final class SeedRuns {

  private SeedRuns() {}

  /**
   * Runs {@code checks} in the ledger's default grids with {@code rngSeed} and returns the entries
   * of seed {@code seed} by id, after asserting that there are {@code count} of them, none an error
   * and none without a check.
   */
  public static Map<String, LedgerEntry> run(List<ClaimCheck> checks, String seed, long rngSeed,
      int count) {
    Ledger l = ClaimsLedger.run(checks, false, rngSeed, null, null);
    Map<String, LedgerEntry> byId = l.entries().stream()
        .filter(e -> e.claim().seed().equals(seed))
        .collect(Collectors.toMap(e -> e.claim().id(), e -> e));
    byId.values().forEach(e -> System.out.println(e.claim().id() + "\t" + e.verdict().label()
        + "\t" + e.seconds() + "\t" + e.finding().evidence()));
    System.out.println("seed " + seed + " checks: " + l.seconds() + " s");
    for (LedgerEntry e : byId.values()) {
      assertTrue(e.verdict() != Verdict.ERROR && e.verdict() != Verdict.NO_CHECK,
          e.claim().id() + ": " + e.finding().evidence());
    }
    assertEquals(count, byId.size());
    return byId;
  }

  /** The verdicts of {@link #run}'s entries. */
  public static Map<String, Verdict> verdicts(Map<String, LedgerEntry> byId) {
    return byId.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        e -> e.getValue().verdict()));
  }
}
