package xcert.explainers.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import xcert.explainers.backend.CpuBackend;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.result.Provenance;

class LocalFidelityTest {

  private static final CpuBackend CPU = new CpuBackend(1);
  private static final ReluNetwork F = Models.affine(1, 2, -1, 0.5); // f = 2x1 − x2 + ½x3 + 1
  private static final double[] X0 = {0.5, 1, -1};

  @Test
  void exactExplanationOfAnAffineModelHasFidelityOne() {
    // g(z) = f(x0) + ∇fᵀ(z − x0) = f(z) everywhere; f(x0) = 1 − 1 − ½ + 1 = ½
    var a = Models.attribution(new double[] {2, -1, 0.5}, OptionalDouble.of(0.5));
    for (Ball b : Ball.values()) {
      LocalFidelity.Result r = LocalFidelity.measure(F, X0, a, b, 0.3, 500, 3, CPU);
      assertEquals(0, r.mse(), 1e-24);
      assertEquals(1, r.fidelity(), 1e-12);
      assertEquals(1, r.rSquared(), 1e-12);
      assertEquals(Provenance.Kind.SAMPLED, r.provenance().kind());
      assertEquals(500, r.provenance().samples());
      assertEquals(3, r.provenance().seed());
      assertEquals(b, r.ball());
    }
  }

  @Test
  void constantExplanationInTheBoxMatchesTheVarianceByHand() {
    // g ≡ f(x0) = ½, so f(z) − g(z) = aᵀu, u uniform on [−ε, ε]^3, a = (2, −1, ½):
    // E(aᵀu)² = Σ a_i² ε²/3 = (4 + 1 + ¼)·ε²/3. With ε = 0.3: 5.25·0.09/3 = 0.1575.
    // Each term lies in [0, (ε‖a‖₁)²] = [0, 1.1025]; Hoeffding at δ = 1e-6, n = 20000:
    // tolerance 1.1025·√(ln(2e6)/(2n)) ≈ 0.021.
    int n = 20_000;
    var a = Models.attribution(new double[3], OptionalDouble.of(0.5));
    LocalFidelity.Result r = LocalFidelity.measure(F, X0, a, Ball.LINF, 0.3, n, 11, CPU);
    double tol = 1.1025 * Math.sqrt(Math.log(2e6) / (2.0 * n));
    assertEquals(5.25 * 0.09 / 3, r.mse(), tol);
    assertEquals(1 / (1 + r.mse()), r.fidelity(), 1e-15);
    // the same seed gives the same number
    assertEquals(r, LocalFidelity.measure(F, X0, a, Ball.LINF, 0.3, n, 11, CPU));
  }

  @Test
  void badInput() {
    var a = Models.attribution(1, 1, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LocalFidelity.measure(F, X0, a, Ball.L2, 0, 10, 1, CPU));
    assertTrue(e.getMessage().contains("ε must be positive"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> LocalFidelity.measure(F, X0, Models.attribution(1, 1), Ball.L2, 1, 10, 1, CPU));
    assertTrue(e.getMessage().contains("dimensions differ"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LocalFidelity.measure(Models.and12(3),
        new double[3], a, Ball.L2, 1, 10, 1, CPU));
  }
}
