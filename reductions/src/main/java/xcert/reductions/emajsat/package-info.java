/**
 * RELEVANT-INPUT (seed 003, Section 3.1, Definition 3.1) and its NP^PP-completeness for
 * 1/2 ≤ δ &lt; 1 (seed 003, Theorem 3.3, cited there without a proof): E-MAJSAT instances and an
 * exact solver by enumeration, xcert's reduction E-MAJSAT ≤p RELEVANT-INPUT ({@link
 * xcert.reductions.emajsat.EmajsatToRelevant}, the hardness half), the membership algorithm "guess a
 * set, ask one counting query" ({@link xcert.reductions.emajsat.GuessAndCount}) with its agreement
 * oracles, and exact uniform conditional counts over every candidate set ({@link
 * xcert.reductions.emajsat.UniformCounts}, enumerated with {@link xcert.solvers.features.KSubsets}).
 */
package xcert.reductions.emajsat;
