package xcert.ledger.seed000;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import xcert.explainers.claims.IdentityChecks;
import xcert.explainers.claims.LimitChecks;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;
import xcert.solvers.claims.Verdict;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.ReluNetwork;

/**
 * Seed 000 Theorems 1–2, Appendix A.2 and Remark 1: the gradient and binary-noise methods as LFA
 * instances, run through {@link IdentityChecks} and {@link LimitChecks} on seeded random circuits
 * (d ≤ 6) and ReLU networks (d ≤ 5): the same-sample identities to a rounding allowance, the sampled
 * estimates against exact limits within Hoeffding/Chebyshev tolerances at failure probability
 * δ = 1e-6 (C-LIME: 1e-3), each tolerance derived in the library check.
 *
 * <ul>
 *   <li>000-Thm1.1a SmoothGrad = LFA(ℓgm, N(0, σ²I)) on the same samples (A.2.5);
 *   <li>000-Thm1.1b SmoothGrad → Vanilla Gradients as σ → 0, with a derived rate (A.2.6), and the
 *       σ = 0 instance equal to ∇f(x0);
 *   <li>000-Thm1.2b IG with Uniform(a, 1) → Gradient × Input as a → 1 (A.2.8), and the a = 1
 *       instance equal to x0 ⊙ ∇f(x0);
 *   <li>000-Thm2.1 LIME = LFA(binary noise, squared error, exponential kernel): sampled LIME within
 *       its tolerance of the exact expectation over {0,1}^d (A.2.1);
 *   <li>000-Thm2.2 KernelSHAP = LFA(Shapley kernel): sampled within tolerance of the exact Shapley
 *       values, and the all-coalition limit equal to them in rationals (A.2.2);
 *   <li>000-Thm2.3 Occlusion = LFA(one-hot, drop target) (A.2.3);
 *   <li>000-A.2.5b C-LIME → SmoothGrad in expectation (Stein's lemma), Chebyshev tolerance;
 *   <li>000-Rem1 linear f: additive-noise methods return w_f, binary and multiplicative ones
 *       w_f ⊙ x0;
 *   <li>000-Def2 the model-recovery principle for G linear, read at x0 = 1 (the all-ones point of
 *       the binary domain), where every noise type of Table 1 returns g* = f.
 * </ul>
 */
public final class LfaIdentities implements ClaimCheck {

