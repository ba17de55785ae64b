/**
 * Identity and convergence checks of seed 000 Theorems 1–2, Appendix A.2, Remark 1 and seed 001 Appendix B.2, each with a tolerance derived from a stated bound.
 */
package xcert.explainers.claims;
