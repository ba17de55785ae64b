/**
 * Exponential fits of certified optima beside the curves seed 002 reports (Theorem 1 and Figure 2a,
 * Theorem 2 and Figure 2b, Appendix A.3), and PNG plots of both.
 */
package xcert.certificates.fit;
