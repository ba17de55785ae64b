package xcert.solvers.studies;

import java.util.Locale;
import java.util.function.Consumer;
import xcert.solvers.claims.Seed004Suite;
import xcert.solvers.claims.Tally;
import xcert.solvers.report.Report;
import xcert.solvers.report.Report.Medium;
import xcert.solvers.report.Study;
import xcert.solvers.report.TallyReports;

/**
 * The statements of seed 004 (Lemmas 4.1–4.2, Theorem 4.1 in three readings, Corollary 5.1, Theorem
 * 5.1 per α), the Shapley axioms and the f_S table against Eq. 1, checked on seeded random instances
 * by {@link Seed004Suite}, with how many instances each held on.
 */
public final class Seed004Study implements Study {

  @Override
  public String id() {
    return "seed004";
  }

  @Override
  public String title() {
    return "Seed 004: sufficiency, necessity and the unified problem, checked on generated instances";
  }

  @Override
  public Report run(boolean full, Consumer<String> progress) {
    return report(full ? Seed004Suite.Config.full() : Seed004Suite.Config.standard(), progress);
  }

  /** Runs the suite with {@code config} and reports it. */
  public Report report(Seed004Suite.Config config, Consumer<String> progress) {
    long t0 = System.nanoTime();
    Tally tally = Seed004Suite.run(config, progress);
    double seconds = (System.nanoTime() - t0) / 1e9;
    String setup = String.format(Locale.ROOT, "%d random circuits, %d circuits with a "
        + "symmetric pair, %d ReLU networks (d ≤ %d), %d finite joint distributions; base seed %d;"
        + " exact rational arithmetic; %.1f s.", config.circuits(), config.symmetric(),
        config.relus(), Math.min(config.maxD(), 8), config.joints(), config.seed(), seconds);
    Report.Builder b = Report.builder(id(), title()).paragraph(setup);
    TallyReports.blocks(b, tally, "statement", r -> !r.claim().contains("not a metric"))
        .paragraph(READING, Medium.DOCUMENT);
    b.paragraph("(first failures of the squared-distance rows, outside the theorems' metric "
        + "hypothesis, are in report.md)", Medium.TERMINAL);
    return b.data("seed", config.seed()).data("circuits", config.circuits())
        .data("symmetric_circuits", config.symmetric()).data("relu_networks", config.relus())
        .data("joints", config.joints()).data("seconds", seconds)
        .data("rows", TallyReports.data(tally, "statement")).build();
  }

  private static final String READING = """
      How to read this table. "held" and "failed" count instances on which the statement's
      hypotheses were met; "vacuous" counts instances where nothing met them (for example
      f(x) = f_∅(x) for Theorem 5.1). Every check is exact. Each statement is read literally:
      a failure is a counterexample to that reading, with the instance (seed and sizes, enough to
      rebuild it) and a witness that can be checked by hand. Rows marked "(a−b)², not a metric"
      run the squared distance, which breaks the triangle inequality that the proofs of Lemma 4.2,
      Theorem 4.1 and Theorem 5.1 use: failures there show that the hypothesis is needed, they do
      not refute the paper. Theorem 5.1 is stated without fixing α; its proof (Eq. 56–57) and the
      remark after it use α = 1/2, so it is checked at every α of the grid. Theorem 4.1 leaves the
      budget of (P_uni) open: "construction" checks the set S_suf ∪ S_nec that its proof builds,
      "literal" asks that an optimal set of (P_uni), at some budget between max(τ1, τ2) and
      τ1 + τ2 − 1, has the stated size and value, and "furthermore" asks that the larger of two
      nested sets is such an optimal set.""";
}
