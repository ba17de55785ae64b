package xcert.explainers.masks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.explainers.api.Attribution;
import xcert.explainers.backend.CpuBackend;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.instances.Instance;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.TabularModel;
import xcert.solvers.result.Provenance;

/** Names, settings, provenance, determinism and the refusals of {@link RelaxedMaskExplainer}. */
class RelaxedMaskExplainerTest {

  /** Same settings and seed: bitwise the same mask, whatever the backend's thread count. */
  @Test
  void deterministicForAFixedSeed() {
    qt().withFixedSeed(4_005L).withExamples(6).forAll(longs().between(0, 1L << 40))
        .checkAssert(seed -> {
          Instance in = RandomInstances.reluInstance(seed, 5, 4, false);
          MaskSettings s = MaskSettings.defaults(0.5).withIterations(200).withSeed(seed);
          RelaxedMaskExplainer e = new RelaxedMaskExplainer(s, in.distribution());
          Attribution a = e.explain(in.model(), in.x(), new CpuBackend(1));
          Attribution b = e.explain(in.model(), in.x(), new CpuBackend(3));
          assertArrayEquals(a.values(), b.values(), 0.0, in.label());
          assertEquals(a.settings(), b.settings());
          for (double m : a.values()) {
            assertTrue(m >= MaskSettings.EPSILON && m <= 1 - MaskSettings.EPSILON);
          }
        });
  }

  @Test
  void namesSettingsAndProvenance() {
    ProductDistribution v = LinearInstances.distribution();
    assertEquals("mask-suf", new RelaxedMaskExplainer(MaskSettings.defaults(1), v).name());
    assertEquals("mask-nec", new RelaxedMaskExplainer(MaskSettings.defaults(0), v).name());
    assertEquals("mask-uni", new RelaxedMaskExplainer(MaskSettings.defaults(0.5), v).name());
    MaskSettings s = MaskSettings.defaults(0.5).withIterations(50).withSeed(42);
    Attribution a = new RelaxedMaskExplainer(s, v)
        .explain(LinearInstances.model(), LinearInstances.point(), new CpuBackend(1));
    assertEquals("mask-uni", a.method());
    assertTrue(a.intercept().isEmpty());
    assertEquals(Provenance.Kind.HEURISTIC, a.provenance().kind());
    assertEquals(10L * 50, a.provenance().samples());
    assertEquals(42L, a.provenance().seed());
    // default λ₁ = 0.1·|f(x) − f̂_∅(x)|/d, with f(x) = 31
    double fEmpty = Double.parseDouble(a.settings().get("f_empty estimate"));
    assertEquals(0.1 * Math.abs(31 - fEmpty) / 6, Double.parseDouble(a.settings().get("lambda1")),
        1e-12);
    for (String key : new String[] {"alpha", "necessity term", "baseline estimate", "lambda1",
        "lambda-tv", "grid width", "samples per step", "iterations", "learning rate", "beta1",
        "beta2", "temperature", "objective estimate"}) {
      assertTrue(a.settings().containsKey(key), key);
    }
  }

  @Test
  void concreteDerivativeMatchesCentralDifferences() {
    BinaryConcrete c = new BinaryConcrete(0.5);
    qt().withFixedSeed(4_006L).withExamples(100)
        .forAll(doubles().between(0.05, 0.95), longs().between(0, 1L << 40))
        .checkAssert((s, seed) -> {
          double noise = BinaryConcrete.logisticNoise(new SplittableRandom(seed));
          double h = 1e-6;
          double fd = (c.sample(s + h, noise) - c.sample(s - h, noise)) / (2 * h);
          // a stated tolerance, not a derived bound: central differences err by h²/6·|m̃'''| plus
          // rounding of about 2⁻⁵¹/h ≈ 4e-10
          double g = c.derivative(s, c.sample(s, noise));
          assertEquals(g, fd, 1e-6 * (1 + Math.abs(g)), "s=" + s + " L=" + noise);
        });
  }

  @Test
  void badSettingsAreRejectedWithTheParameterValueAndRange() {
    MaskSettings d = MaskSettings.defaults(1);
    assertRejected(() -> MaskSettings.defaults(1.5), "alpha", "1.5", "[0,1]");
    assertRejected(() -> d.withLambda1(-1), "lambda1", "-1.0", "[0,∞)");
    assertRejected(() -> d.withTotalVariation(1, 0), "lambdaTv", "gridWidth");
    assertRejected(() -> d.withTotalVariation(-1, 2), "lambdaTv", "-1.0");
    assertRejected(() -> d.withTotalVariation(0, -2), "gridWidth", "-2");
    assertRejected(() -> d.withSamplesPerStep(0), "samplesPerStep", "0", "[1,∞)");
    assertRejected(() -> d.withIterations(0), "iterations", "0");
    assertRejected(() -> d.withLearningRate(0), "learningRate", "0.0", "(0,∞)");
    assertRejected(() -> d.withBetas(1, 0.99), "beta1", "1.0", "[0,1)");
    assertRejected(() -> d.withBetas(0.9, -0.1), "beta2", "-0.1");
    assertRejected(() -> d.withTemperature(0), "temperature", "0.0", "(0,∞)");
    assertRejected(() -> d.withNecessityTerm(null), "necessityTerm");
    assertRejected(() -> d.withEvaluationSamples(0), "evaluationSamples", "0");
    // a grid that does not fit d = 6
    assertRejected(() -> new RelaxedMaskExplainer(d.withTotalVariation(1, 4),
        LinearInstances.distribution()).explain(LinearInstances.model(), LinearInstances.point(),
        new CpuBackend(1)), "gridWidth", "4", "d = 6");
    // a model with no gradient
    TabularModel t = new TabularModel(new double[][] {{0}, {1}},
        new BigFraction[] {BigFraction.ZERO, BigFraction.ONE});
    assertRejected(() -> new RelaxedMaskExplainer(d, ProductDistribution.uniform(1))
        .explain(t, new double[] {1}, new CpuBackend(1)), "TabularModel");
  }

  private static void assertRejected(Supplier<?> s, String... parts) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, s::get);
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "'" + e.getMessage() + "' lacks '" + p + "'");
    }
  }

}
