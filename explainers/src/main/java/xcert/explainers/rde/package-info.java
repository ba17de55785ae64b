/**
 * Rate-distortion explanations (seed 003 Section 4): the distortion D(s) of a mask s under a
 * reference distribution, by assumed density filtering through a ReLU network (diagonal, low-rank
 * or full covariance) or by samples, and its projected-gradient minimisation ({@link
 * xcert.explainers.rde.RdeExplainer}).
 */
package xcert.explainers.rde;
