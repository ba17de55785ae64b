/**
 * The ledger's checks of seed 004 (Bharti, Yi, Sulam, "Sufficient and Necessary Explanations (and
 * What Lies in Between)"): f_S, sufficiency, necessity, the unified problem, Lemmas 4.1–4.2,
 * Theorem 4.1, Corollary 5.1, Theorem 5.1, the Shapley statements, the relaxed masks of Appendix
 * A.2 and Section 6.1.1's stability curves, each run on seeded small instances in exact arithmetic
 * where the claim is exact.
 */
package xcert.ledger.seed004;
