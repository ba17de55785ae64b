package xcert.explainers.oracle.bounds;

import java.util.SplittableRandom;

/**
 * KernelSHAP and LIME written again from their definitions on a game table (v(z) for every mask z),
 * independent of xcert's {@code lfa} code and of the bounds: paired Shapley-kernel coalitions with
 * the efficiency constraint, and LIME's all-ones mask plus uniform masks with Ridge(α) and an
 * unpenalised intercept. Used to measure the bounds' coverage.
 */
final class IndependentSamplers {

  private IndependentSamplers() {}

  /** Paired KernelSHAP on n coalitions (n odd: the last draw unpaired). */
  static double[] kernelShap(double[] v, int d, long n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] mass = new double[d];
    double total = 0;
    for (int k = 1; k < d; k++) {
      mass[k] = (d - 1.0) / (k * (double) (d - k));
      total += mass[k];
    }
    int full = (1 << d) - 1;
    double c0 = v[0];
    double c1 = v[full] - v[0];
    int p = d - 1;
    double[][] g = new double[p][p];
    double[] h = new double[p];
    int z = 0;
    for (long i = 0; i < n; i++) {
      if (i % 2 == 1) {
        z = full ^ z;
      } else {
        double u = rnd.nextDouble() * total;
        int k = 1;
        while (k < d - 1 && u >= mass[k]) {
          u -= mass[k];
          k++;
        }
        z = randomSubset(rnd, d, k);
      }
      int zd = (z >> (d - 1)) & 1;
      double y = v[z] - c0 - c1 * zd;
      for (int a = 0; a < p; a++) {
        double za = ((z >> a) & 1) - zd;
        h[a] += za * y;
        for (int b = 0; b < p; b++) {
          g[a][b] += za * (((z >> b) & 1) - zd);
        }
      }
    }
    double[] beta = solve(g, h);
    double[] w = new double[d];
    double sum = 0;
    for (int a = 0; a < p; a++) {
      w[a] = beta[a];
      sum += beta[a];
    }
    w[d - 1] = c1 - sum;
    return w;
  }

  /** LIME on n masks: all ones, then uniform; π = √exp(−D²/w²); Ridge(α) with intercept. */
  static double[] lime(double[] v, int d, long n, long seed, double[] pi, double alpha) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int p = d + 1;
    double[][] g = new double[p][p];
    double[] h = new double[p];
    for (long i = 0; i < n; i++) {
      int z = i == 0 ? (1 << d) - 1 : rnd.nextInt(1 << d);
      double w = pi[Integer.bitCount(z)];
      for (int a = 0; a < p; a++) {
        double za = a == d ? 1 : (z >> a) & 1;
        h[a] += w * za * v[z];
        for (int b = 0; b < p; b++) {
          g[a][b] += w * za * (b == d ? 1 : (z >> b) & 1);
        }
      }
    }
    for (int a = 0; a < d; a++) {
      g[a][a] += alpha;
    }
    double[] theta = solve(g, h);
    return java.util.Arrays.copyOf(theta, d);
  }

  private static int randomSubset(SplittableRandom rnd, int d, int k) {
    int[] idx = new int[d];
    for (int i = 0; i < d; i++) {
      idx[i] = i;
    }
    int s = 0;
    for (int i = 0; i < k; i++) {
      int j = i + rnd.nextInt(d - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
      s |= 1 << idx[i];
    }
    return s;
  }

  /** Gaussian elimination with partial pivoting. */
  static double[] solve(double[][] a0, double[] b0) {
    int n = b0.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = a0[i].clone();
    }
    double[] b = b0.clone();
    for (int c = 0; c < n; c++) {
      int piv = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
          piv = r;
        }
      }
      double[] t = a[c];
      a[c] = a[piv];
      a[piv] = t;
      double tb = b[c];
      b[c] = b[piv];
      b[piv] = tb;
      for (int r = c + 1; r < n; r++) {
        double f = a[r][c] / a[c][c];
        for (int k = c; k < n; k++) {
          a[r][k] -= f * a[c][k];
        }
        b[r] -= f * b[c];
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = b[r];
      for (int k = r + 1; k < n; k++) {
        s -= a[r][k] * x[k];
      }
      x[r] = s / a[r][r];
    }
    return x;
  }
}
