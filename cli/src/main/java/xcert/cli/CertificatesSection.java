package xcert.cli;

import java.nio.file.Path;
import java.util.function.Consumer;
import xcert.certificates.studies.CertificatesStudy;

/** Report section: renders {@link CertificatesStudy} (seed 002's error bounds as certified optima). */
final class CertificatesSection implements ReportSection {

  private final CertificatesStudy study;

  CertificatesSection(Path outDir) {
    this.study = new CertificatesStudy(outDir);
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
