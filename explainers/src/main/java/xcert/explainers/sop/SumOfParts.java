package xcert.explainers.sop;

import java.util.SplittableRandom;

/**
 * A small Sum-of-Parts model (seed 002 Section 3, Algorithm 1) over d features with e-dimensional
 * tokens X ∈ R^{d×e}: GroupGen(X) = sparsemax row by row of (X W_q)(X W_k)ᵀ/√d (Eq. 2; G = d groups,
 * each a mask S_i ∈ [0,1]^d); z_i = f(S_i ⊙ X) with a one-hidden-layer ReLU backbone f; GroupSelect:
 * c = sparsemax(z_i · w_c over i) and y_i = w_y · z_i; y = Σ c_i y_i.
 */
public final class SumOfParts {

  /** One forward pass: the groups, their scores c_i, their predictions y_i and y. */
  public record Pass(double[][] groups, double[] scores, double[] groupPredictions,
      double prediction) {}

  private final int d;
  private final int e;
  private final int h;
  private final double[][] wq;
  private final double[][] wk;
  private final double[][] w1;
  private final double[] b1;
  private final double[] wc;
  private final double[] wy;

  private SumOfParts(int d, int e, int h, SplittableRandom rng) {
    this.d = d;
    this.e = e;
    this.h = h;
    wq = matrix(e, e, rng);
    wk = matrix(e, e, rng);
    w1 = matrix(h, d * e, rng);
    b1 = matrix(1, h, rng)[0];
    wc = matrix(1, h, rng)[0];
    wy = matrix(1, h, rng)[0];
  }

  /** A seeded random SOP model with d features, e-dimensional tokens, h hidden units. */
  public static SumOfParts random(int d, int e, int h, long seed) {
    return new SumOfParts(d, e, h, new SplittableRandom(seed));
  }

  public int dimension() {
    return d;
  }

  /** GroupGen(X): d masks, each the sparsemax of one row of the attention logits. */
  public double[][] groups(double[][] x) {
    double[][] q = times(x, wq);
    double[][] k = times(x, wk);
    double[][] s = new double[d][];
    for (int i = 0; i < d; i++) {
      double[] row = new double[d];
      for (int j = 0; j < d; j++) {
        double dot = 0;
        for (int a = 0; a < e; a++) {
          dot += q[i][a] * k[j][a];
        }
        row[j] = dot / Math.sqrt(d);
      }
      s[i] = Sparsemax.of(row);
    }
    return s;
  }

  /** The backbone's embedding of a (masked) input. */
  public double[] embed(double[][] x) {
    double[] z = new double[h];
    for (int u = 0; u < h; u++) {
      double v = b1[u];
      for (int i = 0; i < d; i++) {
        for (int a = 0; a < e; a++) {
          v += w1[u][i * e + a] * x[i][a];
        }
      }
      z[u] = Math.max(v, 0);
    }
    return z;
  }

  /** Algorithm 1. */
  public Pass forward(double[][] x) {
    double[][] s = groups(x);
    double[] logits = new double[d];
    double[] ys = new double[d];
    for (int g = 0; g < d; g++) {
      double[][] masked = new double[d][e];
      for (int i = 0; i < d; i++) {
        for (int a = 0; a < e; a++) {
          masked[i][a] = s[g][i] * x[i][a];
        }
      }
      double[] z = embed(masked);
      logits[g] = dot(wc, z);
      ys[g] = dot(wy, z);
    }
    double[] c = Sparsemax.of(logits);
    double y = 0;
    for (int g = 0; g < d; g++) {
      y += c[g] * ys[g];
    }
    return new Pass(s, c, ys, y);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double[][] times(double[][] x, double[][] w) {
    double[][] out = new double[x.length][w[0].length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < w[0].length; j++) {
        for (int a = 0; a < w.length; a++) {
          out[i][j] += x[i][a] * w[a][j];
        }
      }
    }
    return out;
  }

  private static double[][] matrix(int r, int c, SplittableRandom rng) {
    double[][] m = new double[r][c];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        m[i][j] = rng.nextGaussian();
      }
    }
    return m;
  }
}
