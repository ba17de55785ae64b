package xcert.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The ledger's bookkeeping: every claim once, findings only for declared ids, errors kept apart. */
class ClaimsLedgerTest {

  private static ClaimCheck check(List<String> ids, java.util.function.Function<CheckContext,
      List<Finding>> body) {
    return new ClaimCheck() {
      @Override
      public List<String> ids() {
        return ids;
      }

      @Override
      public List<Finding> run(CheckContext context) {
        return body.apply(context);
      }
    };
  }

  @Test
  void theClaimsListHasTheSeedsHundredAndTwelveIdsOnce() {
    List<Claim> claims = ClaimsLedger.claims();
    assertEquals(112, claims.size());
    assertEquals(112, claims.stream().map(Claim::id).distinct().count());
    for (Claim c : claims) {
      assertTrue(c.id().matches("00[0-4]-.+"), c.id());
      assertTrue(c.statement().length() > 10, c.id());
    }
  }

  @Test
  void everyClaimGetsOneEntryAndUncoveredOnesSayNoCheck() {
    ClaimCheck k = check(List.of("002-Eq5"), ctx -> List.of(Finding.holds("002-Eq5", "x", "y")));
    Ledger l = ClaimsLedger.run(List.of(k), false, 1, null, null);
    assertEquals(112, l.entries().size());
    assertEquals(1, l.decided());
    assertEquals(Verdict.HOLDS, l.entries().stream().filter(e -> e.claim().id().equals("002-Eq5"))
        .findFirst().orElseThrow().verdict());
    assertEquals(111, (int) l.counts().get(Verdict.NO_CHECK));
  }

  @Test
  void aThrowingCheckGivesErrorEntriesNotVerdicts() {
    ClaimCheck k = check(List.of("002-Eq5", "002-Lem1"), ctx -> {
      throw new IllegalStateException("boom");
    });
    Ledger l = ClaimsLedger.run(List.of(k), false, 1, null, null);
    assertEquals(2, (int) l.counts().get(Verdict.ERROR));
    assertEquals(0, l.decided());
  }

  @Test
  void undeclaredDuplicateOrMissingFindingsAreDefects() {
    ClaimCheck extra = check(List.of("002-Eq5"), ctx -> List.of(Finding.holds("002-Eq5", "x", "y"),
        Finding.holds("002-Lem1", "x", "y")));
    assertThrows(IllegalStateException.class,
        () -> ClaimsLedger.run(List.of(extra), false, 1, null, null));
    ClaimCheck none = check(List.of("002-Eq5"), ctx -> List.of());
    assertThrows(IllegalStateException.class,
        () -> ClaimsLedger.run(List.of(none), false, 1, null, null));
    ClaimCheck a = check(List.of("002-Eq5"), ctx -> List.of(Finding.holds("002-Eq5", "x", "y")));
    assertThrows(IllegalStateException.class,
        () -> ClaimsLedger.run(List.of(a, a), false, 1, null, null));
    ClaimCheck unknown = check(List.of("009-X"), ctx -> List.of());
    assertThrows(IllegalStateException.class,
        () -> ClaimsLedger.run(List.of(unknown), false, 1, null, null));
  }

  @Test
  void qualifiedVerdictsMustSayTheirReading() {
    assertThrows(IllegalArgumentException.class,
        () -> Finding.underReading("002-Eq5", " ", "x", "y"));
    assertThrows(IllegalArgumentException.class, () -> Finding.notCheckable("002-Eq5", ""));
  }

  @Test
  void theRealLedgerRunsWithoutErrors() {
    Ledger l = ClaimsLedger.run(false, ClaimsLedgerStudy.SEED, null, null);
    assertEquals(0, (int) l.counts().get(Verdict.ERROR), l.entries().stream()
        .filter(e -> e.verdict() == Verdict.ERROR).map(e -> e.claim().id() + ": "
            + e.finding().evidence()).toList().toString());
    // every claim has a check; at least 105 of the 112 are decided (holds, fails, or holds under
    // a stated reading), the others say why no computation decides them
    assertEquals(0, (int) l.counts().get(Verdict.NO_CHECK));
    assertTrue(l.decided() >= 105, l.decided() + " decided");
    for (LedgerEntry e : l.entries()) {
      assertTrue(!e.finding().check().isBlank() && (e.verdict() == Verdict.NOT_CHECKABLE
          || !e.finding().evidence().isBlank()), e.claim().id() + " has no check or evidence");
    }
  }
}
