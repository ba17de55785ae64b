/**
 * Beyond a table: weighted model counting of a circuit output with the features in S fixed (a BDD or a
 * d-DNNF) for f_S(x) and δ-relevance, and SAT for sufficient reasons, the δ = 1 case of δ-relevance
 * (seed 003, Section 3, RELEVANT-INPUT and MIN-RELEVANT-INPUT, Definitions 3.1–3.2).
 */
package xcert.solvers.count;
