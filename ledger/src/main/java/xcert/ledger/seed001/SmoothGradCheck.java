package xcert.ledger.seed001;

import java.util.List;
import xcert.explainers.claims.IdentityChecks;
import xcert.explainers.claims.LimitChecks;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;
import xcert.solvers.claims.Verdict;
import xcert.solvers.model.ReluNetwork;

/**
 * Seed 001 Proposition B.4: GLIME with Gaussian z', squared loss, π = 1 and R = 0 gives
 * w* = σ⁻²E[z'f(x + z')] = E[∇f(x + z')] (SmoothGrad), and σ → 0 gives ∇f(x). Runs the library's
 * derived-tolerance checks on a one-hidden-layer ReLU network: the closed form E[∇f] against sampled
 * SmoothGrad ({@link LimitChecks#smoothGradClosedFormMatchesSampled}, Hoeffding), the unregularised
 * Gaussian regression (C-LIME, i.e. GLIME-Gauss with R = 0) against E[∇f]
 * ({@link IdentityChecks#cLimeToSmoothGrad}, Chebyshev), and SmoothGrad at small σ against ∇f(x)
 * ({@link IdentityChecks#smoothGradToVanilla}).
 */
public final class SmoothGradCheck implements ClaimCheck {

  @Override
  public List<String> ids() {
    return List.of("001-PropB.4");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    ReluNetwork f = Models.net4();
    double[] x = Models.X4;
    long seed = ctx.seed();
    Verdict a = LimitChecks.smoothGradClosedFormMatchesSampled(f, x, 0.3, 20000, seed);
    Verdict b = IdentityChecks.cLimeToSmoothGrad(f, x, seed, 100_000, 1, 0.01);
    Verdict c = IdentityChecks.smoothGradToVanilla(f, x, seed, 2000, 1e-3, 1e-3);
    boolean ok = a.status() == Verdict.Status.HOLDS && b.status() == Verdict.Status.HOLDS
        && c.status() == Verdict.Status.HOLDS;
    return List.of(Finding.of("001-PropB.4", ok, "LimitChecks.smoothGradClosedFormMatchesSampled "
        + "(σ = 0.3, n = 20000), IdentityChecks.cLimeToSmoothGrad (σ = 1, n = 100000, δ = 0.01), "
        + "IdentityChecks.smoothGradToVanilla (σ = 1e−3, n = 2000, δ = 1e−3); ReLU 4-3-1, seed "
        + seed, a.status() + ": " + a.witness() + " | " + b.status() + ": " + b.witness() + " | "
        + c.status() + ": " + c.witness()));
  }
}
