/**
 * Metrics on explanations: top-K Jaccard stability and local fidelity (seed 001 Section 5), distances and R² (seed 000 Section 4), insertion/deletion curves (seed 002 Definitions 1 and 3) and the relevance-ordering test (seed 003 Section 4).
 */
package xcert.explainers.metrics;
