/**
 * The explainers' report studies: seed 000/001 identity and convergence checks and seed 004's stability experiment (ExplainersStudy), and the relaxations of seeds 003 and 004 against the exact optima (RelaxationsStudy).
 */
package xcert.explainers.studies;
