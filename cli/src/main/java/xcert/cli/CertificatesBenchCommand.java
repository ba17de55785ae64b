package xcert.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xcert.certificates.bench.CertificatesBenchmark;

/** Certificates of seed 002 against OR-Tools GLOP on the same LPs. */
@Command(name = "certificates", mixinStandardHelpOptions = true,
    description = "Certificates of seed 002 against OR-Tools GLOP on the same LPs.")
final class CertificatesBenchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--baseline-d", split = ",", paramLabel = "D",
      description = "certificates: d at which GLOP solves the full LP as the baseline "
          + "(default 10,12,14)")
  List<Integer> baselineDs = List.of(10, 12, 14);

  @Option(names = "--json", description = "print JSON instead of a table")
  boolean json;

  @Override
  public Integer call() {
    CertificatesBenchmark.Result r = CertificatesBenchmark.run(
        CertificatesBenchmark.Settings.defaults().withBaselineDs(baselineDs),
        spec.commandLine().getErr()::println);
    Output out = new Output().put("benchmark", "certificates").put("cores", r.cores())
        .put("baseline", r.baseline());
    List<Object> figures = new ArrayList<>();
    List<List<Object>> figureRows = new ArrayList<>();
    for (CertificatesBenchmark.Figure f : r.figures()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("figure", f.id());
      m.put("seconds", f.seconds());
      boolean one = f.id().equals("full_check_d26");
      m.put("certified", one ? (Object) (f.certified() == 1) : f.certified());
      if (!one) {
        m.put("total", f.total());
      }
      figures.add(m);
      figureRows.add(List.of(f.description(), secs(f.seconds()), one ? (f.certified() == 1
          ? "certified" : "NOT certified") : f.certified() + "/" + f.total() + " certified",
          f.target()));
    }
    List<Object> runs = new ArrayList<>();
    List<List<Object>> baseRows = new ArrayList<>();
    for (CertificatesBenchmark.BaselineRun b : r.baselineRuns()) {
      runs.add(Map.of("family", b.family().id(), "d", b.d(), "glop_seconds", b.glopSeconds(),
          "glop_value", b.glopValue(), "xcert_seconds", b.xcertSeconds(),
          "ratio", b.glopSeconds() / b.xcertSeconds()));
      baseRows.add(List.of(b.family().id(), b.d(), secs(b.glopSeconds()),
          String.format(Locale.ROOT, "%.6g", b.glopValue()), secs(b.xcertSeconds()),
          b.optimum() == null ? "not certified" : b.optimum().toString(),
          String.format(Locale.ROOT, "%.1fx", b.glopSeconds() / b.xcertSeconds())));
    }
    if (json) {
      spec.commandLine().getOut().println(out.put("figures", figures).put("baseline_runs", runs)
          .toJson());
      return 0;
    }
    out.put("figures", new Output.Rows(List.of("figure", "time", "result", "target"), figureRows));
    out.put("baseline: the same full LP, generic solve vs xcert (same process)",
        new Output.Rows(List.of("family", "d", "GLOP", "GLOP optimum (float)", "xcert",
            "xcert optimum (exact)", "GLOP / xcert"), baseRows));
    spec.commandLine().getOut().print(out.toTable());
    return 0;
  }

  private static String secs(double s) {
    return String.format(Locale.ROOT, "%.3f s", s);
  }
}
