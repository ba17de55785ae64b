/**
 * The local function approximation framework of seed 000 Definition 1 (Eq. 1): a neighbourhood Z,
 * a combination ⊕, a kernel, a loss and a model class G make an {@link
 * xcert.explainers.lfa.LfaInstance}; {@link xcert.explainers.lfa.LfaExplainer} fits it on n sampled
 * perturbations (the GLIME noises of seed 001 Sections 3–4 included).
 */
package xcert.explainers.lfa;
