package xcert.explainers.adf;

import xcert.explainers.limits.NormalCdf;

/**
 * The ReLU rule of assumed density filtering (seed 003 Section 4.3, after [8, Eq. 10a–10b]) for one
 * neuron z ~ N(μ, v), with its partial derivatives for the backward pass of RDE. With the standard
 * deviation σ = √v, η = μ/σ, f and F the standard normal density and distribution function:
 *
 * <pre>
 *   E[ρ(z)]     = σ f(η) + μ F(η)
 *   Vdiag[ρ(z)] = μ σ f(η) + (σ² + μ²) F(η) − E[ρ(z)]²
 *   gain        = F(η), the diagonal of N in the covariance update V[ρ(z)] ≈ N Σ N of Eq. (6)
 * </pre>
 *
 * <p><b>Reading of σ.</b> The paper calls σ "the vector of the diagonal entries of Σ", i.e. the
 * variances, but its formulas are the moments of a rectified Gaussian only when σ is the standard
 * deviation √(diag Σ), in η = μ/σ and in σ²: a notational slip. This class takes the standard
 * deviation; with it both moments are exact for one ReLU of a Gaussian input (tested against the
 * closed form and a numerical integral), while the variance reading gives a wrong mean whenever the
 * variance is not 1.
 *
 * <p>Partial derivatives, with respect to μ and to the variance v: ∂E/∂μ = F, ∂E/∂v = f/(2σ),
 * ∂E[ρ²]/∂μ = 2E, ∂E[ρ²]/∂v = F, hence ∂V/∂μ = 2E(1 − F), ∂V/∂v = F − E f/σ; ∂F/∂μ = f/σ,
 * ∂F/∂v = −η f/(2v).
 *
 * <p>A deterministic neuron (v = 0) is exact: E = ρ(μ), V = 0, gain 1[μ &gt; 0] (0 at μ = 0, the kink
 * convention of {@link xcert.explainers.backend.Backend#gradients}), and the terms in f/σ, which
 * vanish as σ → 0 for μ ≠ 0, are taken as 0. The variance formula subtracts two nearly equal numbers
 * when μ ≫ σ; the result is clamped at 0.
 *
 * @param mean E[ρ(z)]
 * @param variance Vdiag[ρ(z)]
 * @param gain F(η)
 * @param meanByMu ∂E/∂μ
 * @param meanByVar ∂E/∂v
 * @param varByMu ∂V/∂μ
 * @param varByVar ∂V/∂v
 * @param gainByMu ∂F(η)/∂μ
 * @param gainByVar ∂F(η)/∂v
 */
public record GaussianRelu(double mean, double variance, double gain, double meanByMu,
    double meanByVar, double varByMu, double varByVar, double gainByMu, double gainByVar) {

  private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

  /**
   * A variance this far below 0 is rounding: the diagonal of WΣWᵀ for a singular Σ (a feature that
   * V never varies) can come out as −1e-17. It is taken as 0; anything more negative is an error.
   */
  static final double ROUNDING = 1e-12;

  /** The rule at z ~ N(mu, var), var ≥ 0 the variance (−ROUNDING·(1 + μ²) ≤ var < 0 counts as 0). */
  public static GaussianRelu of(double mu, double var) {
    if (var < 0 && var >= -ROUNDING * (1 + mu * mu)) {
      var = 0;
    }
    if (!(var >= 0)) {
      throw new IllegalArgumentException("the variance must be ≥ 0, is " + var);
    }
    if (var == 0) {
      double g = mu > 0 ? 1 : 0;
      return new GaussianRelu(Math.max(mu, 0), 0, g, g, 0, 0, g, 0, 0);
    }
    double sd = Math.sqrt(var);
    double eta = mu / sd;
    double f = density(eta);
    double cdf = NormalCdf.phi(eta);
    double m = sd * f + mu * cdf;
    double v = Math.max(0, mu * sd * f + (var + mu * mu) * cdf - m * m);
    return new GaussianRelu(m, v, cdf, cdf, f / (2 * sd), 2 * m * (1 - cdf), cdf - m * f / sd,
        f / sd, -eta * f / (2 * var));
  }

  /** The standard normal density f(η). */
  public static double density(double eta) {
    return INV_SQRT_2PI * Math.exp(-0.5 * eta * eta);
  }
}
