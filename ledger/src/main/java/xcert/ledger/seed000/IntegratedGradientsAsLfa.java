package xcert.ledger.seed000;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.claims.LimitChecks;
import xcert.explainers.lfa.Combination;
import xcert.explainers.lfa.Kernel;
import xcert.explainers.lfa.LfaExplainer;
import xcert.explainers.lfa.LfaInstance;
import xcert.explainers.lfa.Loss;
import xcert.explainers.lfa.ModelClass;
import xcert.explainers.lfa.Noises;
import xcert.explainers.lfa.Target;
import xcert.explainers.limits.ExactLimits;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;
import xcert.solvers.claims.Verdict;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.ReluNetwork;

/**
 * Seed 000 Theorem 1 (2), Appendix A.2.7: LFA with the gradient-matching loss and multiplicative
 * noise ξ = t·1, t ~ Uniform(0, 1) (reference 0) is Integrated Gradients. The LFA instance (run by
 * {@link LfaExplainer} on n samples) is compared with the exact IG of {@link ExactLimits} (kinks of
 * the path in rationals). Each sample contributes x0_i ∂_i f(t x0) ∈ [−|x0_i| G_i, |x0_i| G_i] with
 * G = {@link LimitChecks#gradientBound}, so by Hoeffding and a union bound over d coordinates the
 * estimate is within 2|x0_i|G_i √(ln(2d/δ)/(2n)) of the expectation with probability ≥ 1 − δ,
 * δ = 1e-6. The deterministic midpoint version and completeness are checked by
 * {@link LimitChecks#igMatchesRiemann} and {@link LimitChecks#igCompleteness}.
 */
public final class IntegratedGradientsAsLfa implements ClaimCheck {

  static final double DELTA = 1e-6;

  @Override
  public List<String> ids() {
    return List.of("000-Thm1.2a");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    int count = ctx.full() ? 20 : 4;
    long n = 4000;
    long base = ctx.seed() * 1000 + 4100;
    List<Verdict> vs = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      long seed = base + k;
      SplittableRandom rnd = new SplittableRandom(seed);
      int d = 2 + rnd.nextInt(4);
      ReluNetwork f = RandomInstances.relu(rnd, d, 2 + rnd.nextInt(4), 1 + rnd.nextInt(2), false);
      double[] x0 = LfaIdentities.point(rnd, d);
      vs.add(uniformNoiseIsIg(f, x0, n, seed));
      vs.add(LimitChecks.igMatchesRiemann(f, x0, new double[d], 64));
      vs.add(LimitChecks.igCompleteness(f, x0, new double[d]));
    }
    return List.of(Verdicts.finding("000-Thm1.2a", "LfaExplainer(Uniform(0,1)·1 multiplicative,"
        + " ℓgm, linear G; n = " + n + ") against ExactLimits.integratedGradients (reference 0)"
        + " within a Hoeffding tolerance (δ = 1e-6); LimitChecks.igMatchesRiemann (64 midpoints)"
        + " and igCompleteness; " + count + " ReLU networks d ≤ 5, seeds " + base + "..", vs));
  }

  /** The sampled LFA instance within the Hoeffding tolerance of exact IG. */
  public static Verdict uniformNoiseIsIg(ReluNetwork f, double[] x0, long n, long seed) {
    String claim = "seed 000 A.2.7: LFA(ℓgm, Uniform(0,1) multiplicative) = IG";
    int d = f.dimension();
    LfaInstance inst = new LfaInstance("integrated-gradients-uniform", Noises.uniformScale(0, 1),
        Combination.mask(new double[d]), Kernel.NONE, Loss.GRADIENT_MATCHING, Target.VALUE,
        ModelClass.linear(), false);
    double[] lfa = new LfaExplainer(inst, n, seed).explain(f, x0, new CpuBackend(1)).values();
    double[] ig = ExactLimits.integratedGradients(f, x0, new double[d]).values();
    double[] g = LimitChecks.gradientBound(f);
    double t = Math.sqrt(Math.log(2 * d / DELTA) / (2.0 * n));
    double worst = 0;
    for (int i = 0; i < d; i++) {
      double tol = 2 * Math.abs(x0[i]) * g[i] * t + 1e-12 * (1 + Math.abs(x0[i]) * g[i]);
      double diff = Math.abs(lfa[i] - ig[i]);
      worst = Math.max(worst, diff / Math.max(tol, 1e-300));
      if (!(diff <= tol)) {
        return Verdict.fails(claim, String.format(Locale.ROOT, "n=%d, seed=%d: feature %d LFA %.6g,"
            + " exact IG %.6g, |diff| %.3g > tol %.3g", n, seed, i + 1, lfa[i], ig[i], diff, tol));
      }
    }
    return Verdict.holds(claim, String.format(Locale.ROOT, "n=%d, seed=%d: max |LFA − IG|/tol ="
        + " %.3f", n, seed, worst));
  }
}
