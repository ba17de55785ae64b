/**
 * Symmetry reductions of the attribution LP (seed 002 Appendix A.3): orbit structures, orbit
 * certificates and their exact check, the lifting onto the full LP, and the closed-form certificates
 * of Theorem 1, Lemma 1 and Theorem 2.
 */
package xcert.certificates.orbit;
