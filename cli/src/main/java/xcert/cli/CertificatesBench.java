package xcert.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import xcert.certificates.Certifier;
import xcert.certificates.lp.DualLp;
import xcert.certificates.lp.GlopSolver;
import xcert.certificates.lp.OjAlgoSolver;
import xcert.certificates.orbit.TrivialOrbits;
import xcert.certificates.problem.BinomialPartition;
import xcert.certificates.problem.Families;

/**
 * `xcert bench certificates`: the three figures the certificate module is held to, each beside a
 * generic LP solve of the same full problem with OR-Tools GLOP (dual form, dual simplex) in the same
 * process, as a ratio.
 */
final class CertificatesBench {

  private static final String[] FAMILIES = {Families.MONOMIAL_DELETION,
      Families.MONOMIAL_INSERTION, Families.BINOMIAL_INSERTION};

  private final CommandSpec spec;
  private final boolean json;
  private final List<Integer> baselineDs;

  CertificatesBench(CommandSpec spec, boolean json, List<Integer> baselineDs) {
    this.spec = spec;
    this.json = json;
    this.baselineDs = baselineDs;
  }

  void run() {
    var err = spec.commandLine().getErr();
    // warm-up
    Certifier.certify(Families.BINOMIAL_INSERTION, 12, BinomialPartition.Rule.MIDDLE,
        Certifier.Mode.FULL);
    err.println("bench certificates: baseline, GLOP on the full LP");
    List<List<Object>> base = new ArrayList<>();
    List<Object> jsonBase = new ArrayList<>();
    for (int d : baselineDs) {
      for (String fam : FAMILIES) {
        long t0 = System.nanoTime();
        Certifier.Outcome o = Certifier.certify(fam, d, BinomialPartition.Rule.MIDDLE,
            Certifier.Mode.FULL);
        double ours = (System.nanoTime() - t0) / 1e9;
        TrivialOrbits full = new TrivialOrbits(Certifier.problem(fam, d,
            BinomialPartition.Rule.MIDDLE));
        long t1 = System.nanoTime();
        double glopValue = GlopSolver.available() ? GlopSolver.solve(DualLp.of(full)).objective()
            : OjAlgoSolver.solve(DualLp.of(full)).objective();
        double glop = (System.nanoTime() - t1) / 1e9;
        base.add(List.of(fam, d, secs(glop), String.format(Locale.ROOT, "%.6g", glopValue),
            secs(ours), o.certified() ? o.verification().optimum().toString() : "not certified",
            ratio(glop, ours)));
        jsonBase.add(java.util.Map.of("family", fam, "d", d, "glop_seconds", glop,
            "glop_value", glopValue, "xcert_seconds", ours, "ratio", glop / ours));
      }
    }
    err.println("bench certificates: all families, full LP, d = 2..20");
    long t0 = System.nanoTime();
    int certified = 0;
    int total = 0;
    for (String fam : FAMILIES) {
      for (int d = fam.equals(Families.BINOMIAL_INSERTION) ? 3 : 2; d <= 20; d++) {
        total++;
        certified += Certifier.certify(fam, d, BinomialPartition.Rule.MIDDLE,
            Certifier.Mode.FULL).certified() ? 1 : 0;
      }
    }
    double fullSeconds = (System.nanoTime() - t0) / 1e9;
    err.println("bench certificates: full-LP check at d = 26");
    long t1 = System.nanoTime();
    Certifier.Outcome big = Certifier.certify(Families.MONOMIAL_DELETION, 26,
        BinomialPartition.Rule.MIDDLE, Certifier.Mode.FULL);
    double bigSeconds = (System.nanoTime() - t1) / 1e9;
    err.println("bench certificates: symmetric certificates, every d <= 1000");
    long t2 = System.nanoTime();
    int symCertified = 0;
    int symTotal = 0;
    for (String fam : FAMILIES) {
      for (int d = fam.equals(Families.BINOMIAL_INSERTION) ? 3 : 1; d <= 1000; d++) {
        symTotal++;
        symCertified += Certifier.certify(fam, d, BinomialPartition.Rule.MIDDLE,
            Certifier.Mode.SYMMETRIC).certified() ? 1 : 0;
      }
    }
    double symSeconds = (System.nanoTime() - t2) / 1e9;
    List<List<Object>> figures = new ArrayList<>();
    figures.add(List.of("3 families, full LP, every d = 2..20 (candidate + exact check)",
        secs(fullSeconds), certified + "/" + total + " certified", "<= 60 s"));
    figures.add(List.of("exact check of a full-LP certificate, d = 26 (2^26 sets)",
        secs(bigSeconds), big.certified() ? "certified" : "NOT certified", "<= 120 s"));
    figures.add(List.of("symmetric certificates, 3 families, every d <= 1000", secs(symSeconds),
        symCertified + "/" + symTotal + " certified", "<= 60 s"));
    Output out = new Output().put("benchmark", "certificates")
        .put("cores", Runtime.getRuntime().availableProcessors())
        .put("baseline", GlopSolver.available() ? "OR-Tools GLOP, dual simplex, full dual LP"
            : "ojAlgo LP, full dual LP (GLOP natives not available)");
    if (json) {
      out.put("figures", List.of(
          java.util.Map.of("figure", "full_lp_all_families_d2_20", "seconds", fullSeconds,
              "certified", certified, "total", total),
          java.util.Map.of("figure", "full_check_d26", "seconds", bigSeconds,
              "certified", big.certified()),
          java.util.Map.of("figure", "symmetric_all_d_le_1000", "seconds", symSeconds,
              "certified", symCertified, "total", symTotal)));
      out.put("baseline_runs", jsonBase);
      spec.commandLine().getOut().println(out.toJson());
      return;
    }
    out.put("figures", new Output.Rows(List.of("figure", "time", "result", "target"), figures));
    out.put("baseline: the same full LP, generic solve vs xcert (same process)",
        new Output.Rows(List.of("family", "d", "GLOP", "GLOP optimum (float)", "xcert",
            "xcert optimum (exact)", "GLOP / xcert"), base));
    spec.commandLine().getOut().print(out.toTable());
  }

  private static String secs(double s) {
    return String.format(Locale.ROOT, "%.3f s", s);
  }

  private static String ratio(double a, double b) {
    return String.format(Locale.ROOT, "%.1fx", a / b);
  }
}
