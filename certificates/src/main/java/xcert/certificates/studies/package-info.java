/**
 * Studies of seed 002 (Theorems 1 and 2, Lemma 1 and their LP proofs in Appendix A.3, Corollary 1
 * and Definitions 4 and 5): certified optima on the full LP and on the orbits, closed forms, refits
 * of the paper's curves and where they are lower bounds. Each is an {@link
 * xcert.solvers.report.Study} returning a {@link xcert.solvers.report.Report}.
 */
package xcert.certificates.studies;
