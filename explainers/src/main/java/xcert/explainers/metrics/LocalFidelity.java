package xcert.explainers.metrics;

import xcert.explainers.api.Attribution;
import xcert.explainers.backend.Backend;
import xcert.solvers.model.Model;
import xcert.solvers.result.Provenance;

/**
 * Local fidelity of an explanation, seed 001 Section 5 ("Metrics (2)") and Section 5.2: draw m points
 * z_1..z_m from the neighbourhood B_x(ε) and report 1 / (1 + (1/m) Σ_i (f(z_i) − ŵᵀz'_i)²), where z'_i
 * is the explanation's own (interpretable) coordinate of z_i.
 *
 * <p>Convention: the samples are uniform in the ε-ball around x0 in ℓ1, ℓ2 or ℓ∞ ({@link Ball}, seed
 * 001 Appendix A.5), and z' = z − x0, the perturbation of the additive combination that GLIME's
 * continuous samplers use, so the explanation's model is g(z) = b + wᵀ(z − x0), b the attribution's
 * intercept when it has one, else 0 (then this is the seed's ŵᵀz' literally). Also reported: the MSE
 * and R² ({@link Distances#rSquared}) of g against f on the same points. Model values come from the
 * {@link Backend} in one row-major batch.
 */
public final class LocalFidelity {

  /**
   * One local-fidelity measurement.
   *
   * @param fidelity 1 / (1 + mse)
   * @param mse (1/m) Σ (f(z_i) − g(z_i))²
   * @param rSquared R² of g against f on the sample (NaN when f is constant there and g differs)
   * @param ball the norm of the ball
   * @param epsilon its radius
   * @param provenance sampled, with n = m and the seed
   */
  public record Result(double fidelity, double mse, double rSquared, Ball ball, double epsilon,
      Provenance provenance) {}

  private LocalFidelity() {}

  /**
   * The local fidelity of {@code a} for f at x0 on m points uniform in the ε-ball.
   *
   * @throws IllegalArgumentException for mismatched dimensions, ε ≤ 0 or m &lt; 1
   */
  public static Result measure(Model f, double[] x0, Attribution a, Ball ball, double eps, int m,
      long seed, Backend backend) {
    int d = f.dimension();
    if (x0.length != d || a.dimension() != d) {
      throw new IllegalArgumentException("dimensions differ: model " + d + ", point " + x0.length
          + ", explanation " + a.dimension());
    }
    if (f.requiresBinaryInputs()) {
      throw new IllegalArgumentException("local fidelity in an ε-ball needs a model on R^d; this "
          + "model is defined on {0,1}^d only");
    }
    double[] rows = ball.sample(x0, eps, m, seed);
    double[] fz = backend.evaluate(f, rows, m);
    double[] w = a.values();
    double b = a.intercept().orElse(0);
    double[] gz = new double[m];
    double sse = 0;
    for (int r = 0; r < m; r++) {
      double g = b;
      for (int i = 0; i < d; i++) {
        g += w[i] * (rows[r * d + i] - x0[i]);
      }
      gz[r] = g;
      sse += (fz[r] - g) * (fz[r] - g);
    }
    double mse = sse / m;
    Provenance p = new Provenance(Provenance.Kind.SAMPLED, "local fidelity 1/(1+MSE) of g(z) = b + "
        + "wᵀ(z − x0), z uniform in the " + ball.label() + " ball of radius " + eps
        + " (seed 001 Section 5.2)", m, seed, "none stated (a plain sample mean)");
    return new Result(1 / (1 + mse), mse, Distances.rSquared(fz, gz), ball, eps, p);
  }
}
