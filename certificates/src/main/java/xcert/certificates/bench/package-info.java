/**
 * Benchmarks of the certificates of seed 002 (Theorems 1 and 2, Lemma 1, Appendix A.3) against a
 * generic LP solver on the same LPs; results are records, printed by any front end.
 */
package xcert.certificates.bench;
