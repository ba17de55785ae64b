/**
 * The public entry points of the reductions of seed 003 Section 3, one static call each with an
 * immutable settings record and an immutable result that carries the reduced instance, the checks
 * made on it and their provenance:
 *
 * <ul>
 *   <li>{@link xcert.reductions.reduce.SatToApReduction}: seed 003 Lemma 3.6 (SAT ≤p AP), with α
 *       seed 003 Theorem 3.4;
 *   <li>{@link xcert.reductions.reduce.EmajsatToRelevantReduction}: seed 003 Theorem 3.3
 *       (E-MAJSAT ≤p RELEVANT-INPUT, both sides decided exactly);
 *   <li>{@link xcert.reductions.reduce.CircuitToReluReduction}: seed 003 Section 3, footnote 1
 *       (circuits as ReLU networks), checked exactly or by seeded sampling ({@link
 *       xcert.reductions.reduce.CheckMode}).
 * </ul>
 *
 * {@link xcert.reductions.reduce.ReductionFiles} writes a result's construction, drawing and
 * walkthrough.
 */
package xcert.reductions.reduce;
