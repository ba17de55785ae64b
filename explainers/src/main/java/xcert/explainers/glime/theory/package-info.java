/**
 * The theory of seed 001 (GLIME, Tan, Tian and Li) checked by computation: the closed forms of
 * Section 3.3 and Appendix B.2 in exact rationals (with E = e^{1/σ²} a rational parameter, so that
 * an identity of polynomials in E checked at more points than its degree holds for every σ), the
 * inequalities of the proofs of Theorems B.1, B.2 and Corollary B.3 step by step in rigorous
 * interval arithmetic ({@link xcert.explainers.glime.theory.Interval}), the samples LIME and
 * GLIME-Binomial actually need to come within ε of their common limit
 * ({@link xcert.explainers.glime.theory.SampleComplexity}), and the distance of LIME's samples from
 * the explained point ({@link xcert.explainers.glime.theory.Locality}).
 */
package xcert.explainers.glime.theory;
