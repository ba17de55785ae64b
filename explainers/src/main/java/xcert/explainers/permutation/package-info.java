/**
 * Permutation sampling of Shapley values (Castro, Gómez &amp; Tejada 2009; shap's
 * PermutationExplainer, Captum's ShapleyValueSampling): φ_i estimated by the mean, over sampled
 * orders of the features, of i's marginal contribution v(S ∪ {i}) − v(S) to the features before it
 * (seed 004 Eq. 11 read as an expectation over orders), with antithetic orders (each drawn order is
 * also walked in reverse) as shap does. Coalition values are those of the mask explainers: against a
 * reference point or averaged over background rows ({@link xcert.explainers.background}).
 */
package xcert.explainers.permutation;
