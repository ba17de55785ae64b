package xcert.explainers.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.explainers.api.Attribution;
import xcert.explainers.claims.LimitChecks;
import xcert.explainers.lfa.Kernel;
import xcert.solvers.claims.Verdict;
import xcert.solvers.dist.FeatureSupport;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.exact.GameValues;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.num.Rationals;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;

/**
 * The mask limits of {@link ExactLimits} held against exact counterparts: KernelSHAP over all
 * coalitions against the Shapley values of v(S) = f(x_S, r_{S^c}) (Lundberg and Lee, Theorem 2),
 * LIME against GLIME-Binomial (seed 001 B.1–B.2), Occlusion against its LFA instance, and the
 * recovery of an affine model (seed 000's model-recovery remarks).
 */
class MaskLimitsTest {

  private static final long SEED = 1_001L;

  @Test
  void kernelShapEqualsShapleyOnCircuits() {
    qt().withFixedSeed(SEED).withExamples(60).forAll(LimitGens.circuits(10))
        .checkAssert(c -> assertHolds(LimitChecks.kernelShapEqualsShapley(c.model(), c.x0(), c.r()),
            c));
  }

  @Test
  void kernelShapEqualsShapleyOnRelus() {
    qt().withFixedSeed(SEED).withExamples(30).forAll(LimitGens.relus(7, 2))
        .checkAssert(c -> assertHolds(LimitChecks.kernelShapEqualsShapley(c.model(), c.x0(), c.r()),
            c));
  }

  /**
   * The same identity through the solvers' own table: f_S(x0) under the product distribution that
   * puts all its mass on r is f(x0_S, r_{S^c}), and {@link GameValues#shapley} of that table must
   * equal the KernelSHAP limit as rationals.
   */
  @Test
  void kernelShapEqualsShapleyOfThePointMassTable() {
    qt().withFixedSeed(SEED + 1).withExamples(25)
        .forAll(LimitGens.circuits(8).mix(LimitGens.relus(6, 2)))
        .checkAssert(c -> {
          int d = c.model().dimension();
          List<FeatureSupport> point = new ArrayList<>();
          for (int i = 0; i < d; i++) {
            point.add(new FeatureSupport(new double[] {c.r()[i]}, new BigFraction[] {BigFraction.ONE}));
          }
          Scalar[] phi = GameValues.shapley(RestrictedPredictions.table(c.model(), c.x0(),
              ProductDistribution.of(point)).values());
          Attribution a = ExactLimits.kernelShap(c.model(), c.x0(), c.r());
          assertTrue(a.provenance().isExact(), c.label());
          for (int i = 0; i < d; i++) {
            assertEquals(phi[i].exact(), a.exactValues().get(i), c.label());
          }
        });
  }

  /** LIME (L2, width w, λ) = GLIME-Binomial (σ² = 2w², λ/Z) to 1e-9 relative. */
  @Test
  void limeEqualsGlimeBinomial() {
    double[] widths = {0.25, 0.5, 1, 2};
    double[] lambdas = {0, 0.01, 1};
    qt().withFixedSeed(SEED).withExamples(40)
        .forAll(LimitGens.circuits(8).mix(LimitGens.relus(6, 2)), integers().between(0, 3),
            integers().between(0, 2), booleans().all())
        .checkAssert((c, w, l, b) -> assertHolds(LimitChecks.limeEqualsGlimeBinomial(c.model(),
            c.x0(), c.r(), widths[w], b, lambdas[l], 1e-9), c));
  }

  /** Occlusion's exact limit equals the deterministic LFA instance to 1e-12. */
  @Test
  void occlusionEqualsLfa() {
    qt().withFixedSeed(SEED).withExamples(40)
        .forAll(LimitGens.circuits(10).mix(LimitGens.relus(8, 2)))
        .checkAssert(c -> assertHolds(LimitChecks.occlusionEqualsLfa(c.model(), c.x0(), c.r(),
            1e-12), c));
  }

