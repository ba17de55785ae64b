package xcert.ledger.seed000;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.explainers.claims.IdentityChecks;
import xcert.explainers.claims.LimitChecks;
import xcert.explainers.limits.ExactLimits;
import xcert.explainers.recovery.ModifiedLoss;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.ReluNetwork;

/**
 * Seed 000, the paragraph after Remark 1 (000-Rem1b): with ∇_ξ g(ξ) replaced by ∇_ξ g(x ⊙ ξ)
 * (and g(ξ) by g(x ⊙ ξ)),
 *
 * <ol>
 *   <li>Integrated Gradients becomes ∫_0^1 ∇f(tx) dt: the modified fit on n samples
 *       t ~ Uniform(0, 1) ({@link ModifiedLoss#gradientMatchingFit}) is within the Hoeffding
 *       tolerance 2G_i√(ln(2d/δ)/(2n)) (δ = 1e-6, G = {@link LimitChecks#gradientBound}) of IG_i/x_i,
 *       IG exact from {@link ExactLimits#integratedGradients};
 *   <li>Gradient × Input becomes Vanilla Gradients: with t ~ Uniform(a, 1) and a ≥ 1 − ρ/‖x‖ (ρ the
 *       certified radius of x's linear region, {@link IdentityChecks#linearRegionRadius}) every
 *       sample has gradient ∇f(x), and the modified fit equals ∇f(x) to rounding;
 *   <li>binary noise recovers linear f: the exact least-squares fit over all ξ ∈ {0,1}^d
 *       ({@link ModifiedLoss#binaryAffineFit}, rationals) returns (w_f, b_f) with the modified loss
 *       and (w_f ⊙ x, b_f) with the original one.
 * </ol>
 */
public final class ModifiedLossRecovery implements ClaimCheck {

  static final double DELTA = 1e-6;

  @Override
  public List<String> ids() {
    return List.of("000-Rem1b");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    String id = "000-Rem1b";
    int count = ctx.full() ? 20 : 4;
    long n = 4000;
    long base = ctx.seed() * 1000 + 4500;
    String check = "ModifiedLoss.gradientMatchingFit (n = " + n + ", t ~ U(0,1)) vs exact IG/x"
        + " (Hoeffding, δ = 1e-6); the fit with t ~ U(a,1), a ≥ 1 − ρ/‖x‖, vs ∇f(x); "
        + "ModifiedLoss.binaryAffineFit (rationals, all of {0,1}^d) modified vs original; " + count
        + " ReLU networks d ≤ 5 and " + count + " linear models, seeds " + base + "..";
    double worstIg = 0;
    double worstVg = 0;
    for (int k = 0; k < count; k++) {
      long seed = base + k;
      SplittableRandom rnd = new SplittableRandom(seed);
      int d = 2 + rnd.nextInt(4);
      ReluNetwork f = RandomInstances.relu(rnd, d, 2 + rnd.nextInt(4), 1 + rnd.nextInt(2), false);
      double[] x = nonzeroPoint(rnd, d);
      // (1) IG → ∫∇f(tx)dt
      double[] fit = ModifiedLoss.gradientMatchingFit(f, x, 0, n, seed);
      double[] ig = ExactLimits.integratedGradients(f, x, new double[d]).values();
      double[] g = LimitChecks.gradientBound(f);
      double t = Math.sqrt(Math.log(2 * d / DELTA) / (2.0 * n));
      for (int i = 0; i < d; i++) {
        double want = ig[i] / x[i];
        double tol = 2 * g[i] * t + 1e-12 * (1 + g[i]);
        double diff = Math.abs(fit[i] - want);
        worstIg = Math.max(worstIg, diff / tol);
        if (!(diff <= tol)) {
          return List.of(Finding.fails(id, check, String.format(Locale.ROOT, "seed %d feature %d:"
              + " modified IG fit %.6g, ∫∂f(tx)dt = IG/x = %.6g, |diff| %.3g > tol %.3g", seed,
              i + 1, fit[i], want, diff, tol)));
        }
      }
      // (2) G×I → VG
      double rho = IdentityChecks.linearRegionRadius(f, x);
      double norm = Math.sqrt(Arrays.stream(x).map(v -> v * v).sum());
      if (rho > 0) {
        double a = (1 + Math.max(0, 1 - rho / norm)) / 2;
        double[] near = ModifiedLoss.gradientMatchingFit(f, x, a, 200, seed);
        double[] vg = IdentityChecks.gradient(f, x);
        for (int i = 0; i < d; i++) {
          double diff = Math.abs(near[i] - vg[i]);
          worstVg = Math.max(worstVg, diff);
          if (!(diff <= 1e-12 * (1 + g[i]))) {
            return List.of(Finding.fails(id, check, "seed " + seed + " feature " + (i + 1)
                + ": modified G×I fit " + near[i] + " at a = " + a + ", ∇f(x) = " + vg[i]));
          }
        }
      }
      // (3) binary noise on linear f, exactly
      BigFraction[] w = new BigFraction[d];
      BigFraction[] xq = new BigFraction[d];
      for (int i = 0; i < d; i++) {
        w[i] = BigFraction.of(rnd.nextInt(17) - 8, 4);
        xq[i] = BigFraction.of(rnd.nextBoolean() ? 1 + rnd.nextInt(8) : -1 - rnd.nextInt(8), 4);
      }
      BigFraction b = BigFraction.of(rnd.nextInt(9) - 4, 2);
      BigFraction[] modified = ModifiedLoss.binaryAffineFit(w, b, xq, true);
      BigFraction[] original = ModifiedLoss.binaryAffineFit(w, b, xq, false);
      for (int i = 0; i < d; i++) {
        if (!modified[i].equals(w[i]) || !original[i].equals(w[i].multiply(xq[i]))) {
          return List.of(Finding.fails(id, check, "seed " + seed + " feature " + (i + 1)
              + ": modified fit " + modified[i] + " (w = " + w[i] + "), original " + original[i]
              + " (w ⊙ x = " + w[i].multiply(xq[i]) + ")"));
        }
      }
      if (!modified[d].equals(b) || !original[d].equals(b)) {
        return List.of(Finding.fails(id, check, "intercepts " + modified[d] + ", " + original[d]
            + ", b = " + b));
      }
    }
    return List.of(Finding.holds(id, check, String.format(Locale.ROOT, "IG with the modified"
        + " loss = ∫∇f(tx)dt (max |diff|/tol %.3f); G×I with the modified loss = ∇f(x) (max |diff|"
        + " %.2g); binary noise recovers (w_f, b_f) exactly with the modified loss and returns"
        + " w_f ⊙ x with the original, on every instance", worstIg, worstVg)));
  }

  private static double[] nonzeroPoint(SplittableRandom rnd, int d) {
    double[] x = new double[d];
    for (int i = 0; i < d; i++) {
      x[i] = (rnd.nextBoolean() ? 1 : -1) * (1 + rnd.nextInt(8)) / 4.0;
    }
    return x;
  }
}
