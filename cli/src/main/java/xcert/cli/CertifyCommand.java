package xcert.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import xcert.certificates.CertificateCheck;
import xcert.certificates.Certification;
import xcert.certificates.Family;
import xcert.certificates.PolynomialCertification;
import xcert.certificates.problem.BinomialPartition;
import xcert.certificates.problem.MultilinearPolynomial;
import xcert.certificates.problem.PolynomialParser;
import xcert.solvers.errors.InputException;
import xcert.spark.certify.SparkCertificateCheck;
import xcert.spark.certify.SparkCertification;
import xcert.spark.certify.SparkFullLpCheck;

/**
 * {@code xcert certify}: exact LP certificates for the least total insertion/deletion error of a
 * single-feature attribution (seed 002 Theorem 1, Lemma 1, Theorem 2), and the checker of
 * certificate files.
 */
@Command(name = "certify", mixinStandardHelpOptions = true,
    description = {"Exact LP certificates for the insertion/deletion error bounds of seed 002.",
        "FAMILY is monomial-deletion, monomial-insertion, binomial-insertion or polynomial.",
        "",
        "Examples:",
        "  xcert certify monomial-deletion --d 2..20",
        "  xcert certify binomial-insertion --d 3..1000 --symmetric --json",
        "  xcert certify binomial-insertion --d 20 --partition first --out certs",
        "  xcert certify polynomial --poly \"x1*x2 + 2*x2*x3*x4\" --kind insertion",
        "  xcert certify --check certs/binomial-insertion-d20.cert"})
