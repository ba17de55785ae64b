/**
 * The dual LP of seed 002 Appendix A.3 on an orbit structure, its floating-point solvers (OR-Tools
 * GLOP, ojAlgo) and the {@link xcert.certificates.lp.Exactifier} that turns a float solution into an
 * exact orbit certificate. Depends on {@code orbit}, never the other way round.
 */
package xcert.certificates.lp;
