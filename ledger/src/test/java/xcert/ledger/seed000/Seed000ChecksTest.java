package xcert.ledger.seed000;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;
import xcert.ledger.Seed000Checks;
import xcert.ledger.Verdict;

/** Seed 000's checks run as in the default ledger: one finding per id, with the expected verdicts. */
class Seed000ChecksTest {

  @Test
  void everyIdOfSeed000GetsTheExpectedVerdict() {
    CheckContext ctx = new CheckContext(false, 1, null, null);
    Map<String, Finding> found = new HashMap<>();
    long t0 = System.nanoTime();
    for (ClaimCheck c : Seed000Checks.all()) {
      long t = System.nanoTime();
      List<Finding> fs = c.run(ctx);
      System.out.printf("%s: %.2f s%n", c.getClass().getSimpleName(), (System.nanoTime() - t) / 1e9);
      assertEquals(c.ids().size(), fs.size());
      for (Finding f : fs) {
        System.out.println("  " + f.id() + " " + f.verdict() + " | " + f.evidence());
        found.put(f.id(), f);
      }
    }
    System.out.printf("seed 000 total: %.2f s%n", (System.nanoTime() - t0) / 1e9);
    assertEquals(18, found.size());
    for (Finding f : found.values()) {
      Verdict expected = switch (f.id()) {
        case "000-Def2", "000-Rem2" -> Verdict.HOLDS_UNDER_READING;
        default -> Verdict.HOLDS;
      };
      assertEquals(expected, f.verdict(), f.id() + ": " + f.evidence());
      assertTrue(f.id().startsWith("000-"));
    }
  }
}
