/**
 * Exact rationals as users write and read them (0.3 is 3/10): the numbers of every exact answer of
 * seed 004 (Δsuf, Δnec, Shapley values) and seed 003 (relevance probabilities, thresholds δ).
 */
package xcert.solvers.num;
