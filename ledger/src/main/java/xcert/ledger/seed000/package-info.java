/**
 * The ledger's checks of seed 000 (Han, Srinivas, Lakkaraju, "Which Explanation Should I Choose? A
 * Function Approximation Perspective"): the LFA framework, Theorems 1–3, Remarks 1–2 and
 * Appendix A, each run on seeded small instances through the explainers module.
 */
package xcert.ledger.seed000;
