package xcert.explainers.rde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import xcert.explainers.adf.ExactMoments;
import xcert.explainers.adf.Moments;
import xcert.explainers.adf.WeightedPoints;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.relax.ReferenceSampler;
import xcert.solvers.instances.Instance;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.ReluNetwork;

class DistortionGradientTest {

  private static final double H = 1e-6;

  /**
   * Central differences with h = 1e-6: the truncation error is h²/6·|∂³D| (≈ 1e-13 for third
   * derivatives up to 1e3) and the rounding error about 2⁻⁵²·|D|/h ≈ 2e-10·|D|; the tolerance
   * 1e-6·(1 + |D| + |∂D|) covers both with a wide margin. s stays in [0.05, 0.95]^d so that every
   * input variance (1 − s_i)² V[n]_ii is either 0 or at least 0.0025·V[n]_ii.
   */
  private static void checkGradient(Distortion dist, double[] s, String label) {
    int d = s.length;
    double[] g = new double[d];
    double value = dist.evaluate(s, g);
    assertEquals(value, dist.evaluate(s, null), 0, "value with and without gradient, " + label);
    for (int i = 0; i < d; i++) {
      double[] p = s.clone();
      double[] m = s.clone();
      p[i] += H;
      m[i] -= H;
      double fd = (dist.evaluate(p, null) - dist.evaluate(m, null)) / (2 * H);
      assertEquals(fd, g[i], 1e-6 * (1 + Math.abs(value) + Math.abs(g[i])),
          dist.describe() + ", ∂/∂s" + (i + 1) + ", " + label);
    }
  }

  private static double[] interior(SplittableRandom rnd, int d) {
    double[] s = new double[d];
    for (int i = 0; i < d; i++) {
      s[i] = 0.05 + 0.9 * rnd.nextDouble();
    }
    return s;
  }

  @Test
  void adfGradientsMatchCentralDifferences() {
    qt().withFixedSeed(501).withExamples(150)
        .forAll(integers().between(1, 6), integers().between(1, 4), longs().between(0, 1 << 20))
        .checkAssert((d, width, seed) -> {
          Instance inst = RandomInstances.reluInstance(seed, d, width, seed % 3 == 0);
          ReluNetwork net = xcert.explainers.relax.ReluScore.scoreOf((ReluNetwork) inst.model());
          ReferenceMoments ref = ReferenceMoments.of(new ReferenceSampler(inst.distribution()));
          double[] s = interior(new SplittableRandom(seed), d);
          int rank = 1 + (int) (seed % d);
          checkGradient(new DiagonalAdfDistortion(net, inst.x(), ref), s, inst.toString());
          checkGradient(new FullAdfDistortion(net, inst.x(), ref), s, inst.toString());
          checkGradient(new LowRankAdfDistortion(net, inst.x(), ref, rank), s, inst.toString());
        });
  }

  /**
   * The sampled distortion of a ReLU score is piecewise quadratic in s (y is affine in s, Φ piecewise
   * affine), so the central difference is exact up to rounding unless a kink lies within h of s
   * (probability of order h for these fixed seeds, none occurs).
   */
  @Test
  void sampledGradientsMatchCentralDifferencesOnReluNetworks() {
    qt().withFixedSeed(502).withExamples(100)
        .forAll(integers().between(1, 6), integers().between(1, 4), longs().between(0, 1 << 20))
        .checkAssert((d, width, seed) -> {
          Instance inst = RandomInstances.reluInstance(seed, d, width, false);
          ReferenceSampler sampler = new ReferenceSampler(inst.distribution());
          Distortion dist = new SampledDistortion(
              xcert.explainers.relax.SmoothModels.of(inst.model(), new CpuBackend(1)), inst.x(),
              sampler, 64, seed);
          checkGradient(dist, interior(new SplittableRandom(seed), d), inst.toString());
        });
  }

  /** On a circuit the multilinear extension is a polynomial in s: smooth everywhere. */
  @Test
  void sampledGradientsMatchCentralDifferencesOnCircuits() {
    qt().withFixedSeed(503).withExamples(100)
        .forAll(integers().between(1, 6), integers().between(1, 12), longs().between(0, 1 << 20))
        .checkAssert((d, gates, seed) -> {
          Instance inst = RandomInstances.circuitInstance(seed, d, gates);
          Circuit c = (Circuit) inst.model();
          Distortion dist = new SampledDistortion(
              xcert.explainers.relax.SmoothModels.of(c, new CpuBackend(1)), inst.x(),
              new ReferenceSampler(inst.distribution()), 64, seed);
          checkGradient(dist, interior(new SplittableRandom(seed), d), inst.toString());
        });
  }

