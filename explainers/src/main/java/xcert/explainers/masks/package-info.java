/**
 * Relaxed sufficient, necessary and unified masks (seed 004 Appendix A.2, Eq. 13): binary-concrete (Gumbel-softmax) masks optimised with projected Adam, with the exact mask objective for checking.
 */
package xcert.explainers.masks;
