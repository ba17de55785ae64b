/**
 * Benchmarks of the explainers: samples per second by batch size, samples needed to reach the exact limit, and device-versus-CPU comparisons with an agreement check, each as a ratio to a baseline measured in the same run.
 */
package xcert.explainers.bench;
