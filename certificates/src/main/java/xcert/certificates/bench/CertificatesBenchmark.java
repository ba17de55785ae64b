package xcert.certificates.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.certificates.Certification;
import xcert.certificates.Certifier;
import xcert.certificates.Family;
import xcert.certificates.lp.DualLp;
import xcert.certificates.lp.GlopSolver;
import xcert.certificates.lp.OjAlgoSolver;
import xcert.certificates.orbit.TrivialOrbits;
import xcert.certificates.problem.BinomialPartition;
import xcert.solvers.errors.InputException;

/**
 * The three figures the certificate module is held to (seed 002 Theorems 1 and 2, Lemma 1), each
 * beside a generic LP solve of the same full problem with OR-Tools GLOP (dual form, dual simplex; ojAlgo
 * where the GLOP natives are missing) in the same process.
 */
public final class CertificatesBenchmark {

  private static final List<Family> FAMILIES = List.of(Family.MONOMIAL_DELETION,
      Family.MONOMIAL_INSERTION, Family.BINOMIAL_INSERTION);

  private CertificatesBenchmark() {}

  /** @param baselineDs the d at which GLOP solves the full LP as the baseline (3..20 each) */
  public record Settings(List<Integer> baselineDs) {
    public Settings {
      baselineDs = List.copyOf(baselineDs);
      for (int d : baselineDs) {
        if (d < 3 || d > 20) {
          throw InputException.setting("baselineD", d + " is out of range; expected 3..20");
        }
      }
    }

    /** Baselines at d = 10, 12, 14. */
    public static Settings defaults() {
      return new Settings(List.of(10, 12, 14));
    }

    public Settings withBaselineDs(List<Integer> ds) {
      return new Settings(ds);
    }
  }

  /**
   * One baseline solve beside xcert's certificate.
   *
   * @param optimum xcert's certified optimum, null when not certified
   */
  public record BaselineRun(Family family, int d, double glopSeconds, double glopValue,
      double xcertSeconds, BigFraction optimum) {}

  /**
   * One figure.
   *
   * @param id short name, e.g. "full_check_d26"
   * @param description what was timed
   * @param seconds wall time
   * @param certified how many were certified
   * @param total how many were tried
   * @param target the time the figure is held to
   */
  public record Figure(String id, String description, double seconds, int certified, int total,
      String target) {}

  /**
   * @param cores available processors
   * @param baseline which generic solver the baseline used
   */
  public record Result(int cores, String baseline, List<Figure> figures,
      List<BaselineRun> baselineRuns) {
    public Result {
      figures = List.copyOf(figures);
      baselineRuns = List.copyOf(baselineRuns);
    }
  }

  /** Runs the baselines and the three figures; one progress line per step. */
  public static Result run(Settings settings, Consumer<String> progress) {
    Certification.Settings full = Certification.Settings.defaults();
    Certification.certify(Family.BINOMIAL_INSERTION, 12, full); // warm-up
    progress.accept("bench certificates: baseline, GLOP on the full LP");
    List<BaselineRun> base = new ArrayList<>();
    for (int d : settings.baselineDs()) {
      for (Family fam : FAMILIES) {
        long t0 = System.nanoTime();
        Certification.Result o = Certification.certify(fam, d, full);
        double ours = (System.nanoTime() - t0) / 1e9;
        TrivialOrbits lp = new TrivialOrbits(Certifier.problem(fam.id(), d,
            BinomialPartition.Rule.MIDDLE));
        long t1 = System.nanoTime();
        double glopValue = GlopSolver.available() ? GlopSolver.solve(DualLp.of(lp)).objective()
            : OjAlgoSolver.solve(DualLp.of(lp)).objective();
        double glop = (System.nanoTime() - t1) / 1e9;
        base.add(new BaselineRun(fam, d, glop, glopValue, ours, o.optimum()));
      }
    }
    progress.accept("bench certificates: all families, full LP, d = 2..20");
    long t0 = System.nanoTime();
    int certified = 0;
    int total = 0;
    for (Family fam : FAMILIES) {
      for (int d = Math.max(2, fam.minD()); d <= 20; d++) {
        total++;
        certified += Certification.certify(fam, d, full).certified() ? 1 : 0;
      }
    }
    double fullSeconds = (System.nanoTime() - t0) / 1e9;
    progress.accept("bench certificates: full-LP check at d = 26");
    long t1 = System.nanoTime();
    boolean big = Certification.certify(Family.MONOMIAL_DELETION, 26, full).certified();
    double bigSeconds = (System.nanoTime() - t1) / 1e9;
    progress.accept("bench certificates: symmetric certificates, every d <= 1000");
    Certification.Settings sym = full.withSymmetric(true);
    long t2 = System.nanoTime();
    int symCertified = 0;
    int symTotal = 0;
    for (Family fam : FAMILIES) {
      for (int d = fam.minD(); d <= 1000; d++) {
        symTotal++;
        symCertified += Certification.certify(fam, d, sym).certified() ? 1 : 0;
      }
    }
    double symSeconds = (System.nanoTime() - t2) / 1e9;
    List<Figure> figures = List.of(
        new Figure("full_lp_all_families_d2_20",
            "3 families, full LP, every d = 2..20 (candidate + exact check)", fullSeconds,
            certified, total, "<= 60 s"),
        new Figure("full_check_d26", "exact check of a full-LP certificate, d = 26 (2^26 sets)",
            bigSeconds, big ? 1 : 0, 1, "<= 120 s"),
        new Figure("symmetric_all_d_le_1000", "symmetric certificates, 3 families, every d <= 1000",
            symSeconds, symCertified, symTotal, "<= 60 s"));
    return new Result(Runtime.getRuntime().availableProcessors(), GlopSolver.available()
        ? "OR-Tools GLOP, dual simplex, full dual LP"
        : "ojAlgo LP, full dual LP (GLOP natives not available)", figures, base);
  }
}
