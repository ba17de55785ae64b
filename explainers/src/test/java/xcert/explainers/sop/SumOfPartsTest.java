package xcert.explainers.sop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** Sparsemax, the SOP model and the grouped metrics of seed 002 against independent computations. */
class SumOfPartsTest {

  @Test
  void sparsemaxIsTheSimplexProjectionExactly() {
    // z = (1, 0, -1): τ = 0, p = (1, 0, 0); z = (1/2, 1/2): p = (1/2, 1/2)
    assertArrayEquals(new BigFraction[] {BigFraction.ONE, BigFraction.ZERO, BigFraction.ZERO},
        Sparsemax.of(new BigFraction[] {BigFraction.ONE, BigFraction.ZERO, BigFraction.of(-1)}));
    assertArrayEquals(new BigFraction[] {BigFraction.of(1, 2), BigFraction.of(1, 2)},
        Sparsemax.of(new BigFraction[] {BigFraction.of(1, 2), BigFraction.of(1, 2)}));
    // z = (3/2, 1, 0): support {1, 2}, τ = (5/2 − 1)/2 = 3/4, p = (3/4, 1/4, 0)
    assertArrayEquals(new BigFraction[] {BigFraction.of(3, 4), BigFraction.of(1, 4),
        BigFraction.ZERO}, Sparsemax.of(new BigFraction[] {BigFraction.of(3, 2), BigFraction.ONE,
        BigFraction.ZERO}));
    SplittableRandom r = new SplittableRandom(7);
    for (int t = 0; t < 200; t++) {
      double[] z = new double[1 + r.nextInt(8)];
      for (int i = 0; i < z.length; i++) {
        z[i] = 3 * r.nextGaussian();
      }
      double[] p = Sparsemax.of(z);
      double sum = 0;
      for (double v : p) {
        assertTrue(v >= 0);
        sum += v;
      }
      assertEquals(1, sum, 1e-12);
    }
  }

  @Test
  void algorithmOneSumsTheGroupContributions() {
    SumOfParts sop = SumOfParts.random(5, 2, 6, 3);
    double[][] x = {{1, 0}, {0.5, -1}, {2, 1}, {-1, 1}, {0, 0.3}};
    SumOfParts.Pass p = sop.forward(x);
    double y = 0;
    for (int g = 0; g < 5; g++) {
      y += p.scores()[g] * p.groupPredictions()[g];
      double rowSum = 0;
      for (double v : p.groups()[g]) {
        rowSum += v;
      }
      assertEquals(1, rowSum, 1e-12);
    }
    assertEquals(y, p.prediction(), 1e-12);
  }

  @Test
  void groupedDeletionSkipsFeaturesAlreadyRemoved() {
    double[] x = {1, 2, 3, 4};
    GroupedCurves.Curve c = GroupedCurves.curve(false, v -> v[0] + v[1] + v[2] + v[3], x,
        new double[4], new long[] {0b0011, 0b0110, 0b1000});
    assertArrayEquals(new double[] {10, 7, 4, 0}, c.values(), 0);
    assertArrayEquals(new int[] {0, 2, 1, 1}, c.changed());
  }

  @Test
  void printedSparsityCountsZeroScoredGroupsAndSums() {
    double[][] groups = {{1, 0, 0, 0}, {0.5, 0.5, 0, 0}, {0.2, 0.3, 0.5, 0}};
    double[] scores = {0.6, 0.4, 0};
    assertEquals((1 + 2 + 3) / 4.0, GroupMetrics.sparsityAsPrinted(groups, scores), 0);
    assertEquals((1 + 2) / 2.0 / 4, GroupMetrics.sparsityAsDescribed(groups, scores), 0);
    assertEquals(1.5, GroupMetrics.intensity(new double[] {1, 2, 9, 9}, groups[1]), 0);
  }
}
