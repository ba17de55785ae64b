/**
 * Benchmarks of the exact core, as library calls returning records: {@link
 * xcert.solvers.bench.ExactBenchmark} times bit-sliced evaluation and the f_S table with exact Shapley
 * values (seed 004, Eq. 1 and Section 5) on random 3-CNFs; {@link
 * xcert.solvers.bench.CompiledBenchmark} times compilation and the compiled engine (exact Shapley and
 * Banzhaf values on an OBDD or d-DNNF, Arenas et al. JMLR 2023) against the anchors of Deutch, Frost,
 * Kimelfeld and Monet (SIGMOD 2022).
 */
package xcert.solvers.bench;
