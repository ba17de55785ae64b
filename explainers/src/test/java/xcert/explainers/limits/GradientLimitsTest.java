package xcert.explainers.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.OptionalDouble;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.explainers.api.Attribution;
import xcert.explainers.claims.LimitChecks;
import xcert.solvers.claims.Verdict;
import xcert.solvers.model.ReluNetwork;

/**
 * Integrated Gradients and SmoothGrad limits on generated ReLU networks: exact completeness, the
 * midpoint Riemann sum within a bound derived from the kinks ({@link LimitChecks#riemannBound}), and
 * the closed-form SmoothGrad within a Hoeffding tolerance of the sampled one.
 */
class GradientLimitsTest {

  private static final long SEED = 2_000L;

  /** Σ IG_i = f(x0) − f(r) as rationals, one and two hidden layers. */
  @Test
  void integratedGradientsIsComplete() {
    qt().withFixedSeed(SEED).withExamples(80).forAll(LimitGens.relus(8, 3))
        .checkAssert(c -> assertHolds(LimitChecks.igCompleteness(c.relu(), c.x0(), c.r()), c));
  }

  /**
   * The m-step midpoint Riemann sum (LFA "integrated-gradients") against the exact IG. The midpoint
   * rule's (1/24m²)·max|f''| does not apply (the integrand jumps at kinks); the bound is
   * |x0_i − r_i|·2L_i·min(K, m)/m with K ≤ Π(1 + H_l) − 1 kinks and L_i ≥ |∂_i f| (derivation in
   * {@link LimitChecks#riemannBound}).
   */
  @Test
  void riemannSumWithinKinkBound() {
    int[] steps = {4, 16, 64};
    qt().withFixedSeed(SEED).withExamples(40).forAll(LimitGens.relus(8, 2), integers().between(0, 2))
        .checkAssert((c, m) -> assertHolds(LimitChecks.igMatchesRiemann(c.relu(), c.x0(), c.r(),
            steps[m]), c));
  }

  /** On a piece without kinks the gradient is constant and IG is Δ_i·∂_i f: a hand example. */
  @Test
  void integratedGradientsByHand() {
    // f(x) = ReLU(x1 − x2) − 2·ReLU(x2 − 1/2) from r = (0, 0) to x0 = (1, 1):
    // along t·(1,1) the first unit is 0, the second is active for t > 1/2 with gradient (0, −2).
    ReluNetwork f = new ReluNetwork(new double[][][] {{{1, -1}, {0, 1}}, {{1, -2}}},
        new double[][] {{0, -0.5}, {0}}, OptionalDouble.empty());
    Attribution ig = ExactLimits.integratedGradients(f, new double[] {1, 1}, new double[] {0, 0});
    assertEquals(BigFraction.ZERO, ig.exactValues().get(0));
    assertEquals(BigFraction.of(-1), ig.exactValues().get(1));
    assertEquals("1", ig.settings().get("kinks"));
  }

  /**
   * Closed-form SmoothGrad vs the LFA instance on n samples. Each sampled coordinate lies in
   * [−G_i, G_i], G_i = Σ_j |v_j w_ji|, so by Hoeffding P(|mean − E| ≥ t) ≤ 2exp(−n t²/(2G_i²));
   * with failure probability 1e-6 per coordinate (union bound over coordinates) the assertion is
   * |mean − closed form| ≤ G_i √(2 ln(2·10⁶)/n).
   */
  @Test
  void smoothGradClosedFormMatchesSampled() {
    double[] sigmas = {0.1, 0.5, 2};
    qt().withFixedSeed(SEED).withExamples(25)
        .forAll(LimitGens.relus(8, 1), integers().between(0, 2), longs().between(0, 1000))
        .checkAssert((c, s, seed) -> assertHolds(LimitChecks.smoothGradClosedFormMatchesSampled(
            c.relu(), c.x0(), sigmas[s], 4000, seed), c));
  }

  /** Φ at points whose values are tabulated (Abramowitz and Stegun, 26.2). */
  @Test
  void normalCdfValues() {
    assertEquals(0.5, NormalCdf.phi(0), 1e-16);
    assertEquals(0.8413447460685429, NormalCdf.phi(1), 1e-15);
    assertEquals(0.9937903346742238, NormalCdf.phi(2.5), 1e-15);
    assertEquals(0.0013498980316300946, NormalCdf.phi(-3), 1e-17);
    assertEquals(7.619853024160527e-24, NormalCdf.phi(-10), 1e-36);
    for (double x = -8; x <= 8; x += 0.125) {
      assertEquals(1.0, NormalCdf.phi(x) + NormalCdf.phi(-x), 1e-15, "x = " + x);
    }
  }

  private static void assertHolds(Verdict v, LimitGens.Case c) {
    assertFalse(v.failed(), () -> c.label() + ": " + v);
    assertTrue(v.status() == Verdict.Status.HOLDS, () -> c.label() + ": " + v);
  }
}