  /**
   * For an affine network every ADF mode is exact (Eq. (5)), so D(s) equals the distortion from the
   * enumerated moments of y = x ⊙ s + n ⊙ (1 − s) (Eq. (3)); product V, low rank with r = d.
   * Tolerance 1e-12·scale², scale = 1 + Σ|w_i|(|x_i| + max|n_i|).
   */
  @Test
  void adfDistortionIsExactForAffineNetworks() {
    qt().withFixedSeed(504).withExamples(100)
        .forAll(integers().between(1, 7), longs().between(0, 1 << 20))
        .checkAssert((d, seed) -> {
          SplittableRandom rnd = new SplittableRandom(seed);
          ReluNetwork net = RandomInstances.relu(rnd, d, 1, 0, false);
          var v = RandomInstances.product(rnd, d, seed % 2 == 0);
          double[] x = RandomInstances.input(rnd, d, seed % 2 == 0);
          double[] s = interior(rnd, d);
          Moments exact = ExactMoments.of(net, WeightedPoints.obfuscation(x, s, v)).output();
          double r = net.score(x) - exact.mean(0);
          double expected = 0.5 * r * r + 0.5 * exact.variance(0);
          ReferenceMoments ref = ReferenceMoments.of(new ReferenceSampler(v));
          double scale = 1 + Math.abs(net.bias(0, 0));
          for (int i = 0; i < d; i++) {
            scale += Math.abs(net.weight(0, 0, i)) * (Math.abs(x[i]) + 1);
          }
          double tol = 1e-12 * scale * scale;
          assertEquals(expected, new DiagonalAdfDistortion(net, x, ref).evaluate(s, null), tol);
          assertEquals(expected, new FullAdfDistortion(net, x, ref).evaluate(s, null), tol);
          assertEquals(expected, new LowRankAdfDistortion(net, x, ref, d).evaluate(s, null), tol);
        });
  }

  /** A factor of rank d gives the full mode's D(s) and gradient, to rounding. */
  @Test
  void fullRankFactorGivesTheFullMode() {
    qt().withFixedSeed(505).withExamples(80)
        .forAll(integers().between(1, 6), integers().between(1, 4), longs().between(0, 1 << 20))
        .checkAssert((d, width, seed) -> {
          Instance inst = RandomInstances.reluInstance(seed, d, width, false);
          ReluNetwork net = (ReluNetwork) inst.model();
          ReferenceMoments ref = ReferenceMoments.of(new ReferenceSampler(inst.distribution()));
          double[] s = interior(new SplittableRandom(seed), d);
          double[] gf = new double[d];
          double[] gl = new double[d];
          double vf = new FullAdfDistortion(net, inst.x(), ref).evaluate(s, gf);
          double vl = new LowRankAdfDistortion(net, inst.x(), ref, d).evaluate(s, gl);
          assertEquals(vf, vl, 1e-9 * (1 + vf), inst.toString());
          for (int i = 0; i < d; i++) {
            assertEquals(gf[i], gl[i], 1e-8 * (1 + Math.abs(gf[i])), inst.toString());
          }
        });
  }

  @Test
  void distortionOfTheWholeInputIsZero() {
    Instance inst = RandomInstances.reluInstance(11, 5, 3, false);
    ReluNetwork net = (ReluNetwork) inst.model();
    ReferenceMoments ref = ReferenceMoments.of(new ReferenceSampler(inst.distribution()));
    double[] ones = {1, 1, 1, 1, 1};
    assertEquals(0, new DiagonalAdfDistortion(net, inst.x(), ref).evaluate(ones, null), 1e-12);
    assertEquals(0, new FullAdfDistortion(net, inst.x(), ref).evaluate(ones, null), 1e-12);
    assertTrue(new DiagonalAdfDistortion(net, inst.x(), ref).evaluate(new double[5], null) >= 0);
  }
}
