package xcert.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import xcert.certificates.studies.CertificatesStudy;
import xcert.explainers.backend.Backend;
import xcert.explainers.realdata.digits.DigitsStudy;
import xcert.explainers.realdata.tabular.TabularStudy;
import xcert.explainers.studies.ExplainersStudy;
import xcert.explainers.studies.RelaxationsStudy;
import xcert.ledger.ClaimsLedgerStudy;
import xcert.reductions.studies.ReductionsStudy;
import xcert.solvers.studies.CountingStudy;
import xcert.solvers.studies.Seed004Study;

/**
 * {@code xcert reproduce}: runs every report section, prints it and writes report.md and report.json
 * to the output folder. The default run stays within a few minutes on two cores; {@code --full} runs
 * the larger configurations. The sections that evaluate models (explainers, relaxations) run on the
 * backend of {@code --backend}, the CPU unless asked otherwise, so that the report is reproducible;
 * the others compute exactly and need none.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
    description = {"Reproduce the checks of the seeds and write a report.",
        "",
        "Examples:",
        "  xcert reproduce --out xcert-report",
        "  xcert reproduce --only explainers --backend auto"})
final class ReproduceCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "xcert-report",
      description = "folder for report.md and report.json (default: xcert-report)")
  Path out;

  @Option(names = "--full", description = "the long, larger runs instead of the default ones")
  boolean full;

  @Option(names = "--only", paramLabel = "ID", split = ",",
      description = "run only these sections (ids: seed004, counting, certificates, reductions, explainers, tabular, relaxations, digits, claims)")
  List<String> only;

  @Option(names = "--backend", paramLabel = "auto|cpu|gpu", defaultValue = "cpu",
      description = "where the explainers, tabular, relaxations and digits sections evaluate models "
          + "and gradients; "
          + "auto takes the GPU when one is present and says on stderr what it chose (default cpu, "
          + "so that the report is reproducible)")
  String backendName;

  @Option(names = "--json", description = "print the report as JSON instead of tables")
  boolean json;

  /** The sections in report order; those that evaluate models run on {@code backend}. */
  List<ReportSection> sections(Backend backend) {
    return List.of(new StudySection(new Seed004Study()), new StudySection(new CountingStudy()),
        new StudySection(new CertificatesStudy(out)), new StudySection(new ReductionsStudy()),
        new StudySection(new ExplainersStudy(out, backend)),
        new StudySection(new TabularStudy(out, backend, null)),
        new StudySection(new RelaxationsStudy(out, backend)),
        new StudySection(new DigitsStudy(out, backend)),
        new StudySection(new ClaimsLedgerStudy(out)));
  }

  @Override
  public Integer call() {
    Backend backend = ExplainCommand.backend(backendName);
    List<ReportSection> sections = sections(backend);
    List<String> ids = sections.stream().map(ReportSection::id).toList();
    if (only != null) {
      for (String id : only) {
        if (!ids.contains(id)) {
          throw xcert.solvers.errors.InputException.of("--only", "unknown section '" + id
              + "'; expected one of " + String.join(", ", ids));
        }
      }
    }
    OutputLocation.checkWritableDirectory("--out", out, "report.md", "report.json");
    if (backendName.equals("auto")) {
      spec.commandLine().getErr().println("xcert: --backend auto chose " + backend.name());
    }
    String flags = (full ? " --full" : "") + (backendName.equals("cpu") ? ""
        : " --backend " + backendName);
    StringBuilder md = new StringBuilder("# xcert report\n\n");
    md.append("Generated ").append(Instant.now()).append(flags.isEmpty() ? "" : " (" + flags.strip()
        + ")").append(". Rebuild with `./xcert reproduce").append(flags).append("`. Explainers "
        + "and relaxations evaluated on ").append(backend.name()).append(".\n");
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("full", full);
    report.put("backend", backend.name());
    StringBuilder text = new StringBuilder();
    for (ReportSection s : sections) {
      if (only != null && !only.contains(s.id())) {
        continue;
      }
      spec.commandLine().getErr().println("xcert reproduce: " + s.title());
      ReportSection.Result r = s.run(full, line -> spec.commandLine().getErr().println("  " + line));
      md.append("\n## ").append(s.title()).append("\n\n").append(r.markdown());
      text.append("\n== ").append(s.title()).append(" ==\n\n").append(r.text());
      report.put(s.id(), r.json());
    }
    try {
      Files.createDirectories(out);
      Files.writeString(out.resolve("report.md"), md, StandardCharsets.UTF_8);
      Output o = new Output();
      report.forEach(o::put);
      Files.writeString(out.resolve("report.json"), o.toJson() + "\n", StandardCharsets.UTF_8);
      if (json) {
        spec.commandLine().getOut().println(o.toJson());
      } else {
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().println("\nwrote " + out.resolve("report.md") + " and "
            + out.resolve("report.json"));
      }
    } catch (IOException e) {
      throw xcert.solvers.errors.InputException.of("--out", "cannot write the report: "
          + Main.io(e));
    }
    return 0;
  }
}
