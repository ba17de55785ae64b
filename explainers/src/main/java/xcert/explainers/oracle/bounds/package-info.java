/**
 * Finite-sample error bounds for the sampled estimators the oracle grades ({@code xcert oracle
 * --estimator kernelshap|lime --samples N --confidence C}): with probability at least C over the
 * estimator's random draws, every feature's error |ŵ_i − w_i| against the estimator's n → ∞ limit
 * is at most the bound's half-width, or the bound is vacuous (infinite) at that N.
 *
 * <p>Both estimators are weighted least-squares fits on i.i.d. binary masks, so both bounds have
 * the same shape ({@link xcert.explainers.oracle.bounds.RegressionDeviation}): the error of the fit
 * is G⁻¹S, with G the sampled Gram matrix and S a sum of independent mean-zero vectors (the mask
 * times its residual against the limit, computed exactly for every mask from the game table). A
 * matrix Chernoff bound (Tropp 2012, "User-friendly tail bounds for sums of random matrices",
 * Theorem 1.1) keeps λ_min(G) away from 0 and a Hoeffding bound in Hilbert space (Pinelis 1994,
 * "Optimum bounds for the distributions of martingales in Banach spaces", Theorem 3.5) bounds ‖S‖;
 * the failure probability 1 − C is split between the two. {@link
 * xcert.explainers.oracle.bounds.CoordinateDeviation} sharpens this per feature: the first-order
 * term of each feature's error gets a scalar Bernstein bound with its exact range and variance, and
 * the rest (falling like 1/n) is bounded through the norm bound; each estimator takes whichever of
 * the two forms has the smaller largest half-width, a choice made from population quantities only.
 */
package xcert.explainers.oracle.bounds;