  @Override
  public List<String> ids() {
    return List.of("000-Thm1.1a", "000-Thm1.1b", "000-Thm1.2b", "000-Thm2.1", "000-Thm2.2",
        "000-Thm2.3", "000-A.2.5b", "000-Rem1", "000-Def2");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    int count = ctx.full() ? 20 : 4;
    long base = ctx.seed() * 1000 + 4000;
    List<List<Verdict>> v = new ArrayList<>();
    for (int i = 0; i < ids().size(); i++) {
      v.add(new ArrayList<>());
    }
    for (int k = 0; k < count; k++) {
      long seed = base + k;
      SplittableRandom rnd = new SplittableRandom(seed);
      int dc = 2 + rnd.nextInt(5);
      Circuit c = RandomInstances.circuit(rnd, dc, 1 + rnd.nextInt(10));
      double[] xc = RandomInstances.input(rnd, dc, true);
      double[] rc = RandomInstances.input(rnd, dc, true);
      int dn = 2 + rnd.nextInt(4);
      ReluNetwork net = RandomInstances.relu(rnd, dn, 2 + rnd.nextInt(4), 1 + rnd.nextInt(2),
          false);
      double[] xn = point(rnd, dn);
      double[] rn = point(rnd, dn);
      v.get(0).add(IdentityChecks.smoothGradSameSamples(net, xn, seed, 500, 0.5));
      v.get(1).add(IdentityChecks.smoothGradToVanilla(net, xn, seed, 500, 1e-3, 1e-6));
      v.get(1).add(IdentityChecks.gradientLimitsExact(net, xn, seed));
      v.get(2).add(IdentityChecks.integratedToGradientTimesInput(net, xn, seed, 500, 0.999,
          1e-6));
      v.get(2).add(IdentityChecks.gradientLimitsExact(net, xn, seed));
      int ds = 2 + rnd.nextInt(2);
      Circuit small = RandomInstances.circuit(rnd, ds, 1 + rnd.nextInt(8));
      double[] xs = RandomInstances.input(rnd, ds, true);
      double[] rs = RandomInstances.input(rnd, ds, true);
      v.get(3).add(lime(IdentityChecks.lime(small, xs, seed, 200_000, rs, 2, 1e-6)));
      long nShap = Math.min(IdentityChecks.kernelShapSamples(ds, 1e-6), 200_000);
      v.get(4).add(IdentityChecks.kernelShap(small, xs, seed, nShap, rs, 1e-6));
      v.get(4).add(LimitChecks.kernelShapEqualsShapley(c, xc, rc));
      v.get(4).add(LimitChecks.kernelShapEqualsShapley(net, xn, rn));
      v.get(5).add(IdentityChecks.occlusion(c, xc, seed, dc, rc));
      v.get(5).add(IdentityChecks.occlusion(net, xn, seed, dn, rn));
      v.get(5).add(LimitChecks.occlusionEqualsLfa(net, xn, rn, 1e-12));
      if (k < (ctx.full() ? 3 : 1)) {
        ReluNetwork shallow = RandomInstances.relu(rnd, dn, 2 + rnd.nextInt(4), 1, false);
        v.get(6).add(IdentityChecks.cLimeToSmoothGrad(shallow, xn, seed, 1 << 20, 0.5, 1e-3));
      }
      ReluNetwork linear = RandomInstances.relu(rnd, dn, 1, 0, false);
      v.get(7).add(IdentityChecks.linearRecovery(linear, point(rnd, dn), seed, 2000));
      double[] ones = new double[dn];
      java.util.Arrays.fill(ones, 1);
      v.get(8).add(IdentityChecks.linearRecovery(linear, ones, seed, 2000));
    }
    String where = count + " instances, seeds " + base + ".." + (base + count - 1)
        + " (circuits d ≤ 6, ReLU networks d ≤ 5, coordinates in {−2, −7/4, …, 2})";
    String[] calls = {
      "IdentityChecks.smoothGradSameSamples (n = 500, σ = 1/2)",
      "IdentityChecks.smoothGradToVanilla (n = 500, σ = 1e-3, δ = 1e-6) and gradientLimitsExact",
      "IdentityChecks.integratedToGradientTimesInput (n = 500, a = 0.999, δ = 1e-6) and "
          + "gradientLimitsExact",
      "IdentityChecks.lime (n = 200000, kernel width σ = 2, λ = 0, δ = 1e-6) against the exact"
          + " expectation over {0,1}^d, circuits d ≤ 3 (vacuous where the bound is uninformative)",
      "IdentityChecks.kernelShap (sampled, δ = 1e-6) and LimitChecks.kernelShapEqualsShapley",
      "IdentityChecks.occlusion and LimitChecks.occlusionEqualsLfa",
      "IdentityChecks.cLimeToSmoothGrad (n = 2^20, σ = 1/2, δ = 1e-3)",
      "IdentityChecks.linearRecovery (n = 2000) on linear networks at random x0",
      "IdentityChecks.linearRecovery at x0 = 1: every noise type's g* = f"
    };
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < ids().size(); i++) {
      Finding f = Verdicts.finding(ids().get(i), calls[i] + "; " + where, v.get(i));
      if (i == 8 && f.verdict() == xcert.ledger.Verdict.HOLDS) {
        f = Finding.underReading(f.id(), "Definition 2 is a principle; read for G = linear models:"
            + " for f ∈ G each noise type of Table 1 has a neighbourhood whose g* is f (additive"
            + " Gaussian at any x0; binary and multiplicative at x0 = 1, where w ⊙ x0 = w)",
            f.check(), f.evidence());
      }
      out.add(f);
    }
    return out;
  }

  /** LIME's sampled estimate within its derived tolerance of the exact LFA expectation. */
  private static Verdict lime(IdentityChecks.Estimate e) {
    String claim = "seed 000 A.2.1: LIME = LFA(binary masks, squared error, exponential kernel)";
    if (!e.informative()) {
      return Verdict.vacuous(claim, e.note());
    }
    return e.error() <= e.tolerance() ? Verdict.holds(claim, e.note())
        : Verdict.fails(claim, e.note());
  }

  /** A point with coordinates in {−2, −7/4, …, 2} (exact in binary). */
  static double[] point(SplittableRandom rnd, int d) {
    double[] x = new double[d];
    for (int i = 0; i < d; i++) {
      x[i] = (rnd.nextInt(17) - 8) / 4.0;
    }
    return x;
  }
}
