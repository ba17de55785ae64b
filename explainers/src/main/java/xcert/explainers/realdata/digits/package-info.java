/**
 * The seeds' image experiments in miniature on real data: scikit-learn's 8×8 digits
 * ({@code data/realdata/digits/}), a 64–16–10 ReLU network trained by
 * {@code tools/realdata/digits/train.py}, and 16 superpixels (4×4 blocks of 2×2 pixels) whose masks
 * are few enough (2^16) for every exact quantity to be enumerated:
 *
 * <ul>
 *   <li>{@link xcert.explainers.realdata.digits.StabilityFidelity}: seed 001 Figure 4a/4b, stability
 *       (top-K Jaccard over seeds) and R² of LIME and the GLIME variants against n, with the exact
 *       n → ∞ limits;
 *   <li>{@link xcert.explainers.realdata.digits.RelevanceOrderingCurves}: seed 003 Figure 3, the
 *       relevance-ordering curves of several attribution methods against the exact rate–distortion
 *       envelope;
 *   <li>{@link xcert.explainers.realdata.digits.SufficientNecessaryMasks}: seed 004 Section 6.2.1,
 *       thresholded masks of off-the-shelf attributions against the exact optima of P_suf, P_nec and
 *       P_uni;
 *   <li>{@link xcert.explainers.realdata.digits.DigitsStudy}: the three as a report study.
 * </ul>
 *
 * <p>A superpixel mask z ∈ {0,1}^16 keeps superpixel s of the image x when z_s = 1 and replaces its
 * four pixels by the reference r (the mean image of the 1797 digits, rounded to integers) when
 * z_s = 0. {@link xcert.explainers.realdata.digits.DigitsModel#masked} composes the network with the
 * affine map z ↦ r + (x − r) ⊙ up(z) exactly, so the explained model is a ReLU network on 16 inputs
 * whose value at z = 1 is the network's logit at x and at z = 0 its logit at r.
 */
package xcert.explainers.realdata.digits;
