/**
 * Background data for the masking explainers: the interventional game value of a mask z,
 * v(z) = E_{r~V}[f(x ⊙ z + r ⊙ (1 − z))] = f_S(x) with S = {i : z_i = 1} (seed 004 Eq. 1), computed
 * as shap's KernelExplainer does with its background data (Lundberg &amp; Lee 2017): every
 * perturbation is evaluated against every background row and averaged with the rows' weights.
 * {@link xcert.explainers.background.Background} is the finite list of weighted rows of a reference
 * distribution, {@link xcert.explainers.background.BackgroundGame} the model over masks h(ξ) that the
 * LFA runner explains at x' = 1 with reference 0, and
 * {@link xcert.explainers.background.BackgroundBackend} the backend that evaluates h by expanding a
 * batch of masks into masks × rows for the wrapped backend (so a GPU still evaluates f).
 */
package xcert.explainers.background;
