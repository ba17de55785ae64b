package xcert.cli;

import xcert.solvers.report.Report;

/** Renders a library {@link Report} as the terminal text, Markdown and JSON of a report section. */
final class ReportRender {

  private ReportRender() {}

  static ReportSection.Result render(Report report) {
    StringBuilder text = new StringBuilder();
    StringBuilder md = new StringBuilder();
    for (Report.Block b : report.blocks()) {
      String t;
      String m;
      if (b instanceof Report.Paragraph p) {
        t = p.text() + "\n\n";
        m = t;
      } else {
        Report.Table tb = (Report.Table) b;
        Output.Rows rows = new Output.Rows(tb.columns(), tb.rows());
        String title = tb.title().isEmpty() ? "" : tb.title() + "\n";
        t = title + Output.renderRows(rows) + "\n";
        m = (tb.title().isEmpty() ? "" : tb.title() + "\n\n") + Output.markdown(rows) + "\n";
      }
      if (b.medium().shows(Report.Medium.TERMINAL)) {
        text.append(t);
      }
      if (b.medium().shows(Report.Medium.DOCUMENT)) {
        md.append(m);
      }
    }
    return new ReportSection.Result(text.toString(), md.toString(), report.data());
  }
}
