package xcert.ledger;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger of a run: one entry per claim, in the order of {@code claims.tsv}.
 *
 * @param entries the entries
 * @param full whether the full grids ran
 * @param seed the seed of the sampled checks
 * @param seconds the run's wall time
 */
public record Ledger(List<LedgerEntry> entries, boolean full, long seed, double seconds) {

  public Ledger {
    entries = List.copyOf(entries);
  }

  /** How many entries have each verdict. */
  public Map<Verdict, Integer> counts() {
    Map<Verdict, Integer> m = new EnumMap<>(Verdict.class);
    for (Verdict v : Verdict.values()) {
      m.put(v, 0);
    }
    for (LedgerEntry e : entries) {
      m.merge(e.verdict(), 1, Integer::sum);
    }
    return m;
  }

  /** Entries whose verdict a check decided (holds, fails, holds under a reading). */
  public long decided() {
    return entries.stream().filter(e -> e.verdict().decided()).count();
  }
}
