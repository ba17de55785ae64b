package xcert.cli;

import java.nio.file.Path;
import java.util.function.Consumer;
import xcert.explainers.backend.Backend;
import xcert.explainers.studies.ExplainersStudy;

/** The explainers section of {@code xcert reproduce}: renders {@link ExplainersStudy}. */
final class ExplainersSection implements ReportSection {

  private final ExplainersStudy study;

  ExplainersSection(Path outDir, Backend backend) {
    this.study = new ExplainersStudy(outDir, backend);
  }

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
