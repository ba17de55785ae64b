package xcert.cli;

import java.util.function.Consumer;
import xcert.reductions.studies.ReductionsStudy;

/** Report section: {@link ReductionsStudy}, the reductions of seed 003 built as code and checked. */
final class ReductionsSection implements ReportSection {

  private final ReductionsStudy study = new ReductionsStudy();

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
