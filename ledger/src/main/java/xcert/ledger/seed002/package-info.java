/**
 * The ledger's checks of seed 002 (You et al., "Sum-of-Parts Models"): Definitions 1–5, Theorems 1–2,
 * Lemma 1, Corollary 1 and their LP proofs (Appendix A), the fits of the "approximate lower bounds",
 * and the SOP construction and metrics (Section 3, Appendix C–D). Each check runs the certificates
 * and explainers libraries on instances small enough for the ledger's default run.
 */
package xcert.ledger.seed002;
