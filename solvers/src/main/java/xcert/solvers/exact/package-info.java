/**
 * Complete enumeration: the table of all f_S(x) (seed 004, Eq. 1) by a butterfly over product
 * distributions, row averaging or conditional sums, and what follows from it exactly: sufficiency,
 * necessity and the unified problem (seed 004, Sections 2.1 and 4), Shapley and Banzhaf values (seed
 * 004, Section 5.2), δ-relevance, RELEVANT-INPUT, MIN-RELEVANT-INPUT and the rate–distortion function
 * (seed 003, Sections 2–3).
 */
package xcert.solvers.exact;
