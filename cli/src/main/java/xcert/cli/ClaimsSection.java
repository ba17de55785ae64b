package xcert.cli;

import java.nio.file.Path;
import java.util.function.Consumer;
import xcert.ledger.ClaimsLedgerStudy;

/** Report section: the claims ledger ({@link ClaimsLedgerStudy}), rendered. */
final class ClaimsSection implements ReportSection {

  private final ClaimsLedgerStudy study;

  ClaimsSection(Path outDir) {
    this.study = new ClaimsLedgerStudy(outDir);
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
