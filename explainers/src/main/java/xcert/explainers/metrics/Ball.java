package xcert.explainers.metrics;

import java.util.SplittableRandom;

/**
 * The ε-balls B_x(ε) = {z : ‖z − x‖_p ≤ ε} of seed 001 Section 5.2 and Appendix A.5 (ℓ2 in Figure 5,
 * ℓ1 in Figure 10, ℓ∞ in Figure 11), with a sampler of the uniform distribution on each.
 *
 * <ul>
 *   <li>ℓ∞: each coordinate independently uniform on [x_i − ε, x_i + ε].
 *   <li>ℓ2: a direction u = G/‖G‖₂ with G standard normal (uniform on the sphere by rotational
 *       invariance), times the radius ε·U^{1/d}, U uniform on [0,1] (P(‖z−x‖ ≤ rε) = r^d, the volume
 *       ratio).
 *   <li>ℓ1: a point of the unit simplex surface {y ≥ 0, Σy = 1} uniform, from exponential spacings
 *       E_i / ΣE_j (Dirichlet(1,…,1)), random independent signs (the 2^d orthants are congruent), times
 *       ε·U^{1/d}. The ℓ1 ball is a cone over its surface, so the radius law is the same as for ℓ2.
 * </ul>
 */
public enum Ball {
  L1("l1"),
  L2("l2"),
  LINF("linf");

  private final String label;

  Ball(String label) {
    this.label = label;
  }

  /** "l1", "l2" or "linf". */
  public String label() {
    return label;
  }

  /** ‖v‖_p of this ball's norm. */
  public double norm(double[] v) {
    double s = 0;
    for (double a : v) {
      switch (this) {
        case L1 -> s += Math.abs(a);
        case L2 -> s += a * a;
        case LINF -> s = Math.max(s, Math.abs(a));
        default -> throw new AssertionError(this);
      }
    }
    return this == L2 ? Math.sqrt(s) : s;
  }

  /**
   * m points uniform in the ball of radius ε around x0, row-major m × d.
   *
   * @throws IllegalArgumentException when ε is not a positive finite number or m &lt; 1
   */
  public double[] sample(double[] x0, double eps, int m, long seed) {
    if (!(eps > 0) || !Double.isFinite(eps)) {
      throw new IllegalArgumentException("the radius ε must be positive and finite, got " + eps);
    }
    if (m < 1) {
      throw new IllegalArgumentException("the number of sample points must be at least 1, got " + m);
    }
    int d = x0.length;
    if (d < 1) {
      throw new IllegalArgumentException("the centre must have at least one coordinate");
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double[] out = new double[m * d];
    double[] u = new double[d];
    for (int r = 0; r < m; r++) {
      unitBallPoint(rng, u);
      for (int i = 0; i < d; i++) {
        out[r * d + i] = x0[i] + eps * u[i];
      }
    }
    return out;
  }

  private void unitBallPoint(SplittableRandom rng, double[] u) {
    int d = u.length;
    if (this == LINF) {
      for (int i = 0; i < d; i++) {
        u[i] = 2 * rng.nextDouble() - 1;
      }
      return;
    }
    double norm;
    do {
      norm = 0;
      for (int i = 0; i < d; i++) {
        if (this == L2) {
          u[i] = gaussian(rng);
          norm += u[i] * u[i];
        } else {
          u[i] = -Math.log1p(-rng.nextDouble()); // Exp(1)
          norm += u[i];
        }
      }
    } while (norm == 0);
    norm = this == L2 ? Math.sqrt(norm) : norm;
    double radius = Math.pow(rng.nextDouble(), 1.0 / d);
    for (int i = 0; i < d; i++) {
      double sign = this == L1 && rng.nextBoolean() ? -1 : 1;
      // scale by (1 − 1e-15) guards against a norm one ulp above 1 after rounding
      u[i] = sign * u[i] / norm * radius * (1 - 1e-15);
    }
  }

  private static double gaussian(SplittableRandom rng) {
    // Box–Muller, one of the pair
    double a = 1 - rng.nextDouble();
    double b = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * b);
  }
}
