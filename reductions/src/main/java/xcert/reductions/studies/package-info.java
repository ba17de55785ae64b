/**
 * The reductions study of a report ({@link xcert.reductions.studies.ReductionsStudy}): seed 003
 * Lemma 3.6 and Theorem 3.4 (Section 3.2), Theorem 3.3 (Section 3.1) and the circuit-to-ReLU
 * footnote 1 of Section 3, each checked on SATLIB and generated instances and tallied.
 */
package xcert.reductions.studies;
