package xcert.cli;

import java.util.function.Consumer;
import xcert.solvers.studies.Seed004Study;

/** Report section: {@link Seed004Study}, rendered. */
final class Seed004Section implements ReportSection {

  private final Seed004Study study = new Seed004Study();

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
