package xcert.cli;

import xcert.solvers.report.Report;

/** Renders a library {@link Report} as a report section: terminal text, Markdown and JSON data. */
final class ReportRender {

  private ReportRender() {}

  static ReportSection.Result render(Report report) {
    return new ReportSection.Result(render(report, Report.Medium.TERMINAL),
        render(report, Report.Medium.DOCUMENT), report.data());
  }

  private static String render(Report report, Report.Medium medium) {
    StringBuilder sb = new StringBuilder();
    for (Report.Block b : report.blocks()) {
      if (!b.medium().shows(medium)) {
        continue;
      }
      sb.append(sb.length() == 0 ? "" : "\n");
      if (b instanceof Report.Paragraph p) {
        sb.append(p.text()).append('\n');
      } else if (b instanceof Report.Table t) {
        sb.append(t.title().isEmpty() ? "" : t.title() + "\n\n");
        Output.Rows rows = new Output.Rows(t.columns(), t.rows().stream()
            .map(row -> row.stream().map(c -> c == null ? (Object) "" : c).toList()).toList());
        sb.append(medium == Report.Medium.TERMINAL ? Output.renderRows(rows)
            : Output.markdown(rows));
      }
    }
    return sb.toString();
  }
}
