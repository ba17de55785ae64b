package xcert.explainers.realdata.digits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.explainers.limits.ExactLimits;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.exact.RateDistortion;
import xcert.solvers.exact.SufficiencyNecessity;
import xcert.solvers.model.AffineLayer;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.setfunction.SetFunction;

/**
 * The exact quantities of the digits study equal brute-force recomputations: D(S) and the
 * rate–distortion envelope on an 8-superpixel restriction (every S, rationals), Δsuf/Δnec and the
 * P_suf/P_nec optima on the 16 superpixels, and the GLIME-Binomial limit against a weighted least
 * squares over all 2^16 masks.
 */
class DigitsExactTest {

  static final DigitsData DATA = DigitsData.load(DigitsData.folder());
  static final DigitsModel MODEL = DigitsModel.load(DigitsData.folder());
  static final MaskedDigit IMG = MaskedDigit.of(DATA, MODEL,
      DATA.testDigitsPerClass(1).get(7).row(), DATA.roundedMeanImage());

  /** g with superpixels 8..15 kept: a network on the first 8 superpixels. */
  static ReluNetwork firstEight(ReluNetwork g) {
    BigFraction[][] w = new BigFraction[16][8];
    BigFraction[] b = new BigFraction[16];
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 8; j++) {
        w[i][j] = i == j ? BigFraction.ONE : BigFraction.ZERO;
      }
      b[i] = i < 8 ? BigFraction.ZERO : BigFraction.ONE;
    }
    List<AffineLayer> layers = new java.util.ArrayList<>(g.layers());
    layers.set(0, layers.get(0).after(AffineLayer.of(w, b)));
    return new ReluNetwork(layers, OptionalDouble.empty(), false);
  }

  static double[] mask(int s, int d) {
    double[] z = new double[d];
    for (int i = 0; i < d; i++) {
      z[i] = (s >>> i) & 1;
    }
    return z;
  }

  @Test
  void distortionAndEnvelopeEqualBruteForceOnEightSuperpixels() {
    ReluNetwork g8 = firstEight(IMG.g());
    int d = 8;
    SetFunction dist = RateDistortion.compute(g8, mask(255, d), RelevanceOrderingCurves.noise(d),
        Arithmetic.EXACT).distortion();
    BigFraction[] val = new BigFraction[1 << d];
    for (int z = 0; z < 1 << d; z++) {
      val[z] = g8.exactScoreFraction(mask(z, d));
    }
    BigFraction fx = val[255];
    BigFraction[] best = new BigFraction[d + 1];
    for (int s = 0; s < 1 << d; s++) {
      // D(S) = average over z ⊇ S (z_{S^c} uniform) of ½(g(1) − g(z))²
      BigFraction sum = BigFraction.ZERO;
      int count = 0;
      for (int z = 0; z < 1 << d; z++) {
        if ((z & s) == s) {
          BigFraction diff = fx.subtract(val[z]);
          sum = sum.add(diff.multiply(diff));
          count++;
        }
      }
      BigFraction brute = sum.divide(2 * count);
      assertEquals(brute, dist.exactAt(s), "D of set " + s);
      int k = Integer.bitCount(s);
      for (int j = k; j <= d; j++) {
        if (best[j] == null || brute.compareTo(best[j]) < 0) {
          best[j] = brute;
        }
      }
    }
    Map<String, double[]> attr = new LinkedHashMap<>();
    attr.put("index order reversed", new double[] {0, 1, 2, 3, 4, 5, 6, 7});
    MaskedDigit img8 = new MaskedDigit(IMG.row(), IMG.label(), IMG.cls(), g8);
    RelevanceOrderingCurves.Result r = RelevanceOrderingCurves.run(img8, dist, attr);
    for (int k = 0; k <= d; k++) {
      assertEquals(best[k], r.envelope()[k], "envelope at " + k);
      assertTrue(r.orderings().get("index order reversed")[k].compareTo(r.envelope()[k]) >= 0);
    }
    // the ordering fixes 7, 6, 5, ... first
    assertEquals(dist.exactAt(0b1100_0000), r.orderings().get("index order reversed")[2]);
  }

  @Test
  void float64DistortionAgreesWithExactOnEightSuperpixels() {
    ReluNetwork g8 = firstEight(IMG.g());
    SetFunction exact = RateDistortion.compute(g8, mask(255, 8), RelevanceOrderingCurves.noise(8),
        Arithmetic.EXACT).distortion();
    SetFunction f64 = RateDistortion.compute(g8, mask(255, 8), RelevanceOrderingCurves.noise(8),
        Arithmetic.FLOAT64).distortion();
    for (int s = 0; s < 256; s++) {
      double e = exact.exactAt(s).doubleValue();
      assertEquals(e, f64.doubleAt(s), 1e-12 * Math.max(1, Math.abs(e)));
    }
  }

  @Test
  void sufficiencyNecessityAndOptimaEqualBruteForce() {
    SufficiencyNecessity sn = SufficientNecessaryMasks.exact(IMG);
    ReluNetwork g = IMG.g();
    BigFraction f1 = g.exactScoreFraction(MaskedDigit.ones());
    BigFraction f0 = g.exactScoreFraction(MaskedDigit.zeros());
    SplittableRandom rnd = new SplittableRandom(21);
    for (int i = 0; i < 100; i++) {
      int s = rnd.nextInt(1 << 16);
      int c = ~s & 0xFFFF;
      assertEquals(f1.subtract(g.exactScoreFraction(mask(s, 16))).abs(), sn.deltaSuf().exactAt(s));
      assertEquals(g.exactScoreFraction(mask(c, 16)).subtract(f0).abs(), sn.deltaNec().exactAt(s));
    }
    // P_suf and P_nec at τ = 2 by brute force over the 137 sets of size ≤ 2
    BigFraction bestSuf = null;
    BigFraction bestNec = null;
    for (int s = 0; s < 1 << 16; s++) {
      if (Integer.bitCount(s) > 2) {
        continue;
      }
      BigFraction suf = f1.subtract(g.exactScoreFraction(mask(s, 16))).abs();
      BigFraction nec = g.exactScoreFraction(mask(~s & 0xFFFF, 16)).subtract(f0).abs();
      bestSuf = bestSuf == null || suf.compareTo(bestSuf) < 0 ? suf : bestSuf;
      bestNec = bestNec == null || nec.compareTo(bestNec) < 0 ? nec : bestNec;
    }
    assertEquals(bestSuf, sn.solveSufficiency(2).value().exact());
    assertEquals(bestNec, sn.solveNecessity(2).value().exact());
  }

  @Test
  void normalisationAndThresholdsFollowSeed004() {
    double[] a = SufficientNecessaryMasks.normalise(new double[] {2, 1, 0, -1});
    assertArrayEquals(new double[] {1, 0.5, 0, -0.5}, a, 0);
    assertEquals(0b11, SufficientNecessaryMasks.threshold(a, 0));
    assertEquals(0b11, SufficientNecessaryMasks.threshold(a, 0.5));
    assertEquals(0b01, SufficientNecessaryMasks.threshold(a, 0.6));
    assertEquals(0, SufficientNecessaryMasks.threshold(SufficientNecessaryMasks.normalise(
        new double[] {0, 0}), 0));
  }

  @Test
  void glimeBinomialLimitIsTheWeightedLeastSquaresOverAllMasks() {
    double sigma = 1;
    double[] table = IMG.table();
    int p = 17;
    double[] a = new double[p * p]; // the weighted normal equations, row-major
    double[] b = new double[p];
    for (int s = 0; s < 1 << 16; s++) {
      double q = Math.exp((Integer.bitCount(s) - 16) / (sigma * sigma));
      double[] x = new double[p];
      for (int i = 0; i < 16; i++) {
        x[i] = (s >>> i) & 1;
      }
      x[16] = 1;
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          a[i * p + j] += q * x[i] * x[j];
        }
        b[i] += q * x[i] * table[s];
      }
    }
    double[] w = xcert.solvers.linalg.FloatLinearSolver.solve(a, b, 0);
    double[] limit = ExactLimits.glimeBinomial(IMG.g(), MaskedDigit.ones(), MaskedDigit.zeros(),
        sigma, true, 0).values();
    for (int i = 0; i < 16; i++) {
      assertEquals(w[i], limit[i], 1e-8, "w" + i);
    }
    // the limit maximises the R² over its neighbourhood: a perturbation can only lower it
    double best = StabilityFidelity.binaryR2(table, limit, sigma);
    double[] off = limit.clone();
    off[3] += 0.1;
    assertTrue(StabilityFidelity.binaryR2(table, off, sigma) < best);
    assertTrue(best > 0 && best <= 1);
  }
}
