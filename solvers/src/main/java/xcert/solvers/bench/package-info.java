/**
 * Benchmarks of the exact core, as library calls returning records: {@link
 * xcert.solvers.bench.ExactBenchmark} times bit-sliced evaluation and the f_S table with exact Shapley
 * values (seed 004, Eq. 1 and Section 5) on random 3-CNFs.
 */
package xcert.solvers.bench;
