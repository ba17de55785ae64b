/**
 * The one exact (rational Gauss–Jordan) and the one floating (Gauss, Cholesky, Householder QR) linear
 * solver of xcert: the normal equations of the explainers' fits and exact limits (seed 000 Definition 1
 * and Theorems 1–3, seed 001 Eq. 2–3), certificates from LP solutions (seed 002, Appendix A), and the
 * Gaussian conditionals of seed 004 Section 6.1.1.
 */
package xcert.solvers.linalg;
