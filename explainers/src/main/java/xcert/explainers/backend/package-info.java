/**
 * Where batches of model evaluations and gradients run for the LFA explainers of seed 000 (Definition 1): the CPU backend, the sums of an LFA plan, the counter-based random stream shared by every backend, and float32 error bounds; the CUDA backend is in the gpu subpackage.
 */
package xcert.explainers.backend;
