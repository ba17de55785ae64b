/**
 * The named explainers of seed 000 Table 1 and seed 001 (LIME, GLIME variants, KernelSHAP, SmoothGrad, Integrated Gradients, Occlusion, ...) as LFA instances with their settings.
 */
package xcert.explainers.methods;
