package xcert.ledger.seed000;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import xcert.explainers.recovery.SinusoidalAliasing;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;

/**
 * Seed 000 Remark 2: for f(x) = Σ_i sin(w_fi x_i) and an integer n, binary-noise methods do not
 * recover f when |w_fi| ≥ nπ/x0_i.
 *
 * <p>Precise reading checked here. G_W is the class of sinusoids g(x) = Σ_i sin(w_gi x_i) with
 * |w_gi| ≤ W_i, W_i ≥ |w_fi| (a symmetric box containing f; the unrestricted class is the limit
 * W → ∞), n ≥ 1, x0_i ≠ 0, and "does not recover f" means some g ∈ G_W, g ≠ f, has zero loss under
 * binary multiplicative noise with the modified loss (f(x0 ⊙ ξ) − g(x0 ⊙ ξ))² (the one that recovers
 * linear f, Remark 1b), the sum over all ξ ∈ {0,1}^d enumerated by
 * {@link SinusoidalAliasing#modifiedLoss}. On a grid of θ = w_f1·x0_1 ∈ ±{π/4, …, 3π} with random
 * x0 and a second random coordinate, d = 2:
 *
 * <ol>
 *   <li>the paper's argument: at θ = ±nπ, f(x0 ⊙ ξ) = 0 for every ξ (to rounding), so g = 0 has zero
 *       loss;
 *   <li>the claim: for every |θ| ≥ π some alias w' ≠ w_f1 with |w'| ≤ |w_f1| (from
 *       {@link SinusoidalAliasing#aliases}) has zero loss (≤ 1e-20);
 *   <li>the sharp threshold: aliases in the box exist iff |θ| > π/2; for |θ| ≤ π/2 no alias exists,
 *       and a grid search over |w'| ≤ |w_f1| (801 points, away from w_f1) finds the loss positive.
 * </ol>
 */
public final class SinusoidalRecovery implements ClaimCheck {

  /** Zero loss, to rounding: each of the 2^d residuals is a sum of d sines, each off by ≲ 1e-15. */
  static final double ZERO = 1e-20;

  @Override
  public List<String> ids() {
    return List.of("000-Rem2");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    String id = "000-Rem2";
    long seed = ctx.seed() * 1000 + 4600;
    double[] grid = {0.25, 0.5, 0.75, 0.9, 1, 1.25, 1.5, 2, 2.5, 3};
    String check = "SinusoidalAliasing.modifiedLoss over all ξ ∈ {0,1}^2 and .aliases in the box"
        + " |w'| ≤ |w_f1|, θ = w_f1·x0_1 ∈ ±π·" + java.util.Arrays.toString(grid) + ", x0 random"
        + " nonzero in ±[1/4, 2], seed " + seed;
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> belowThreshold = new ArrayList<>();
    int cases = 0;
    for (double g : grid) {
      for (double sign : new double[] {1, -1}) {
        cases++;
        double theta = sign * g * Math.PI;
        double x01 = (rnd.nextBoolean() ? 1 : -1) * (1 + rnd.nextInt(8)) / 4.0;
        double x02 = (rnd.nextBoolean() ? 1 : -1) * (1 + rnd.nextInt(8)) / 4.0;
        double[] x0 = {x01, x02};
        double[] wf = {theta / x01, (rnd.nextInt(17) - 8) / 4.0};
        double bound = Math.abs(wf[0]);
        List<Double> al = SinusoidalAliasing.aliases(wf[0], x01, bound);
        String where = String.format(Locale.ROOT, "θ = %.4gπ, x0 = (%s, %s), w_f = (%.6g, %s)",
            theta / Math.PI, x01, x02, wf[0], wf[1]);
        if (g == Math.rint(g)) {
          double worst = 0;
          for (int mask = 0; mask < 4; mask++) {
            double[] z = {(mask & 1) == 1 ? x01 : 0, (mask & 2) == 2 ? x02 : 0};
            worst = Math.max(worst, Math.abs(Math.sin(wf[0] * z[0])));
          }
          if (worst > 1e-14) {
            return List.of(Finding.fails(id, check, where + ": sin(w_f1 x0_1 ξ_1) reaches "
                + worst + " on a binary perturbation"));
          }
        }
        boolean above = Math.abs(theta) > Math.PI / 2 * (1 + 1e-12);
        if (above != !al.isEmpty()) {
          return List.of(Finding.fails(id, check, where + ": aliases " + al + " but |θ| > π/2 is "
              + above));
        }
        for (double a : al) {
          double loss = SinusoidalAliasing.modifiedLoss(wf, new double[] {a, wf[1]}, x0);
          if (!(loss <= ZERO)) {
            return List.of(Finding.fails(id, check, where + ": alias w' = " + a + " has loss "
                + loss));
          }
        }
        if (!above) {
          double min = Double.POSITIVE_INFINITY;
          for (int k = 0; k <= 800; k++) {
            double w = -bound + 2 * bound * k / 800;
            if (Math.abs(w - wf[0]) > bound / 100) {
              min = Math.min(min, SinusoidalAliasing.modifiedLoss(wf, new double[] {w, wf[1]},
                  x0));
            }
          }
          if (!(min > ZERO)) {
            return List.of(Finding.fails(id, check, where + ": a grid w' has loss " + min));
          }
        } else if (Math.abs(theta) < Math.PI) {
          belowThreshold.add(String.format(Locale.ROOT, "θ = %.3gπ: w' = %.4g (loss %.1g)",
              theta / Math.PI, al.get(0), SinusoidalAliasing.modifiedLoss(wf,
                  new double[] {al.get(0), wf[1]}, x0)));
        }
      }
    }
    return List.of(Finding.underReading(id, "G the sinusoids with |w_gi| ≤ W_i for a box W ≥ |w_f|"
        + " (or unrestricted), n ≥ 1, x0_i ≠ 0; 'does not recover' = some g ≠ f in G has zero"
        + " binary-noise loss, with the modified loss g(x0 ⊙ ξ) (the original g(ξ) sees only"
        + " sin(w_gi) and is worse). The printed bound is sufficient, not sharp: the argument's"
        + " sin(w_fi x0i) = 0 covers only w_fi x0i = ±nπ, and aliasing starts at |w_fi x0i| > π/2",
        check, cases + " cases: at θ = ±nπ f vanishes on every binary perturbation; for every"
        + " |θ| ≥ π an alias in the box has zero loss (≤ 1e-20), so the claim holds; the sharp"
        + " threshold is π/2 (no alias and positive loss off w_f for |θ| ≤ π/2); below the"
        + " printed bound yet not recovered: " + String.join("; ", belowThreshold)));
  }
}
