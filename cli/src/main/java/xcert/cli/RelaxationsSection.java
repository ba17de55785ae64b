package xcert.cli;

import java.nio.file.Path;
import java.util.function.Consumer;
import xcert.explainers.backend.Backend;
import xcert.explainers.studies.RelaxationsStudy;

/** The relaxations section of {@code xcert reproduce}: renders {@link RelaxationsStudy}. */
final class RelaxationsSection implements ReportSection {

  private final RelaxationsStudy study;

  RelaxationsSection(Path outDir, Backend backend) {
    this.study = new RelaxationsStudy(outDir, backend);
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
