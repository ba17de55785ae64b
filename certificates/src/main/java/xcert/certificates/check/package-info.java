/**
 * Exact checking of a certificate (α, y) for the full attribution LP of seed 002 Appendix A.3: dual
 * feasibility and equal primal and dual bounds in exact rational arithmetic, over every set.
 */
package xcert.certificates.check;
