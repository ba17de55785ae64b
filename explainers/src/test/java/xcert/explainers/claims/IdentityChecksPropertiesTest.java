package xcert.explainers.claims;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import xcert.solvers.claims.Verdict;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;

/**
 * Property tests of {@link IdentityChecks} over generated circuits (d ≤ 12), ReLU networks (d ≤ 8),
 * inputs and seeds, with fixed QuickTheories seeds and shrinking. The number of tries is the system
 * property {@code xcert.tries} (default {@value #DEFAULT_TRIES}; the {@code properties-full} Maven
 * profile raises it). Heavy statistical properties run a fraction of the tries.
 */
class IdentityChecksPropertiesTest {

  static final int DEFAULT_TRIES = 100;
  static final int TRIES = Integer.getInteger("xcert.tries", DEFAULT_TRIES);
  /** Failure probability of each statistical tolerance (δ): at 2000 tries, P(any false alarm) ≤ 2e-3. */
  static final double DELTA = 1e-6;

  static QuickTheory qt(long fixedSeed, int examples) {
    return org.quicktheories.QuickTheory.qt().withFixedSeed(fixedSeed)
        .withExamples(Math.max(1, examples)).withShrinkCycles(200);
  }

  static ReluNetwork net(long seed, int d, int shape) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int width = 1 + shape % 6;
    int hidden = 1 + (shape / 6) % 3;
    return RandomInstances.relu(rnd, d, width, hidden, false);
  }

  /** A continuous input: a {−1, 0, 1} grid point moved by a uniform amount in (−1/2, 1/2). */
  static double[] point(long seed, int d) {
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
    double[] x = RandomInstances.input(rnd, d, false);
    for (int i = 0; i < d; i++) {
      x[i] += rnd.nextDouble() - 0.5;
    }
    return x;
  }

  static double[] binary(long seed, int d) {
    return RandomInstances.input(new SplittableRandom(seed), d, true);
  }

  static void assertNotFailed(Verdict v) {
    assertFalse(v.failed(), v::toString);
  }

  @Test
  void smoothGradEqualsItsLfaInstanceOnTheSameSamples() {
    qt(1, TRIES).forAll(longs().all(), integers().between(1, 8), integers().between(0, 17),
        integers().between(1, 300)).checkAssert((seed, d, shape, n) -> {
          double sigma = new double[] {0.05, 0.5, 1, 2}[(int) Math.floorMod(seed, 4L)];
          assertNotFailed(IdentityChecks.smoothGradSameSamples(net(seed, d, shape),
              point(seed, d), seed, n, sigma));
        });
  }

  @Test
  void occlusionEqualsItsLfaInstanceOnCircuits() {
    qt(2, TRIES).forAll(longs().all(), integers().between(1, 12), integers().between(0, 40),
        integers().between(0, 24)).checkAssert((seed, d, gates, extra) -> {
          Circuit c = RandomInstances.circuit(new SplittableRandom(seed), d, gates);
          assertNotFailed(IdentityChecks.occlusion(c, binary(seed, d), seed, d + extra,
              binary(seed + 1, d)));
        });
  }

  @Test
  void occlusionEqualsItsLfaInstanceOnNetworks() {
    qt(3, TRIES).forAll(longs().all(), integers().between(1, 8), integers().between(0, 17),
        integers().between(0, 16)).checkAssert((seed, d, shape, extra) ->
            assertNotFailed(IdentityChecks.occlusion(net(seed, d, shape), point(seed, d), seed,
                d + extra, point(seed + 1, d))));
  }

  @Test
  void vanillaGradientsAndGradientTimesInputAreTheLimitInstances() {
    qt(4, TRIES).forAll(longs().all(), integers().between(1, 8), integers().between(0, 17))
        .checkAssert((seed, d, shape) -> assertNotFailed(
            IdentityChecks.gradientLimitsExact(net(seed, d, shape), point(seed, d), seed)));
  }

  @Test
  void smoothGradTendsToVanillaGradientsAtTheDerivedRate() {
    AtomicInteger exact = new AtomicInteger();
    qt(5, TRIES).forAll(longs().all(), integers().between(1, 8), integers().between(0, 17),
        integers().between(0, 5)).checkAssert((seed, d, shape, step) -> {
          ReluNetwork f = net(seed, d, shape);
          double[] x0 = point(seed, d);
          double rho = IdentityChecks.linearRegionRadius(f, x0);
          // σ from well outside the linear region (step 0) to well inside it (step 5).
          double sigma = Double.isFinite(rho) && rho > 0
              ? rho / (Math.sqrt(d) + 0.5) * Math.pow(2, 2 - step) : Math.pow(2, -step);
          Verdict v = IdentityChecks.smoothGradToVanilla(f, x0, seed, 200, sigma, DELTA);
          assertNotFailed(v);
          if (v.witness().contains("N_out=0")) {
            exact.incrementAndGet();
          }
        });
    System.out.println("[SmoothGrad→VG] tries=" + TRIES + ", runs with every sample inside the "
        + "linear region (SG_n = VG to rounding): " + exact.get());
  }

  @Test
  void uniformIntegratedGradientsTendToGradientTimesInputAtTheDerivedRate() {
    qt(6, TRIES).forAll(longs().all(), integers().between(1, 8), integers().between(0, 17),
        integers().between(0, 6)).checkAssert((seed, d, shape, step) -> {
          ReluNetwork f = net(seed, d, shape);
          double[] x0 = point(seed, d);
          double rho = IdentityChecks.linearRegionRadius(f, x0);
          double nx = IdentityChecks.norm(x0);
          double knee = Double.isFinite(rho) ? Math.max(0, 1 - rho / nx) : 0;
          // a from 0 towards 1: below, at and above the derived knee a* = 1 − ρ/‖x0‖.
          double a = new double[] {0, 0.5, knee / 2, knee, (1 + knee) / 2, 1 - (1 - knee) / 100,
              1}[step];
          assertNotFailed(IdentityChecks.integratedToGradientTimesInput(f, x0, seed, 200, a,
              DELTA));
        });
  }

  static ReluNetwork linear(long seed, int d) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[][][] w = new double[1][1][d];
    for (int i = 0; i < d; i++) {
      w[0][0][i] = (rnd.nextInt(17) - 8) / 4.0 + rnd.nextDouble() / 8;
    }
    double[][] b = {{(rnd.nextInt(9) - 4) / 4.0}};
    return new ReluNetwork(w, b, OptionalDouble.empty());
  }

  @Test
  void linearModelsAreRecoveredAsRemarkOneSays() {
    qt(7, TRIES).forAll(longs().all(), integers().between(1, 8), integers().between(50, 400))
        .checkAssert((seed, d, n) -> assertNotFailed(
            IdentityChecks.linearRecovery(linear(seed, d), point(seed, d), seed, n)));
  }

  @Test
  void limeDefaultsShrinkTheAnswerOnLinearModels() {
    // A measurement (seed 001 B.3), printed, not asserted against a tuned number.
    for (int d : new int[] {2, 4, 6, 8}) {
      double sum = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      int count = 0;
      for (long seed = 1; seed <= 20; seed++) {
        double s = IdentityChecks.limeDefaultShrinkage(linear(seed, d), point(seed, d), seed, 1000);
        if (Double.isFinite(s)) {
          sum += s;
          min = Math.min(min, s);
          max = Math.max(max, s);
          count++;
        }
      }
      System.out.printf(java.util.Locale.ROOT, "[LIME defaults α=1, width 0.25, cosine, n=1000] "
          + "d=%d: shrink factor ⟨ŵ, w⊙x⟩/‖w⊙x‖² mean %.4f (min %.4f, max %.4f) over %d seeds%n",
          d, sum / count, min, max, count);
      assertTrue(count > 0);
    }
  }

  @Test
  void sampledKernelShapIsWithinTheHoeffdingBoundOfExactShapleyOnCircuits() {
    AtomicInteger informative = new AtomicInteger();
    qt(8, Math.max(3, TRIES / 4)).forAll(longs().all(), integers().between(2, 7),
        integers().between(0, 30)).checkAssert((seed, d, gates) -> {
          Circuit c = RandomInstances.circuit(new SplittableRandom(seed), d, gates);
          long n = IdentityChecks.kernelShapSamples(d, DELTA);
          Verdict v = IdentityChecks.kernelShap(c, binary(seed, d), seed, n, binary(seed + 1, d),
              DELTA);
          assertNotFailed(v);
          if (v.status() == Verdict.Status.HOLDS) {
            informative.incrementAndGet();
          }
          if (seed % 16 == 0) {
            System.out.println("[KernelSHAP] d=" + d + " " + v.witness());
          }
        });
    System.out.println("[KernelSHAP] informative (HOLDS) on " + informative.get() + " of "
        + Math.max(3, TRIES / 4) + " tries");
    assertTrue(informative.get() > 0);
  }

  @Test
  void sampledKernelShapIsWithinTheHoeffdingBoundOfExactShapleyOnNetworks() {
    qt(9, Math.max(3, TRIES / 8)).forAll(longs().all(), integers().between(2, 6),
        integers().between(0, 17)).checkAssert((seed, d, shape) -> {
          long n = IdentityChecks.kernelShapSamples(d, DELTA);
          Verdict v = IdentityChecks.kernelShap(net(seed, d, shape), point(seed, d), seed, n,
              point(seed + 1, d), DELTA);
          assertNotFailed(v);
        });
  }

  @Test
  void limeAndGlimeBinomialConvergeToTheirCommonLimit() {
    AtomicInteger informative = new AtomicInteger();
    qt(10, Math.max(3, TRIES / 4)).forAll(longs().all(), integers().between(1, 5),
        integers().between(0, 20), integers().between(0, 1)).checkAssert((seed, d, gates, s) -> {
          double sigma = new double[] {1, 2}[s];
          Model f = seed % 2 == 0 ? RandomInstances.circuit(new SplittableRandom(seed), d, gates)
              : net(seed, d, gates);
          double[] x0 = f instanceof Circuit ? binary(seed, d) : point(seed, d);
          double[] r = f instanceof Circuit ? binary(seed + 1, d) : point(seed + 1, d);
          Verdict v = IdentityChecks.limeAndGlimeConverge(f, x0, seed, 1 << 17, r, sigma, DELTA);
          assertNotFailed(v);
          if (v.status() == Verdict.Status.HOLDS) {
            informative.incrementAndGet();
          }
        });
    System.out.println("[LIME/GLIME → limit] n=2^17, δ=" + DELTA + ": informative (HOLDS) on "
        + informative.get() + " of " + Math.max(3, TRIES / 4) + " tries, the rest vacuous");
    assertTrue(informative.get() > 0);
  }

  @Test
  void limeVersusGlimeBinomialErrorsAtEqualSamples() {
    // A measurement (seed 001 Section 4.1), printed, not asserted: the distance of each λ = 0
    // estimate to the common exact limit at equal n, and the ratio LIME / GLIME-Binomial.
    int n = 1000;
    for (int d : new int[] {6, 12}) {
      for (double sigma : new double[] {0.25, 0.5, 1}) {
        StringBuilder sb = new StringBuilder();
        int limeSingular = 0;
        int glimeSingular = 0;
        double logSum = 0;
        int ratios = 0;
        for (long seed = 1; seed <= 6; seed++) {
          Model f = d > 8 || seed % 2 == 0
              ? RandomInstances.circuit(new SplittableRandom(seed), d, 3 * d)
              : net(seed, d, (int) seed);
          double[] x0 = f instanceof Circuit ? binary(seed, d) : point(seed, d);
          double[] r = f instanceof Circuit ? binary(seed + 1, d) : point(seed + 1, d);
          IdentityChecks.Estimate lime = IdentityChecks.lime(f, x0, seed, n, r, sigma, DELTA);
          IdentityChecks.Estimate glime = IdentityChecks.glimeBinomial(f, x0, seed, n, r, sigma,
              DELTA);
          limeSingular += lime.estimate() == null ? 1 : 0;
          glimeSingular += glime.estimate() == null ? 1 : 0;
          String le = lime.estimate() == null ? "singular"
              : String.format(java.util.Locale.ROOT, "%.3g", lime.error());
          String ge = glime.estimate() == null ? "singular"
              : String.format(java.util.Locale.ROOT, "%.3g", glime.error());
          sb.append(" [seed ").append(seed).append(": ").append(le).append(" / ").append(ge)
              .append(']');
          double ratio = lime.error() / glime.error();
          if (lime.estimate() != null && glime.estimate() != null && Double.isFinite(ratio)
              && ratio > 0) {
            logSum += Math.log(ratio);
            ratios++;
          }
        }
        System.out.printf(java.util.Locale.ROOT, "[LIME vs GLIME-Binomial, λ=0, d=%d, n=%d, σ=%s]"
            + " geometric-mean error ratio LIME/GLIME = %s over %d instances; singular systems:"
            + " LIME %d, GLIME %d; errors LIME / GLIME:%s%n", d, n, sigma,
            ratios > 0 ? String.format(java.util.Locale.ROOT, "%.3g", Math.exp(logSum / ratios))
                : "n/a", ratios, limeSingular, glimeSingular, sb);
      }
    }
  }

  @Test
  void cLimeTendsToTheSmoothGradExpectation() {
    AtomicInteger informative = new AtomicInteger();
    qt(11, Math.max(3, TRIES / 10)).forAll(longs().all(), integers().between(1, 6),
        integers().between(1, 6), integers().between(0, 1)).checkAssert((seed, d, width, s) -> {
          ReluNetwork f = RandomInstances.relu(new SplittableRandom(seed), d, width, 1, false);
          double sigma = new double[] {0.5, 1}[s];
          Verdict v = IdentityChecks.cLimeToSmoothGrad(f, point(seed, d), seed, 1 << 20, sigma,
              1e-3);
          assertNotFailed(v);
          if (v.status() == Verdict.Status.HOLDS) {
            informative.incrementAndGet();
          }
          if (seed % 8 == 0) {
            System.out.println("[C-LIME→SmoothGrad] d=" + d + " " + v.witness());
          }
        });
    assertTrue(informative.get() > 0);
  }
}
