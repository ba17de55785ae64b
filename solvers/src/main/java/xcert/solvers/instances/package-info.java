/**
 * Seeded random instances (circuits, ReLU networks, reference distributions, finite joint
 * distributions) for checking the statements of seed 004 (Sections 4–5) and seed 003 (Section 3), each
 * with the seed and parameters to rebuild it.
 */
package xcert.solvers.instances;
