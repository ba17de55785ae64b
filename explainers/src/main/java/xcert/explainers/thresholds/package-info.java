/**
 * Seed 004 Section 6.2: attribution scores normalised to [0, 1] and cut into binary masks at
 * thresholds t, the way the seed compares off-the-shelf explainers with its masks.
 */
package xcert.explainers.thresholds;
