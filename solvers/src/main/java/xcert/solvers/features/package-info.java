/**
 * Feature sets S ⊆ [d], the candidate explanations of seed 004 (Section 2) and seed 003 (Section 3),
 * as one immutable value type, and the one enumerator of the k-subsets that every search uses.
 */
package xcert.solvers.features;
