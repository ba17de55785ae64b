package xcert.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xcert.solvers.claims.Tally;

/** Renders a {@link Tally} of checked claims as a terminal table, a Markdown table and JSON rows. */
final class TallyTables {

  private TallyTables() {}

  /**
   * The section result: {@code setup} then the table; {@code json} receives a "rows" entry.
   *
   * @param setup one paragraph saying what was run
   * @param tally the checks
   * @param markdownAfter Markdown appended after the table (may be empty)
   * @param json the section's JSON, to which the rows are added
   */
  static ReportSection.Result render(String setup, Tally tally, String markdownAfter,
      Map<String, Object> json) {
    List<List<Object>> rows = new ArrayList<>();
    List<Object> jsonRows = new ArrayList<>();
    StringBuilder md = new StringBuilder(setup).append("\n\n");
    md.append("| check | held | failed | vacuous | first failure |\n|---|---:|---:|---:|---|\n");
    StringBuilder failures = new StringBuilder();
    for (Tally.Row r : tally.rows()) {
      rows.add(List.of(r.claim(), r.holds(), r.fails(), r.vacuous()));
      md.append("| ").append(r.claim().replace("|", "\\|")).append(" | ").append(r.holds())
          .append(" | ").append(r.fails()).append(" | ").append(r.vacuous()).append(" | ")
          .append(r.firstFailure() == null ? "" : r.firstFailure().replace("|", "\\|"))
          .append(" |\n");
      if (r.firstFailure() != null) {
        failures.append("\nfirst failure of ").append(r.claim()).append(":\n  ")
            .append(r.firstFailure()).append('\n');
      }
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("check", r.claim());
      j.put("held", r.holds());
      j.put("failed", r.fails());
      j.put("vacuous", r.vacuous());
      j.put("first_failure", r.firstFailure());
      jsonRows.add(j);
    }
    md.append(markdownAfter);
    String text = setup + "\n\n" + Output.renderRows(new Output.Rows(List.of("check", "held",
        "failed", "vacuous"), rows)) + failures;
    json.put("rows", jsonRows);
    return new ReportSection.Result(text, md.toString(), json);
  }
}
