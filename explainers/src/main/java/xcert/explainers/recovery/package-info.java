/**
 * Model recovery (seed 000 Section 4, Definition 2, Remarks 1 and 2) beyond the explainers'
 * own LFA instances: the modified losses of the paragraph after Remark 1 (g evaluated at x ⊙ ξ
 * instead of ξ), fitted exactly or on replayed samples, and the aliasing of sinusoidal models under
 * binary noise (Remark 2).
 */
package xcert.explainers.recovery;
