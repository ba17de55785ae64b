package xcert.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import xcert.certificates.Certifier;
import xcert.certificates.check.Verification;
import xcert.certificates.fit.ExponentialFit;
import xcert.certificates.fit.OptimaPlot;
import xcert.certificates.io.CertificateFile;
import xcert.certificates.orbit.OrbitStructure;
import xcert.certificates.orbit.SymmetricBinomialOrbits;
import xcert.certificates.problem.BinomialPartition;
import xcert.certificates.problem.Families;
import xcert.solvers.errors.InputException;
import xcert.solvers.num.Rationals;

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

  @Option(names = "--full", description = "check every set of the full LP (d <= 26; the default)")
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

  @Override
  public Integer call() throws IOException {
    if (check != null) {
      return checkFile();
    }
    if (family == null) {
      throw InputException.of("FAMILY", "missing; expected monomial-deletion, monomial-insertion, "
          + "binomial-insertion or polynomial (or --check FILE)");
    }
    if (full && symmetric) {
      throw InputException.of("--full", "choose one of --full and --symmetric");
    }
    if (family.equals(PolynomialCertify.FAMILY)) {
      return new PolynomialCertify(this).run();
    }
    if (!List.of(Families.MONOMIAL_DELETION, Families.MONOMIAL_INSERTION,
        Families.BINOMIAL_INSERTION).contains(family)) {
      throw InputException.of("FAMILY", "unknown family '" + family + "'; expected "
          + "monomial-deletion, monomial-insertion, binomial-insertion or polynomial");
    }
    if (poly != null) {
      throw InputException.of("--poly", "only the polynomial family takes --poly");
    }
    BinomialPartition.Rule rule = BinomialPartition.Rule.parse(partition);
    if (rule == null) {
      throw InputException.of("--partition", "'" + partition + "' is not a rule; expected middle, "
          + "outer, first or last");
    }
    int minD = family.equals(Families.BINOMIAL_INSERTION) ? 3 : 1;
    List<Integer> ds = DRange.parse(dText, minD, symmetric ? 100_000 : Certifier.MAX_FULL_D);
    Certifier.Mode mode = symmetric ? Certifier.Mode.SYMMETRIC : Certifier.Mode.FULL;
    if (out != null) {
      Files.createDirectories(out);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    List<List<Object>> table = new ArrayList<>();
    for (int d : ds) {
      Certifier.Outcome o = Certifier.certify(family, d, rule, mode);
      Map<String, Object> row = row(d, o, rule);
      rows.add(row);
      if (json) {
        Output line = new Output();
        row.forEach(line::put);
        spec.commandLine().getOut().println(line.toJson().replaceAll("\\s*\\n\\s*", " "));
      } else {
        table.add(List.of(d, row.getOrDefault("partition", ""), row.get("optimum"),
            row.get("certified"), String.format(Locale.ROOT, "%.3f s", o.seconds()),
            o.method()));
      }
      if (out != null && o.certified()) {
        CertificateFile.write(out.resolve(family + "-d" + d + ".cert"), header(family, d, o, rule),
            o.certificate(), o.verification().optimum());
      }
    }
    if (!json) {
      spec.commandLine().getOut().print(Output.renderRows(new Output.Rows(List.of("d",
          "partition", "optimum", "certified", "time", "method"), table)));
    }
    if (out != null) {
      writeSummary(rows, rule);
    }
    return 0;
  }

  static Map<String, Object> row(int d, Certifier.Outcome o, BinomialPartition.Rule rule) {
    Verification v = o.verification();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("d", d);
    if (o.structure() instanceof SymmetricBinomialOrbits sb) {
      row.put("partition", sb.partition().toString());
    } else if (o.problem() != null && o.problem().name().startsWith(Families.BINOMIAL_INSERTION)) {
      row.put("partition", BinomialPartition.of(d, rule).toString());
    } else if (o.structure().describe().startsWith(Families.BINOMIAL_INSERTION)) {
      row.put("partition", BinomialPartition.of(d, rule).toString());
    }
    row.put("optimum", o.certified() ? Rationals.format(v.optimum()) : null);
    row.put("lowerBound", v.lowerBound() == null ? null : Rationals.format(v.lowerBound()));
    row.put("upperBound", Rationals.format(v.upperBound()));
    row.put("certified", o.certified());
    row.put("checked", o.mode() == Certifier.Mode.FULL ? "full LP" : "orbits");
    row.put("sets", v.sets());
    row.put("method", o.method());
    row.put("seconds", o.seconds());
    if (!v.dualFeasible()) {
      row.put("infeasibility", v.infeasibility());
    }
    return row;
  }

  static Map<String, String> header(String family, int d, Certifier.Outcome o,
      BinomialPartition.Rule rule) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("family", family);
    h.put("d", Integer.toString(d));
    OrbitStructure s = o.structure();
    if (family.equals(Families.BINOMIAL_INSERTION)) {
      BinomialPartition p = BinomialPartition.of(d, rule);
      h.put("partition", p.n1() + "," + p.n2() + "," + p.n3());
      h.put("structure", s instanceof SymmetricBinomialOrbits ? "symmetric-binomial"
          : "binomial-product");
    } else {
      h.put("structure", "monomial");
    }
    return h;
  }

  private void writeSummary(List<Map<String, Object>> rows, BinomialPartition.Rule rule)
      throws IOException {
    Output o = new Output().put("family", family).put("rows", new ArrayList<Object>(rows));
    Files.writeString(out.resolve(family + ".json"), o.toJson() + "\n");
    List<Double> ds = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      if (Boolean.TRUE.equals(r.get("certified"))) {
        double y = Rationals.parse((String) r.get("optimum")).doubleValue();
        if (y > 0) {
          ds.add(((Integer) r.get("d")).doubleValue());
          ys.add(y);
        }
      }
    }
    if (ds.size() < 2) {
      return;
    }
    double[] d = ds.stream().mapToDouble(Double::doubleValue).toArray();
    double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
    List<OptimaPlot.Curve> curves = new ArrayList<>();
    double lo = d[0];
    double hi = d[d.length - 1];
    if (family.equals(Families.MONOMIAL_DELETION)) {
      curves.add(new OptimaPlot.Curve("paper: e^(0.664 d - 1.159)", ExponentialFit.PAPER_DELETION,
          lo, hi));
    } else if (family.equals(Families.BINOMIAL_INSERTION)) {
      curves.add(new OptimaPlot.Curve("paper Fig. 2: e^(0.198 d + 1.332) + 4.778",
          ExponentialFit.PAPER_INSERTION_FIGURE, lo, hi));
      curves.add(new OptimaPlot.Curve("paper App. A: e^(0.217 d + 1.010) + 2.778",
          ExponentialFit.PAPER_INSERTION_APPENDIX, lo, hi));
    }
    OptimaPlot.write(out.resolve(family + ".png"), family + (family.equals(
        Families.BINOMIAL_INSERTION) ? " (" + rule.name().toLowerCase(Locale.ROOT) + " partition)"
        : "") + ": certified optima", List.of(new OptimaPlot.Points("certified optimum", d, y)),
        curves);
  }

  private Integer checkFile() {
    CertificateFile.Contents c = CertificateFile.read(check);
    String src = check.toString();
    String fam = CertificateFile.require(c, src, "family");
    int d = CertificateFile.requireInt(c, src, "d");
    BinomialPartition.Rule rule = BinomialPartition.Rule.MIDDLE;
    OrbitStructure s;
    xcert.certificates.problem.AttributionProblem problem;
    String structure = CertificateFile.require(c, src, "structure");
    switch (fam) {
      case Families.MONOMIAL_DELETION, Families.MONOMIAL_INSERTION -> {
        if (!structure.equals("monomial")) {
          throw InputException.of(src, "structure '" + structure + "' does not fit " + fam
              + "; expected monomial");
        }
        s = Certifier.structure(fam, d, rule);
        problem = Certifier.problem(fam, d, rule);
      }
      case Families.BINOMIAL_INSERTION -> {
        BinomialPartition p = parsePartition(src, CertificateFile.require(c, src, "partition"), d);
        problem = Families.binomialInsertion(p);
        s = switch (structure) {
          case "symmetric-binomial" -> {
            if (!p.isSymmetric()) {
              throw InputException.of(src, "structure symmetric-binomial needs |S1| = |S3|, "
                  + "partition " + p);
            }
            yield new SymmetricBinomialOrbits(p);
          }
          case "binomial-product" -> xcert.certificates.orbit.ClosedForms.binomialProduct(p);
          default -> throw InputException.of(src, "structure '" + structure + "' does not fit "
              + fam + "; expected symmetric-binomial or binomial-product");
        };
      }
      case PolynomialCertify.FAMILY -> {
        PolynomialCertify.Rebuilt r = PolynomialCertify.rebuild(c, src, d, structure);
        problem = r.problem();
        s = r.structure();
      }
      default -> throw InputException.of(src, "unknown family '" + fam + "'");
    }
    if (c.certificate().alpha().length != s.featureOrbits()) {
      throw InputException.of(src, "alpha has " + c.certificate().alpha().length
          + " values, the structure has " + s.featureOrbits() + " feature orbits");
    }
    long[] support = c.certificate().support();
    if (support.length > 0 && (support[0] < 0 || support[support.length - 1] >= s.classCount())) {
      throw InputException.of(src, "class ids must lie in 0.." + (s.classCount() - 1));
    }
    long t0 = System.nanoTime();
    Certifier.Outcome orbit = Certifier.check(problem, s, c.certificate(),
        Certifier.Mode.SYMMETRIC, t0);
    Certifier.Outcome lifted = d <= Certifier.MAX_FULL_D
        ? Certifier.check(problem, s, c.certificate(), Certifier.Mode.FULL, System.nanoTime())
        : null;
    boolean certified = orbit.certified() && (lifted == null || lifted.certified());
    boolean claim = certified && orbit.verification().optimum().equals(c.claimedOptimum());
    Output o = new Output().put("file", src).put("family", fam).put("d", d)
        .put("claimed_optimum", Rationals.format(c.claimedOptimum()))
        .put("lowerBound", orbit.verification().lowerBound() == null ? null
            : Rationals.format(orbit.verification().lowerBound()))
        .put("upperBound", Rationals.format(orbit.verification().upperBound()))
        .put("certified", certified).put("claim_holds", claim)
        .put("checked", lifted == null ? "orbits" : "orbits and full LP (" 
            + lifted.verification().sets() + " sets)");
    if (!orbit.verification().dualFeasible()) {
      o.put("infeasibility", orbit.verification().infeasibility());
    }
    spec.commandLine().getOut().print(json ? o.toJson() + "\n" : o.toTable());
    return claim ? 0 : 1;
  }

  /** Prints one row per d as a table or JSON lines. */
  void print(List<Map<String, Object>> rows) {
    if (json) {
      for (Map<String, Object> row : rows) {
        Output line = new Output();
        row.forEach(line::put);
        spec.commandLine().getOut().println(line.toJson().replaceAll("\\s*\\n\\s*", " "));
      }
      return;
    }
    List<List<Object>> table = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      table.add(List.of(row.get("d"), row.get("optimum") == null ? "—" : row.get("optimum"),
          row.get("certified"), String.format(Locale.ROOT, "%.3f s", (Double) row.get("seconds")),
          row.get("method")));
    }
    spec.commandLine().getOut().print(Output.renderRows(new Output.Rows(List.of("d", "optimum",
        "certified", "time", "method"), table)));
  }

  private static BinomialPartition parsePartition(String src, String text, int d) {
    String[] t = text.split(",");
    BinomialPartition p;
    try {
      if (t.length != 3) {
        throw new IllegalArgumentException("not three sizes");
      }
      p = new BinomialPartition(Integer.parseInt(t[0].trim()), Integer.parseInt(t[1].trim()),
          Integer.parseInt(t[2].trim()));
    } catch (IllegalArgumentException e) {
      throw InputException.of(src, "'partition " + text + "' is not three positive sizes n1,n2,n3");
    }
    if (p.dimension() != d) {
      throw InputException.of(src, "partition " + text + " has " + p.dimension()
          + " features, d is " + d);
    }
    return p;
  }
}
