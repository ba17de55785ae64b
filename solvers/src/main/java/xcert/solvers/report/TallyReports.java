package xcert.solvers.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import xcert.solvers.claims.Tally;
import xcert.solvers.report.Report.Medium;

/**
 * A {@link Tally} of checked statements as report blocks and data: a terminal table (name, held,
 * failed, vacuous), a document table with the first failure of each row in full, the first failures
 * again as terminal paragraphs, and JSON rows.
 */
public final class TallyReports {

  private TallyReports() {}

  /**
   * Adds the tables and the terminal paragraphs of first failures to {@code b}.
   *
   * @param column the name of the first column ("check", "statement")
   * @param failuresOnTerminal which rows' first failures the terminal shows (the document shows all)
   */
  public static Report.Builder blocks(Report.Builder b, Tally tally, String column,
      Predicate<Tally.Row> failuresOnTerminal) {
    return blocks(b, tally.rows(), column, failuresOnTerminal);
  }

  /** As {@link #blocks(Report.Builder, Tally, String, Predicate)}, for rows taken from a tally. */
  public static Report.Builder blocks(Report.Builder b, List<Tally.Row> tallyRows, String column,
      Predicate<Tally.Row> failuresOnTerminal) {
    List<List<Object>> rows = new ArrayList<>();
    List<List<Object>> documentRows = new ArrayList<>();
    for (Tally.Row r : tallyRows) {
      rows.add(List.of(r.claim(), r.holds(), r.fails(), r.vacuous()));
      documentRows.add(List.of(r.claim(), r.holds(), r.fails(), r.vacuous(),
          r.firstFailure() == null ? "" : r.firstFailure()));
    }
    b.table("", List.of(column, "held", "failed", "vacuous"), rows, Medium.TERMINAL)
        .table("", List.of(column, "held", "failed", "vacuous", "first failure"), documentRows,
            Medium.DOCUMENT);
    for (Tally.Row r : tallyRows) {
      if (r.firstFailure() != null && failuresOnTerminal.test(r)) {
        b.paragraph("first failure of " + r.claim() + ":\n  " + r.firstFailure(), Medium.TERMINAL);
      }
    }
    return b;
  }

  /** The rows as data: {column, held, failed, vacuous, first_failure} each, in order. */
  public static List<Object> data(Tally tally, String column) {
    return data(tally.rows(), column);
  }

  /** As {@link #data(Tally, String)}, for rows taken from a tally. */
  public static List<Object> data(List<Tally.Row> tallyRows, String column) {
    List<Object> out = new ArrayList<>();
    for (Tally.Row r : tallyRows) {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put(column, r.claim());
      j.put("held", r.holds());
      j.put("failed", r.fails());
      j.put("vacuous", r.vacuous());
      j.put("first_failure", r.firstFailure());
      out.add(j);
    }
    return out;
  }
}
