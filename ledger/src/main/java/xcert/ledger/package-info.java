/**
 * The claims ledger: one entry per checkable claim of the five seeds (the ids of the seeds' own
 * numbering, listed in {@code claims.tsv}), each with a verdict that a check produced — it holds,
 * it fails (with the smallest counterexample or the exact numbers), it holds only under a stated
 * reading, or it is not checkable (and why) — and where the check lives. {@link
 * xcert.ledger.ClaimsLedger#run} runs every check and returns an immutable {@link
 * xcert.ledger.Ledger}; the checks are grouped by seed ({@code Seed000Checks} ...
 * {@code Seed004Checks}) and call the solvers, certificates, reductions and explainers libraries.
 * A measurement gets its criterion (fixed in the check's code, before the run) next to its result.
 */
package xcert.ledger;
