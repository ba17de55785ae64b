package xcert.explainers.backend;

/**
 * The sufficient statistics of one {@link LfaPlan} run, from which the host finishes the fit
 * (seed 000 Eq. 1): for a squared-error fit the normal equations of the weighted least-squares
 * problem, for gradient matching the weighted sum of J ⊙ ∇f.
 *
 * <p>Squared error: with a_r the regression row of sample r (the features of {@link LfaPlan#columns}:
 * ξ, or u_i = ξ_i − ξ_d under the efficiency constraint, then 1 for the intercept) and y_r its target
 * (f(x0 ⊕ ξ), the drop, or y − c0 − c1 ξ_d under the efficiency constraint),
 * {@code gram} = Σ π_r a_r a_rᵀ (p × p row-major, full) and {@code moment} = Σ π_r a_r y_r. Gradient
 * matching: {@code gram} is empty and {@code moment} = Σ π_r J ⊙ ∇f(x0 ⊕ ξ_r) (length d).
 *
 * @param gram Σ π a aᵀ, p × p row-major (empty for gradient matching)
 * @param moment Σ π a y, or Σ π J ⊙ ∇f
 * @param weightSum Σ π
 * @param count n
 * @param fx0 f(x0) when the plan needs it (drop target or efficiency), else NaN
 * @param fBase f(x0 ⊕ 0) when the plan needs it (efficiency), else NaN
 */
public record LfaSums(double[] gram, double[] moment, double weightSum, long count, double fx0,
    double fBase) {

  public LfaSums {
    gram = gram.clone();
    moment = moment.clone();
  }

  @Override
  public double[] gram() {
    return gram.clone();
  }

  @Override
  public double[] moment() {
    return moment.clone();
  }
}
