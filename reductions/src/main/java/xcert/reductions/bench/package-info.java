/**
 * Benchmarks of the reductions: {@link xcert.reductions.bench.ReductionsBenchmark} times seed 003
 * Lemma 3.6 (Section 3.2), both directions, on all 200 SATLIB instances against a one-BDD baseline.
 */
package xcert.reductions.bench;
