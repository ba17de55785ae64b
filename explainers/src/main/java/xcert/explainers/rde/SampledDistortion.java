package xcert.explainers.rde;

import java.util.SplittableRandom;
import xcert.explainers.relax.ReferenceSampler;
import xcert.explainers.relax.SmoothModel;

/**
 * D(s) of seed 003 Eq. (3) by Monte Carlo: (1/n) Σ_k ½(Φ(x) − Φ(y_k))², y_k = x ⊙ s + n_k ⊙ (1 − s),
 * over n rows n_k ~ V drawn once with a fixed seed (common random numbers: the same rows at every s,
 * so the objective is a deterministic function of s), with the gradient
 * −(1/n) Σ_k (Φ(x) − Φ(y_k)) ∇Φ(y_k) ⊙ (x − n_k). Φ is a {@link SmoothModel} (a ReLU network's score
 * or a circuit's multilinear extension); values and gradients go through it in one batch each.
 */
public final class SampledDistortion implements Distortion {

  private final SmoothModel f;
  private final double[] x;
  private final double fx;
  private final double[] rows;
  private final int n;
  private final long seed;

  public SampledDistortion(SmoothModel f, double[] x, ReferenceSampler sampler, int n, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("samples is " + n + ", expected at least 1");
    }
    this.f = f;
    this.x = x.clone();
    this.fx = f.values(x.clone(), 1)[0];
    int d = x.length;
    this.rows = new double[n * d];
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int k = 0; k < n; k++) {
      sampler.sample(rnd, rows, k * d);
    }
    this.n = n;
    this.seed = seed;
  }

  @Override
  public int dimension() {
    return x.length;
  }

  public int samples() {
    return n;
  }

  public long seed() {
    return seed;
  }

  @Override
  public String describe() {
    return DistortionMode.SAMPLES.description() + " (n = " + n + ", seed = " + seed + ", "
        + f.describe() + ")";
  }

  @Override
  public double evaluate(double[] s, double[] gradient) {
    int d = x.length;
    double[] y = new double[n * d];
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < d; i++) {
        y[k * d + i] = x[i] * s[i] + rows[k * d + i] * (1 - s[i]);
      }
    }
    double[] v = f.values(y, n);
    double sum = 0;
    for (int k = 0; k < n; k++) {
      double r = fx - v[k];
      sum += 0.5 * r * r;
    }
    if (gradient != null) {
      double[] g = f.gradients(y, n);
      java.util.Arrays.fill(gradient, 0);
      for (int k = 0; k < n; k++) {
        double r = fx - v[k];
        for (int i = 0; i < d; i++) {
          gradient[i] -= r * g[k * d + i] * (x[i] - rows[k * d + i]);
        }
      }
      for (int i = 0; i < d; i++) {
        gradient[i] /= n;
      }
    }
    return sum / n;
  }
}
