/**
 * The checks of seed 001 (GLIME): one small class per claim or family of claims, each running the
 * explainers library (its samplers, exact limits and metrics, and the seed-001 theory of
 * {@code xcert.explainers.glime.theory}) and returning one finding per claim id.
 */
package xcert.ledger.seed001;
