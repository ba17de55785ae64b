/**
 * What every result carries: numbers as {@link xcert.solvers.result.Scalar} (the rational where the
 * computation was exact) and their {@link xcert.solvers.result.Provenance} (exact, enumerated in
 * float64, certified, sampled with n and seed, or heuristic), for the exact answers of seeds 003 and
 * 004 and the estimates of seeds 000 and 001.
 */
package xcert.solvers.result;
