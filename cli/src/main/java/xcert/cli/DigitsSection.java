package xcert.cli;

import java.nio.file.Path;
import java.util.function.Consumer;
import xcert.explainers.backend.Backend;
import xcert.explainers.realdata.digits.DigitsStudy;

/**
 * The digits section of {@code xcert reproduce}: renders {@link DigitsStudy}, the seeds' image
 * experiments (seed 001 Fig. 4, seed 003 Fig. 3, seed 004 §6.2.1) on scikit-learn's digits.
 */
final class DigitsSection implements ReportSection {

  private final DigitsStudy study;

  DigitsSection(Path outDir, Backend backend) {
    this.study = new DigitsStudy(outDir, backend);
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
