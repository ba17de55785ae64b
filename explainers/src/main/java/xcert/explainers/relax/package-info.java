/**
 * Continuous relaxations of Boolean models used by RDE and the relaxed masks (seed 003 Section 4, seed 004 Appendix A.2): the multilinear extension, smooth ReLU scores and reference samplers.
 */
package xcert.explainers.relax;
