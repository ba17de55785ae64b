package xcert.cli;

import java.util.LinkedHashMap;
import xcert.solvers.report.Report;

/** Renders a library {@link Report} as a report section: terminal text, Markdown and JSON data. */
final class ReportRender {

  private ReportRender() {}

  static ReportSection.Result render(Report report) {
    StringBuilder text = new StringBuilder();
    StringBuilder md = new StringBuilder();
    for (Report.Block b : report.blocks()) {
      if (b.medium().shows(Report.Medium.TERMINAL)) {
        text.append(text.length() == 0 ? "" : "\n").append(block(b, false));
      }
      if (b.medium().shows(Report.Medium.DOCUMENT)) {
        md.append(md.length() == 0 ? "" : "\n").append(block(b, true));
      }
    }
    return new ReportSection.Result(text.toString(), md.toString(),
        new LinkedHashMap<>(report.data()));
  }

  private static String block(Report.Block b, boolean markdown) {
    if (b instanceof Report.Paragraph p) {
      return p.text().endsWith("\n") ? p.text() : p.text() + "\n";
    }
    Report.Table t = (Report.Table) b;
    Output.Rows rows = new Output.Rows(t.columns(), t.rows());
    String title = t.title().isEmpty() ? "" : t.title() + "\n\n";
    return title + (markdown ? Output.markdown(rows) : Output.renderRows(rows));
  }
}
