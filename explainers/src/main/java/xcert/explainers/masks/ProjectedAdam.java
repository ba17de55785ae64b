package xcert.explainers.masks;

/**
 * Adam (Kingma and Ba, 2015) with bias correction, followed by a projection onto the box
 * [lo, hi]^d: the optimiser of seed 004 Appendix A.2 (learning rate 0.1, β₁ = 0.9, β₂ = 0.99), kept
 * in the box so that the mask stays a vector of Bernoulli parameters. The constant in the
 * denominator is 1e-8, the common default.
 */
public final class ProjectedAdam {

  /** The constant added to √v̂ in the denominator. */
  public static final double EPS = 1e-8;

  private final double rate;
  private final double beta1;
  private final double beta2;
  private final double lo;
  private final double hi;
  private final double[] m;
  private final double[] v;
  private int t;

  public ProjectedAdam(int d, double rate, double beta1, double beta2, double lo, double hi) {
    this.rate = rate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.lo = lo;
    this.hi = hi;
    this.m = new double[d];
    this.v = new double[d];
  }

  /** One step on x (in place) along the gradient g, then x clipped to [lo, hi]. */
  public void step(double[] x, double[] g) {
    t++;
    double c1 = 1 - Math.pow(beta1, t);
    double c2 = 1 - Math.pow(beta2, t);
    for (int i = 0; i < x.length; i++) {
      m[i] = beta1 * m[i] + (1 - beta1) * g[i];
      v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
      double step = rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPS);
      x[i] = Math.min(hi, Math.max(lo, x[i] - step));
    }
  }

  /** Steps taken so far. */
  public int steps() {
    return t;
  }
}
