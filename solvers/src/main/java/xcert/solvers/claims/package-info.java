/**
 * The statements of seed 004 (Lemmas 4.1–4.2, Theorem 4.1, Corollary 5.1, Theorem 5.1, the Shapley
 * axioms of Section 5.2, Eq. 1) and the counting paths of seed 003 (Section 3) as executable checks on
 * one instance, with verdicts (holds, fails with a witness, vacuous) tallied over many.
 */
package xcert.solvers.claims;
