package xcert.explainers.optimalitygap;

import xcert.solvers.result.Scalar;

/**
 * How far one method's top-k set lands from the exact answer of one problem, at the size k of the
 * smallest optimal set.
 *
 * @param problem which problem
 * @param k the size compared: the least size of an optimal set
 * @param set the method's k highest-ranked features (bit i = feature i+1)
 * @param value Δ(set) for (P_*), P(Φ(y) = Φ(x) | y_set = x_set) for MIN-RELEVANT-INPUT, exact
 * @param optimum the exact optimum ({@link ExactAnswer#optimum})
 * @param excess Δ(set) − optimum for (P_*), optimum − P(set) for MIN-RELEVANT-INPUT; ≥ 0
 * @param hit the set is one of the optimal sets (for MIN-RELEVANT-INPUT: it is δ-relevant)
 * @param hamming the Hamming distance |set Δ T| to the nearest optimal set T; 0 iff hit
 * @param sizeNeeded the least k' ∈ 0..d at which the method's top-k' set reaches the target
 *     (Δ ≤ optimum, or P ≥ δ); always defined since S = [d] reaches it; may exceed τ
 */
public record ProblemGap(Problem problem, int k, int set, Scalar value, Scalar optimum,
    Scalar excess, boolean hit, int hamming, int sizeNeeded) {}
