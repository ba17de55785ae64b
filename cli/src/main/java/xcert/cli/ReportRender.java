package xcert.cli;

import xcert.solvers.report.Report;
import xcert.solvers.report.Report.Medium;

/** Renders a library {@link Report} as a report section: terminal text, Markdown, JSON data. */
final class ReportRender {

  private ReportRender() {}

  static ReportSection.Result render(Report r) {
    return new ReportSection.Result(join(r, Medium.TERMINAL), join(r, Medium.DOCUMENT), r.data());
  }

  private static String join(Report r, Medium m) {
    StringBuilder sb = new StringBuilder();
    for (Report.Block b : r.blocks()) {
      if (!b.medium().shows(m)) {
        continue;
      }
      sb.append(sb.length() == 0 ? "" : "\n");
      if (b instanceof Report.Paragraph p) {
        sb.append(p.text()).append('\n');
      } else if (b instanceof Report.Table t) {
        Output.Rows rows = new Output.Rows(t.columns(), t.rows().stream().map(row -> row.stream()
            .map(c -> c == null ? "" : c).toList()).toList());
        sb.append(t.title().isEmpty() ? "" : t.title() + "\n")
            .append(m == Medium.TERMINAL ? Output.renderRows(rows) : Output.markdown(rows));
      }
    }
    return sb.toString();
  }
}
