package xcert.explainers.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import xcert.explainers.lfa.LfaInstance;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;

/**
 * The tolerances of {@link AgreementTolerance} on a given spectrum, against the formulas of
 * {@link AgreementCheck}'s class comment evaluated by hand: λ_min(A) = 4, λ_max(A) = λ_max(S) = 16,
 * Σπ = 100, δ = 0.01, n = 100, ‖w‖₂ = 1.
 */
class AgreementToleranceTest {

  private static final FitSpectrum SPECTRUM = new FitSpectrum(4, 16, 16, 100, 3);
  private static final double F64 = 8 * 100 * 0x1p-52 * 4 * 2;

  private static LfaInstance method(String name, MethodSettings s) {
    return Methods.instance(name, s, 3);
  }

  @Test
  void valueTarget() {
    // √100 · 0.01 / √4 = 0.05
    Tolerance t = AgreementTolerance.squaredError(method("c-lime", MethodSettings.defaults()),
        SPECTRUM, 0.01, 3, 100, 1);
    assertEquals(0.05, t.rigorous(), 1e-15);
    assertEquals(F64, t.float64(), 1e-25);
  }

  @Test
  void dropTarget() {
    // √100 · 0.02 / √4 = 0.1
    Tolerance t = AgreementTolerance.squaredError(method("occlusion", MethodSettings.defaults()),
        SPECTRUM, 0.01, 3, 100, 1);
    assertEquals(0.1, t.rigorous(), 1e-15);
  }

  @Test
  void efficiency() {
    // ‖δβ‖ ≤ √100 · 0.02 / √4 = 0.1; δw_d ≤ 0.02 + √2 · 0.1; δb ≤ 0.01.
    Tolerance t = AgreementTolerance.squaredError(method("kernelshap", MethodSettings.defaults()),
        SPECTRUM, 0.01, 3, 100, 1);
    double wd = 0.02 + Math.sqrt(2) * 0.1;
    assertEquals(Math.sqrt(0.01 + wd * wd + 1e-4), t.rigorous(), 1e-15);
  }

  @Test
  void lasso() {
    // √16 · √100 · 0.01 / 4 = 0.1
    Tolerance t = AgreementTolerance.squaredError(method("lime",
        MethodSettings.defaults().withLasso(true)), SPECTRUM, 0.01, 3, 100, 1);
    assertEquals(0.1, t.rigorous(), 1e-15);
  }

  @Test
  void gradientMatching() {
    // |J| ⊙ mean bound = (2·1e-3, 0, 1·2e-3, ...): ‖(2e-3, 0, 2e-3)‖₂ = 2√2·1e-3
    Tolerance t = AgreementTolerance.gradient(method("smoothgrad", MethodSettings.defaults()),
        new double[] {-2, 0, 1}, new double[] {1e-3, 5, 2e-3}, 100, 1);
    assertEquals(2 * Math.sqrt(2) * 1e-3, t.rigorous(), 1e-18);
    assertEquals(100 * 0x1p-52 * 2, t.float64(), 1e-28);
  }
}