  /**
   * An affine model f(x) = wᵀx + c masked between r and x0 is y(z) = f(r) + Σ a_i z_i with
   * a_i = w_i(x0_i − r_i): LIME and GLIME-Binomial with an intercept and λ = 0, KernelSHAP and
   * Occlusion all recover a_i (seed 000's model-recovery remarks).
   */
  @Test
  void affineModelIsRecovered() {
    double[] w = {0.75, -1.5, 2, 0.25, -0.5};
    ReluNetwork f = new ReluNetwork(new double[][][] {{w}}, new double[][] {{0.5}},
        OptionalDouble.empty());
    double[] x0 = {1, 2, -1, 0.5, 3};
    double[] r = {0, 1, 1, -2, 3};
    double[] a = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      a[i] = w[i] * (x0[i] - r[i]);
    }
    assertClose(a, ExactLimits.lime(f, x0, r, 0.25, Kernel.Distance.COSINE, true, 0).values(), 1e-12);
    assertClose(a, ExactLimits.lime(f, x0, r, 0.7, Kernel.Distance.L2, true, 0).values(), 1e-12);
    assertClose(a, ExactLimits.glimeBinomial(f, x0, r, 0.8, true, 0).values(), 1e-12);
    Attribution ks = ExactLimits.kernelShap(f, x0, r);
    assertClose(a, ks.values(), 0);
    for (int i = 0; i < a.length; i++) {
      assertEquals(Rationals.fromDouble(a[i]), ks.exactValues().get(i));
    }
    assertClose(a, ExactLimits.occlusion(f, x0, r).values(), 0);
  }

  /** The LIME limit says it is an enumeration with rounded weights, KernelSHAP that it is exact. */
  @Test
  void provenanceSaysWhatIsRounded() {
    ReluNetwork f = new ReluNetwork(new double[][][] {{{1, -1}, {0.5, 2}}, {{1, -1}}},
        new double[][] {{0, -0.25}, {0}}, OptionalDouble.empty());
    double[] x0 = {1, 1};
    double[] r = {0, 0};
    Attribution lime = ExactLimits.lime(f, x0, r, 0.25, Kernel.Distance.COSINE, true, 1);
    assertEquals(Provenance.Kind.ENUMERATED_FLOAT64, lime.provenance().kind());
    assertFalse(lime.isExact());
    assertTrue(lime.provenance().method().contains("not exact"));
    assertTrue(lime.intercept().isPresent());
    assertTrue(ExactLimits.kernelShap(f, x0, r).isExact());
    assertTrue(ExactLimits.occlusion(f, x0, r).isExact());
  }

  /** A very narrow kernel (weights spanning hundreds of orders of magnitude) still settles. */
  @Test
  void narrowKernelSettles() {
    ReluNetwork f = new ReluNetwork(new double[][][] {{{1, -1, 0.5}, {0.5, 2, -1}}, {{1, -1}}},
        new double[][] {{0, -0.25}, {0.5}}, OptionalDouble.empty());
    double[] x0 = {1, 1, 1};
    double[] r = {0, 0, 0};
    Attribution lime = ExactLimits.lime(f, x0, r, 0.05, Kernel.Distance.L2, true, 0);
    // With weights ~e^{−200(d−k)} the fit is pinned by the levels d and d−1: y(1) and the d
    // leave-one-out values, which a linear model with intercept interpolates: v_i = y(1) − y(1 − e_i).
    Attribution occ = ExactLimits.occlusion(f, x0, r);
    assertClose(occ.values(), lime.values(), 1e-40 + 1e-9);
  }

  private static void assertHolds(Verdict v, LimitGens.Case c) {
    assertFalse(v.failed(), () -> c.label() + ": " + v);
  }

  private static void assertClose(double[] expected, double[] actual, double tol) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], tol + 1e-15 * Math.abs(expected[i]), "feature " + (i + 1));
    }
  }
}
