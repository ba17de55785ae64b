package xcert.cli;

import java.nio.file.Path;
import java.util.function.Consumer;
import xcert.explainers.backend.Backend;
import xcert.explainers.realdata.tabular.TabularStudy;

/**
 * The tabular section of {@code xcert reproduce}: renders {@link TabularStudy} (seed 000 Experiments
 * 2 and 3 on diabetes and breast cancer, data/realdata/tabular).
 */
final class TabularSection implements ReportSection {

  private final TabularStudy study;

  TabularSection(Path outDir, Backend backend) {
    this.study = new TabularStudy(outDir, backend, null);
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
