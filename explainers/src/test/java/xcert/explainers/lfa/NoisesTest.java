package xcert.explainers.lfa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import xcert.explainers.backend.CounterStream;

/**
 * The neighbourhoods drawn from the counter-based stream have the distributions they name. Every
 * statistical check holds an empirical frequency or moment of N samples to 5 standard errors of its
 * estimator (a correct sampler fails one with probability about 6e-7 under the normal approximation);
 * the seeds are fixed, so the outcome is reproducible.
 */
class NoisesTest {

  private static final int N = 70_000;

  /**
   * Shapley coalitions on d = 4: sizes in 1..3, and each of the 14 proper non-empty subsets S with
   * frequency P(S) = sizeMass(|S|)/Σ_k sizeMass(k) / C(4, |S|) (size drawn by mass, then uniform).
   */
  @Test
  void shapleyCoalitionsFollowTheKernel() {
    int d = 4;
    Neighbourhood z = Noises.shapleyCoalitions();
    CounterStream s = new CounterStream(41);
    long[] counts = new long[1 << d];
    double[] xi = new double[d];
    for (long i = 0; i < N; i++) {
      z.sample(s, i, xi);
      int mask = 0;
      for (int f = 0; f < d; f++) {
        assertTrue(xi[f] == 0 || xi[f] == 1);
        mask |= (int) xi[f] << f;
      }
      counts[mask]++;
    }
    assertEquals(0, counts[0]);
    assertEquals(0, counts[(1 << d) - 1]);
    double total = 0;
    for (int k = 1; k < d; k++) {
      total += ShapleyKernel.sizeMass(d, k);
    }
    for (int mask = 1; mask < (1 << d) - 1; mask++) {
      int k = Integer.bitCount(mask);
      double p = ShapleyKernel.sizeMass(d, k) / total / ShapleyKernel.binomial(d, k);
      double freq = counts[mask] / (double) N;
      assertEquals(p, freq, 5 * Math.sqrt(p * (1 - p) / N), "subset " + mask);
    }
  }

  /** The size is the first k with cumulative mass above u·total; the edges of (0, 1) give 1 and d−1. */
  @Test
  void shapleySizeInvertsTheCumulativeMass() {
    int d = 5;
    // Masses (d−1)/(k(d−k)) = 1, 2/3, 2/3, 1 of total 10/3; cumulative 0.3, 0.5, 0.7, 1.
    assertEquals(1, ShapleyKernel.drawSize(0x1p-53, d));
    assertEquals(1, ShapleyKernel.drawSize(0.29, d));
    assertEquals(2, ShapleyKernel.drawSize(0.31, d));
    assertEquals(3, ShapleyKernel.drawSize(0.69, d));
    assertEquals(4, ShapleyKernel.drawSize(0.71, d));
    assertEquals(4, ShapleyKernel.drawSize(1 - 0x1p-53, d));
  }

  /**
   * Laplace(0, b): E ξ = 0 (Var 2b²), E ξ² = 2b² (Var E ξ⁴ − (2b²)² = 24b⁴ − 4b⁴ = 20b⁴), per
   * feature, over N samples of d = 3 features.
   */
  @Test
  void laplaceHasItsMoments() {
    double b = 0.7;
    moments(Noises.laplace(b), 0, 2 * b * b, 2 * b * b, 20 * Math.pow(b, 4));
  }

  /** Uniform([−σ, σ]): E ξ = 0 (Var σ²/3), E ξ² = σ²/3 (Var σ⁴/5 − σ⁴/9 = 4σ⁴/45). */
  @Test
  void uniformBoxHasItsMoments() {
    double sg = 1.3;
    moments(Noises.uniformBox(sg), 0, sg * sg / 3, sg * sg / 3, 4 * Math.pow(sg, 4) / 45);
  }

  /** Normal(0, σ²): E ξ = 0 (Var σ²), E ξ² = σ² (Var 2σ⁴). */
  @Test
  void gaussianHasItsMoments() {
    double sg = 0.4;
    moments(Noises.gaussian(sg), 0, sg * sg, sg * sg, 2 * Math.pow(sg, 4));
  }

  /** Bernoulli(p): E ξ = p (Var p(1−p)), and E ξ² = p too. */
  @Test
  void bernoulliHasItsMean() {
    double p = 0.3;
    moments(Noises.bernoulli(p), p, p * (1 - p), p, p * (1 - p));
  }

  private static void moments(Neighbourhood z, double mean, double varOfMean, double second,
      double varOfSecond) {
    int d = 3;
    CounterStream s = new CounterStream(1234);
    double[] sum = new double[d];
    double[] sq = new double[d];
    double[] xi = new double[d];
    for (long i = 0; i < N; i++) {
      z.sample(s, i, xi);
      for (int f = 0; f < d; f++) {
        sum[f] += xi[f];
        sq[f] += xi[f] * xi[f];
      }
    }
    for (int f = 0; f < d; f++) {
      assertEquals(mean, sum[f] / N, 5 * Math.sqrt(varOfMean / N), z.describe() + " mean");
      assertEquals(second, sq[f] / N, 5 * Math.sqrt(varOfSecond / N), z.describe() + " E ξ²");
    }
  }

  /** LIME's first sample is all ones; paired complements are handled by the explainer. */
  @Test
  void limeMaskStartsWithTheInstance() {
    double[] xi = new double[5];
    Noises.limeMask().sample(new CounterStream(3), 0, xi);
    for (double v : xi) {
      assertEquals(1.0, v, 0.0);
    }
  }
}
