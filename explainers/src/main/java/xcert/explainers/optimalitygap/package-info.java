/**
 * How far each heuristic's top-k sets are from the exact optima of sufficiency, necessity and the unified problem (seed 004 Section 4), with relevance-ordering curves (seed 003 Section 4) per instance and aggregated.
 */
package xcert.explainers.optimalitygap;