final class CertifyCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FAMILY",
      description = "monomial-deletion, monomial-insertion, binomial-insertion or polynomial")
  String family;

  @Option(names = "--poly", paramLabel = "EXPR",
      description = "polynomial family: a multilinear polynomial, e.g. \"x1*x2 + 2*x2*x3*x4\"")
  String poly;

  @Option(names = "--x", paramLabel = "VALUES",
      description = "polynomial family: the input, comma-separated rationals or a bit string "
          + "(default: all ones)")
  String xText;

  @Option(names = "--kind", paramLabel = "K", defaultValue = "deletion",
      description = "polynomial family: deletion (default) or insertion")
  String kindText;

  @Option(names = "--sets", paramLabel = "SETS", defaultValue = "all",
      description = "polynomial family: all (default), size<=K, or a FILE listing sets "
          + "(one per line: 1,3,5 or - for the empty set)")
  String setsText;

  @Option(names = "--d", paramLabel = "RANGE", defaultValue = "2..20",
      description = "dimensions: 20, 2..20 or 2,4,8 (default 2..20)")
  String dText;

  @Option(names = "--full", description = "check every set of the full LP (the default; 2^d sets: "
      + "d <= 26 here, d <= 40 with --engine spark, each +1 in d doubling the work)")
  boolean full;

  @Option(names = "--symmetric", description = "check on the orbits of the symmetry group "
      + "(any d; a proof for the full LP by the lifting argument)")
  boolean symmetric;

  @Option(names = "--partition", paramLabel = "RULE", defaultValue = "middle",
      description = "binomial parts when 3 does not divide d: middle (default: S2 takes the extra "
          + "features), outer (S1 and S3 take them), first, last")
  String partition;

  @Option(names = "--check", paramLabel = "FILE", description = "re-check a certificate file")
  Path check;

  @Option(names = "--out", paramLabel = "DIR",
      description = "write one certificate file per d, a PNG plot and a JSON summary here")
  Path out;

  @Option(names = "--json", description = "one JSON object per d instead of a table")
  boolean json;

  @Mixin
  EngineOptions engine = new EngineOptions();

  @Override
  public Integer call() throws IOException {
    picocli.CommandLine.ParseResult pr = spec.commandLine().getParseResult();
    if (check != null) {
      if (family != null) {
        throw InputException.of("FAMILY", "does not apply with --check, which re-checks the file "
            + "as it stands; give FAMILY or --check, not both");
      }
      for (String o : List.of("--poly", "--x", "--kind", "--sets", "--d", "--full", "--symmetric",
          "--partition", "--out")) {
        if (pr.hasMatchedOption(o)) {
          throw InputException.of(o, "does not apply with --check, which re-checks the file as "
              + "it stands (only --json and --engine apply)");
        }
      }
      CertificateCheck.Verdict v;
      Output o = new Output();
      if (engine.spark()) {
        SparkCertificateCheck.Result r = SparkCertificateCheck.check(check, engine.settings(),
            spec.commandLine().getErr()::println);
        v = r.verdict();
        v.fields().forEach(o::put);
        r.provenance().fields().forEach(o::put);
      } else {
        v = CertificateCheck.check(check);
        v.fields().forEach(o::put);
      }
      spec.commandLine().getOut().print(json ? o.toJson() + "\n" : o.toTable());
      return v.claimHolds() ? 0 : 1;
    }
    if (family == null) {
      throw InputException.of("FAMILY", "missing; expected monomial-deletion, monomial-insertion, "
          + "binomial-insertion or polynomial (or --check FILE)");
    }
    if (full && symmetric) {
      throw InputException.of("--full", "choose one of --full and --symmetric");
    }
    Family fam;
    try {
      fam = Family.fromId(family);
    } catch (InputException e) {
      throw InputException.of("FAMILY", e.problem());
    }
    if (fam == Family.POLYNOMIAL) {
      engine.localOnly("the polynomial family");
      return polynomial();
    }
    return builtIn(fam);
  }

  private int builtIn(Family fam) throws IOException {
    if (poly != null) {
      throw InputException.of("--poly", "only the polynomial family takes --poly");
    }
    picocli.CommandLine.ParseResult pr = spec.commandLine().getParseResult();
    for (String o : List.of("--x", "--kind", "--sets")) {
      if (pr.hasMatchedOption(o)) {
        throw InputException.of(o, "does not apply to " + fam.id() + "; it is an option of the "
            + "polynomial family");
      }
    }
    if (pr.hasMatchedOption("--partition") && fam != Family.BINOMIAL_INSERTION) {
      throw InputException.of("--partition", "does not apply to " + fam.id() + "; the partition "
          + "rule splits the features of binomial-insertion only");
    }
    BinomialPartition.Rule rule = BinomialPartition.Rule.parse(partition);
    if (rule == null) {
      throw InputException.of("--partition", "'" + partition + "' is not a rule; expected middle, "
          + "outer, first or last");
    }
    boolean spark = engine.spark();
    if (spark && symmetric) {
      throw InputException.of("--engine spark", "runs the full LP; --symmetric checks the orbits "
          + "on this machine (drop one of them)");
    }
    List<Integer> ds = DRange.parse(dText, fam.minD(), symmetric
        ? Certification.MAX_SYMMETRIC_D : spark ? SparkFullLpCheck.MAX_D
            : Certification.MAX_SYMMETRIC_D);
    if (!symmetric && !spark) {
      for (int d : ds) {
        if (d > Certification.MAX_FULL_D) {
          throw InputException.of("--d", d + " is out of range for the full LP here (2^" + d
              + " sets; this machine stops at d = " + Certification.MAX_FULL_D + "); add "
              + "--symmetric, or --engine spark (up to d = " + SparkFullLpCheck.MAX_D
              + ", each +1 in d doubling the work)");
        }
      }
    }
    if (out != null) {
      List<String> names = new ArrayList<>(List.of(fam.id() + ".json", fam.id() + ".png"));
      ds.forEach(d -> names.add(fam.id() + "-d" + d + ".cert"));
      OutputLocation.checkWritableDirectory("--out", out, names.toArray(String[]::new));
    }
    Certification.Settings settings = Certification.Settings.defaults()
        .withDs(ds).withPartition(rule).withSymmetric(symmetric);
    Certification.Run run;
    List<Map<String, Object>> rows = new ArrayList<>();
    if (spark) {
      Certification.checkApplies(fam, settings);
      List<SparkCertification.Result> results = SparkCertification.certify(fam, ds, rule,
          engine.settings(), spec.commandLine().getErr()::println);
      run = new Certification.Run(fam, settings, results.stream()
          .map(SparkCertification.Result::result).toList());
      for (SparkCertification.Result r : results) {
        Map<String, Object> row = r.result().fields();
        if (r.provenance() != null) {
          r.provenance().fields().forEach(row::put);
        }
        rows.add(row);
      }
    } else {
      run = Certification.certify(fam, settings);
      run.results().forEach(r -> rows.add(r.fields()));
    }
    print(rows, true);
    if (out != null) {
      run.write(out);
    }
    return 0;
  }

  private int polynomial() throws IOException {
    if (poly == null) {
      throw InputException.of("--poly", "the polynomial family needs --poly EXPR, e.g. "
          + "\"x1*x2 + 2*x2*x3*x4\"");
    }
    picocli.CommandLine.ParseResult pr = spec.commandLine().getParseResult();
    if (pr.hasMatchedOption("--partition")) {
      throw InputException.of("--partition", "does not apply to polynomial; the partition rule "
          + "splits the features of binomial-insertion only");
    }
    int d = -1;
    if (pr.hasMatchedOption("--d")) {
      List<Integer> ds = DRange.parse(dText, 1, MultilinearPolynomial.MAX_DIMENSION);
      if (ds.size() != 1) {
        throw InputException.of("--d", "a polynomial has one dimension; give one d or none");
      }
      d = ds.get(0);
    }
    MultilinearPolynomial f = PolynomialParser.parse("--poly", poly, d);
    d = f.dimension();
    if (d < 1) {
      throw InputException.of("--poly", "'" + poly + "' has no variable; expected a polynomial in "
          + "x1..xd with d >= 1, e.g. \"x1*x2 + 2*x2*x3*x4\"");
    }
    if (!symmetric && d > Certification.MAX_FULL_D) {
      throw InputException.of("--poly", "the polynomial has d = " + d + " variables, and the "
          + "full LP (2^" + d + " sets, checked by default) stops at d = " + Certification.MAX_FULL_D
          + "; add --symmetric to check on the orbits");
    }
    if (out != null) {
      OutputLocation.checkWritableDirectory("--out", out, Family.POLYNOMIAL.id() + "-d" + d
          + ".cert");
    }
    PolynomialCertification.Settings settings = PolynomialCertification.Settings.defaults()
        .withX(PolynomialCertification.parseX(xText, d))
        .withKind(PolynomialCertification.parseKind(kindText))
        .withSets(PolynomialCertification.parseSets(setsText, d)).withSymmetric(symmetric);
    PolynomialCertification.Result r = PolynomialCertification.certify(f, settings);
    print(List.of(r.fields()), false);
    if (out != null) {
      r.write(out);
    }
    return 0;
  }

  /** Prints one row per d as a table or JSON lines. */
  private void print(List<Map<String, Object>> rows, boolean builtIn) {
    if (json) {
      for (Map<String, Object> row : rows) {
        Output line = new Output();
        row.forEach(line::put);
        spec.commandLine().getOut().println(line.toJson().replaceAll("\\s*\\n\\s*", " "));
      }
      return;
    }
    List<List<Object>> table = new ArrayList<>();
    List<String> engines = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      List<Object> cells = new ArrayList<>(List.of(row.get("d")));
      if (builtIn) {
        cells.add(row.getOrDefault("partition", ""));
      }
      cells.addAll(List.of(row.get("optimum") == null ? (builtIn ? "null" : "—")
          : row.get("optimum"), row.get("certified"),
          String.format(Locale.ROOT, "%.3f s", (Double) row.get("seconds")), row.get("method")));
      table.add(cells);
      if (row.containsKey("engine")) {
        engines.add(String.format(Locale.ROOT, "d = %s: spark %s on %s (%s cores), %s tasks in "
            + "%.1f s, %.2f tasks/s", row.get("d"), row.get("spark_version"), row.get("master"),
            row.get("parallelism"), row.get("tasks"), (Double) row.get("job_seconds"),
            (Double) row.get("tasks_per_second")));
      }
    }
    List<String> cols = new ArrayList<>(List.of("d", "optimum", "certified", "time", "method"));
    if (builtIn) {
      cols.add(1, "partition");
    }
    spec.commandLine().getOut().print(Output.renderRows(new Output.Rows(cols, table)));
    engines.forEach(spec.commandLine().getOut()::println);
  }
}
