/**
 * Grading an attribution computed elsewhere against its exact counterpart: {@link
 * xcert.explainers.oracle.Oracle#grade} returns a {@link xcert.explainers.oracle.Grade} (errors,
 * Kendall's τ_b, top-K agreement, the verdict against a tolerance, the provenance of the
 * reference). The counterparts ({@link xcert.explainers.oracle.Against}) are the Shapley and Banzhaf
 * values of the game v(S) = f_S(x) (f_S of seed 004) and the exact limits of the sampled
 * methods (seed 000 Theorems 1–3, seed 001 Appendix B).
 */
package xcert.explainers.oracle;
