/**
 * Benchmarks of the exact core, as library calls returning records: {@link
 * xcert.solvers.bench.ExactBenchmark} times the streaming exact Shapley values and the f_S table route
 * (seed 004, Eq. 1 and Section 5) against the evaluation floor on random 3-CNFs, {@link
 * xcert.solvers.bench.NetworkExactBenchmark} exact against float64 and the stream against its floor
 * on random ReLU networks (issue 19), and {@link xcert.solvers.bench.CompiledBenchmark} compilation
 * and the compiled engine (exact Shapley and Banzhaf values on an OBDD or d-DNNF, Arenas et al. JMLR
 * 2023) against the anchors of Deutch, Frost, Kimelfeld and Monet (SIGMOD 2022; issue 20).
 */
package xcert.solvers.bench;
