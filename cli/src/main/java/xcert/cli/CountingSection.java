package xcert.cli;

import java.util.function.Consumer;
import xcert.solvers.studies.CountingStudy;

/** Report section: {@link CountingStudy}, rendered. */
final class CountingSection implements ReportSection {

  private final CountingStudy study = new CountingStudy();

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
