package xcert.cli;

import java.util.function.Consumer;
import xcert.solvers.report.Study;

/**
 * A report section that runs a library {@link Study} (each module's {@code studies} package, the
 * real-data studies, the claims ledger) and renders its report as text, Markdown and JSON.
 */
record StudySection(Study study) implements ReportSection {

  @Override
  public String id() {
    return study.id();
  }

  @Override
  public String title() {
    return study.title();
  }

  @Override
  public Result run(boolean full, Consumer<String> progress) {
    return ReportRender.render(study.run(full, progress));
  }
}
