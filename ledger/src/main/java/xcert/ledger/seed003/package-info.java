/**
 * The ledger's checks of seed 003 (Macdonald et al., "A Rate-Distortion Framework for Explaining
 * Neural Network Decisions"): distortion, rate–distortion function and δ-relevance (Sections 2–3.1),
 * RELEVANT-INPUT and its hardness (Theorems 3.3–3.4, Lemma 3.6, footnote 1), the relaxation and ADF
 * (Section 4, Eq. 2–6) and the relevance-ordering test (Section 5, Figure 3), run on the solvers,
 * reductions and explainers libraries.
 */
package xcert.ledger.seed003;
