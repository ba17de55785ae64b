/**
 * Gaussian-noise explainers as linear predictions (seed 001 Section 4, GLIME-Gauss) and seed 004's stability experiment of the unified problem P_uni (Section 5).
 */
package xcert.explainers.gaussian;
