/**
 * Agreement of a backend with the CPU reference: per-method tolerances derived from stated float32 and regression bounds (seed 000 Definition 1 read as a weighted least-squares problem), recorded per row.
 */
package xcert.explainers.agreement;
