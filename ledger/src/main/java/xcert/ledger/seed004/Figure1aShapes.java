package xcert.ledger.seed004;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import xcert.explainers.gaussian.RegressionConfig;
import xcert.explainers.gaussian.RegressionSetup;
import xcert.explainers.gaussian.UnifiedStability;
import xcert.explainers.studies.RelaxationsStudy;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;

/**
 * Seed 004 Section 6.1.1, Figure 1a: the linear regression d = 10, μ_i = 2^i, β_i = 32·2^{−i},
 * A_ij ~ U(0,1), f = β̂ᵀx, V the Gaussian conditional, (P_uni) solved over all 2^10 sets at 100 test
 * points ({@link UnifiedStability}, the seed of the report's relaxations section), and
 * H_τ(α) = mean |S*_α Δ S*_0|/d on α = 0, 0.05, …, 1 for τ ∈ {3, 6, 9}.
 *
 * <p>The shapes the text describes, as criteria fixed here before the run (H(1) is the total rise):
 *
 * <ul>
 *   <li>every τ: the curve rises, H(1) ≥ 0.1;
 *   <li>τ = 3, "a steady increase": no drop between consecutive α larger than 0.02, and the rise by
 *       α = 0.5 is between 20% and 80% of H(1) (neither front- nor back-loaded);
 *   <li>τ = 6, "an initial steep rise … then more gradually": H(0.2) ≥ 0.5·H(1);
 *   <li>τ = 9, "small to intermediate α do not significantly alter the solutions; α &gt; 0.8 leads
 *       to extreme changes": H(0.6) ≤ 0.25·H(1) and H(1) − H(0.8) ≥ 0.5·H(1).
 * </ul>
 */
public final class Figure1aShapes implements ClaimCheck {

  static final String CRITERION = "H(1) ≥ 0.1 for every τ; τ = 3: no drop > 0.02 between"
      + " consecutive α and 0.2·H(1) ≤ H(0.5) ≤ 0.8·H(1); τ = 6: H(0.2) ≥ 0.5·H(1); τ = 9:"
      + " H(0.6) ≤ 0.25·H(1) and H(1) − H(0.8) ≥ 0.5·H(1)";

  @Override
  public List<String> ids() {
    return List.of("004-§6.1.1");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    RegressionConfig rc = RegressionConfig.seed004(RelaxationsStudy.REGRESSION_SEED);
    RegressionSetup setup = RegressionSetup.draw(rc);
    int[] taus = {3, 6, 9};
    List<UnifiedStability.Point> pts = UnifiedStability.run(setup, taus,
        UnifiedStability.alphaGrid());
    ctx.plots().ifPresent(dir -> {
      try {
        java.nio.file.Files.createDirectories(dir);
        RelaxationsStudy.plot(dir.resolve("ledger-004-fig1a.png"), "Seed 004 Fig. 1a: stability"
            + " of S*_α (d = 10 linear regression)", pts, taus);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    StringBuilder curves = new StringBuilder();
    List<String> failed = judge(pts, curves);
    for (int tau : taus) {
      UnifiedStability.Point p0 = pts.stream().filter(p -> p.tau() == tau && p.alpha() == 0)
          .findFirst().orElseThrow();
      curves.append("τ = ").append(tau).append(": ").append(p0.ties()).append(" ties, ")
          .append(p0.nearTies()).append(" near ties at α = 0; ");
    }
    if (ctx.full()) {
      int met = 0;
      for (long s = 1; s <= 5; s++) {
        List<String> other = judge(UnifiedStability.run(RegressionSetup.draw(
            RegressionConfig.seed004(s)), taus, UnifiedStability.alphaGrid()), new StringBuilder());
        met += other.isEmpty() ? 1 : 0;
      }
      curves.append("other draws of A (seeds 1..5): ").append(met).append(" of 5 meet every"
          + " criterion; ");
    }
    String check = "UnifiedStability.run on RegressionConfig.seed004(" + RelaxationsStudy
        .REGRESSION_SEED + ") (1000 training rows, 100 test points, all 2^10 sets, Gaussian"
        + " conditional in closed form, first minimiser on ties), α = 0, 0.05, …, 1";
    return List.of(Finding.measured("004-§6.1.1", failed.isEmpty(), CRITERION, check,
        curves + (failed.isEmpty() ? "every shape criterion met" : "not met: "
            + String.join("; ", failed))));
  }

  /**
   * The criteria of {@link #CRITERION} applied to the curves H_τ(α) (α = 0, 0.05, …, 1; τ ∈ {3, 6,
   * 9}): the list of criteria not met (empty when all are), with the curves' key values appended
   * to {@code curves}.
   */
  public static List<String> judge(List<UnifiedStability.Point> pts, StringBuilder curves) {
    List<String> failed = new ArrayList<>();
    for (int tau : new int[] {3, 6, 9}) {
      double[] h = pts.stream().filter(p -> p.tau() == tau).mapToDouble(UnifiedStability.Point::mean)
          .toArray();
      double total = h[20];
      curves.append(String.format(Locale.ROOT, "τ = %d: H(0.2) = %.3f, H(0.5) = %.3f, H(0.6) ="
          + " %.3f, H(0.8) = %.3f, H(1) = %.3f; ", tau, h[4], h[10], h[12], h[16], total));
      if (total < 0.1) {
        failed.add("τ = " + tau + ": H(1) = " + fmt(total) + " < 0.1");
      }
      switch (tau) {
        case 3 -> {
          double drop = 0;
          for (int k = 0; k < 20; k++) {
            drop = Math.max(drop, h[k] - h[k + 1]);
          }
          if (drop > 0.02) {
            failed.add("τ = 3: a drop of " + fmt(drop));
          }
          if (h[10] < 0.2 * total || h[10] > 0.8 * total) {
            failed.add("τ = 3: H(0.5)/H(1) = " + fmt(h[10] / total) + " outside [0.2, 0.8]");
          }
        }
        case 6 -> {
          if (h[4] < 0.5 * total) {
            failed.add("τ = 6: H(0.2)/H(1) = " + fmt(h[4] / total) + " < 0.5");
          }
        }
        default -> {
          if (h[12] > 0.25 * total) {
            failed.add("τ = 9: H(0.6)/H(1) = " + fmt(h[12] / total) + " > 0.25");
          }
          if (total - h[16] < 0.5 * total) {
            failed.add("τ = 9: (H(1) − H(0.8))/H(1) = " + fmt((total - h[16]) / total)
                + " < 0.5");
          }
        }
      }
    }
    return failed;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
