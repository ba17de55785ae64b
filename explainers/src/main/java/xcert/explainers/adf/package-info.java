/**
 * Assumed density filtering through ReLU networks (seed 003 Section 4, RDE): diagonal, full and low-rank Gaussian moments, checked against exact moments on small networks.
 */
package xcert.explainers.adf;
