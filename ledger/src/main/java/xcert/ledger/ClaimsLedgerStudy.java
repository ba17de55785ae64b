package xcert.ledger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import xcert.solvers.report.Report;
import xcert.solvers.report.Study;

/**
 * The ledger as a report section: a summary by verdict and seed, then one row per claim (id,
 * verdict, the check and its evidence; the criterion of a measurement and the reading of a
 * qualified verdict in the document), and in the data a list of entries with at least {@code id},
 * {@code verdict}, {@code check} and {@code evidence}.
 */
public final class ClaimsLedgerStudy implements Study {

  /** The seed of the ledger's sampled checks. */
  public static final long SEED = 20261207L;

  private final Path plots;

  /** @param plots the folder for the checks' plots, or null for none */
  public ClaimsLedgerStudy(Path plots) {
    this.plots = plots;
  }

  @Override
  public String id() {
    return "claims";
  }

  @Override
  public String title() {
    return "Claims ledger: a verdict for every checkable claim of the five seeds";
  }

  @Override
  public Report run(boolean full, Consumer<String> progress) {
    Ledger ledger = ClaimsLedger.run(full, SEED, plots, progress);
    return report(ledger);
  }

  /** The report of a finished ledger. */
  public Report report(Ledger ledger) {
    Report.Builder b = Report.builder(id(), title());
    Map<Verdict, Integer> counts = ledger.counts();
    StringBuilder sum = new StringBuilder();
    sum.append(ledger.entries().size()).append(" claims; ").append(ledger.decided())
        .append(" decided by a check (");
    List<String> parts = new ArrayList<>();
    counts.forEach((v, n) -> {
      if (n > 0) {
        parts.add(n + " " + v.label());
      }
    });
    sum.append(String.join(", ", parts)).append("). Seed ").append(ledger.seed())
        .append(ledger.full() ? ", full grids" : ", default grids (`--full` for the larger ones)")
        .append(String.format(java.util.Locale.ROOT, "; %.1f s.", ledger.seconds()));
    b.paragraph(sum.toString());
    List<List<Object>> bySeed = new ArrayList<>();
    Map<String, Map<Verdict, Integer>> seeds = new LinkedHashMap<>();
    for (LedgerEntry e : ledger.entries()) {
      seeds.computeIfAbsent(e.claim().seed(), s -> new java.util.EnumMap<>(Verdict.class))
          .merge(e.verdict(), 1, Integer::sum);
    }
    seeds.forEach((s, m) -> {
      List<Object> row = new ArrayList<>();
      row.add(s);
      for (Verdict v : Verdict.values()) {
        row.add(m.getOrDefault(v, 0));
      }
      bySeed.add(row);
    });
    List<String> cols = new ArrayList<>(List.of("seed"));
    for (Verdict v : Verdict.values()) {
      cols.add(v.label());
    }
    b.table("By seed", cols, bySeed, Report.Medium.ALL);
    List<List<Object>> terse = new ArrayList<>();
    List<List<Object>> full = new ArrayList<>();
    List<Object> data = new ArrayList<>();
    for (LedgerEntry e : ledger.entries()) {
      Finding f = e.finding();
      terse.add(List.of(e.claim().id(), f.verdict().label(), shorten(f.evidence(), 90)));
      full.add(List.of(e.claim().id(), e.claim().statement(), f.verdict().label(), f.check(),
          f.criterion(), f.evidence(), f.reading()));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", e.claim().id());
      m.put("statement", e.claim().statement());
      m.put("verdict", f.verdict().label());
      m.put("check", f.check());
      m.put("evidence", f.evidence());
      if (!f.criterion().isEmpty()) {
        m.put("criterion", f.criterion());
      }
      if (!f.reading().isEmpty()) {
        m.put("reading", f.reading());
      }
      m.put("where", e.where());
      m.put("seconds", e.seconds());
      data.add(m);
    }
    b.table("", List.of("id", "verdict", "evidence"), terse, Report.Medium.TERMINAL);
    b.table("", List.of("id", "claim", "verdict", "check", "criterion (fixed before the run)",
        "evidence", "reading / why"), full, Report.Medium.DOCUMENT);
    b.data("claims", ledger.entries().size());
    b.data("decided", ledger.decided());
    Map<String, Object> c = new LinkedHashMap<>();
    counts.forEach((v, n) -> c.put(v.label(), n));
    b.data("counts", c);
    b.data("seed", ledger.seed());
    b.data("seconds", ledger.seconds());
    b.data("entries", data);
    return b.build();
  }

  private static String shorten(String s, int max) {
    String one = s.replace('\n', ' ');
    return one.length() <= max ? one : one.substring(0, max - 1) + "…";
  }
}
