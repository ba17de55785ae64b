/**
 * SAT ≤p AP and the inapproximability of MIN-RELEVANT-INPUT (seed 003, Section 3.2): the AP instance
 * (Φ', x', k', m') of a CNF with the parameters q, p, k', m' ({@link
 * xcert.reductions.sattoap.ApParameters}, {@link xcert.reductions.sattoap.ApInstance}), the exact
 * check of both directions of seed 003 Lemma 3.6 ({@link xcert.reductions.sattoap.Lemma36Check},
 * by enumeration {@link xcert.reductions.sattoap.ExhaustiveAp}) and its walkthrough, and seed 003
 * Theorem 3.4: the choice of m', inequalities (1)–(8) of its proof decided exactly ({@link
 * xcert.reductions.sattoap.Theorem34}) and the decision procedure against adversarial
 * approximations ({@link xcert.reductions.sattoap.DecisionProcedure}).
 */
package xcert.reductions.sattoap;
