package xcert.ledger.seed001;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.explainers.claims.LimitChecks;
import xcert.explainers.lfa.ShapleyKernel;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;
import xcert.solvers.claims.Verdict;
import xcert.solvers.num.Rationals;

/**
 * Seed 001 Section 3.3: KernelSHAP is GLIME with R = 0 and π(z') = (d−1)/(C(d,|z'|)|z'|(d−|z'|))
 * — the library's {@link ShapleyKernel} against the formula in rationals for d ≤ 16, and the
 * weighted least squares over all coalitions with that kernel (sizes 0 and d as constraints, the
 * infinite weights) equal to the Shapley values ({@link LimitChecks#kernelShapEqualsShapley}); and
 * DLIME/ALIME as GLIME instances (not checkable: a definitional mapping onto Eq. 2 with a
 * data-defined P or an autoencoder-defined π, neither of which xcert implements).
 */
public final class UnifiedMethodsCheck implements ClaimCheck {

  @Override
  public List<String> ids() {
    return List.of("001-§3.3-KS", "001-§3.3-DA");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    String fail = null;
    int n = 0;
    for (int d = 2; d <= 16 && fail == null; d++) {
      for (int k = 1; k < d; k++) {
        n++;
        BigFraction exact = BigFraction.of(d - 1).divide(BigFraction.of(
            StatedNumbersCheck.binomial(d, k)).multiply(k).multiply(d - k));
        BigFraction lib = Rationals.fromDouble(ShapleyKernel.weight(d, k));
        // within a few ulps of the exact rational
        if (lib.subtract(exact).abs().compareTo(exact.multiply(BigFraction.of(1, 1L << 50))) > 0) {
          fail = "d=" + d + ", k=" + k + ": library " + ShapleyKernel.weight(d, k) + ", exact "
              + exact.doubleValue();
          break;
        }
      }
    }
    Verdict v = LimitChecks.kernelShapEqualsShapley(Models.net4(), Models.X4, Models.R4);
    Verdict w = LimitChecks.kernelShapEqualsShapley(Models.net4(), Models.X4,
        new double[] {0.5, -1, 1, 0});
    boolean ok = fail == null && v.status() == Verdict.Status.HOLDS
        && w.status() == Verdict.Status.HOLDS;
    Finding ks = ok ? Finding.underReading("001-§3.3-KS", "with π = ∞ at |z'| ∈ {0, d} (the "
        + "formula divides by 0 there), i.e. the efficiency constraints b = f(r), Σw = f(x) − f(r)",
        "ShapleyKernel.weight against (d−1)/(C(d,k)k(d−k)) in rationals, d = 2..16 (" + n
        + " sizes); LimitChecks.kernelShapEqualsShapley on ReLU 4-3-1 at two references",
        "kernel within 2^−50 relative everywhere; " + v.witness() + "; " + w.witness())
        : Finding.fails("001-§3.3-KS", "ShapleyKernel and LimitChecks.kernelShapEqualsShapley",
            (fail == null ? "" : fail + "; ") + v + "; " + w);
    Finding da = Finding.notCheckable("001-§3.3-DA", "a definitional mapping: DLIME is Eq. 2 with "
        + "P the empirical distribution of a training-data cluster and ALIME is Eq. 2 with "
        + "π = exp(−‖AE(x) − AE(z')‖₁) for a trained autoencoder; with P and π so chosen the two "
        + "objectives coincide symbol for symbol, there is no statement left that a computation "
        + "could refute, and xcert implements neither method");
    return List.of(ks, da);
  }
}
