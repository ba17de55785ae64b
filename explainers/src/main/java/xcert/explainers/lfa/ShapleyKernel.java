package xcert.explainers.lfa;

/**
 * The Shapley kernel of KernelSHAP (Lundberg and Lee, Theorem 2; seed 000 A.2.2; seed 001 Section
 * 3.3): π(z) = (d−1) / (C(d, k)·k·(d−k)) for a coalition z with k = |z| ones, 0 &lt; k &lt; d.
 */
public final class ShapleyKernel {

  private ShapleyKernel() {}

  /** π for one coalition of size k (infinite for k = 0 or k = d). */
  public static double weight(int d, int k) {
    if (k <= 0 || k >= d) {
      return Double.POSITIVE_INFINITY;
    }
    return (d - 1) / (binomial(d, k) * k * (double) (d - k));
  }

  /** The total mass of size k, C(d,k)·π = (d−1)/(k(d−k)). */
  public static double sizeMass(int d, int k) {
    return (d - 1) / (k * (double) (d - k));
  }

  /**
   * A size k ∈ {1..d−1} with probability proportional to {@link #sizeMass}, by inversion of a uniform
   * u ∈ (0, 1): with total = Σ_{k=1}^{d−1} sizeMass(d, k) (summed in that order) and v = u·total,
   * for k = 1..d−2 in turn v −= sizeMass(d, k) and k is returned once v &lt; 0; otherwise d − 1.
   * This is the exact arithmetic a device repeats for {@code LfaPlan.Noise.SHAPLEY}.
   */
  static int drawSize(double u, int d) {
    if (d < 2) {
      throw new IllegalArgumentException("Shapley-kernel coalitions need d ≥ 2, got " + d);
    }
    double total = 0;
    for (int k = 1; k < d; k++) {
      total += sizeMass(d, k);
    }
    double v = u * total;
    for (int k = 1; k < d - 1; k++) {
      v -= sizeMass(d, k);
      if (v < 0) {
        return k;
      }
    }
    return d - 1;
  }

  static double binomial(int n, int k) {
    double c = 1;
    for (int i = 1; i <= k; i++) {
      c = c * (n - k + i) / i;
    }
    return c;
  }
}
