/**
 * The exact infinite-sample limits of the sampled explainers (seed 000 Theorems 1–2 and Appendix A; seed 001 Appendix B): enumeration of {0,1}^d for the binary-noise methods and KernelSHAP, exact Integrated Gradients between the kinks of a ReLU network, closed-form SmoothGrad.
 */
package xcert.explainers.limits;
