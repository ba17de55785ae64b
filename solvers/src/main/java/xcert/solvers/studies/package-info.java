/**
 * The report studies of the solvers module: {@link xcert.solvers.studies.Seed004Study} checks the
 * statements of seed 004 (Lemmas 4.1–4.2, Theorem 4.1, Corollary 5.1, Theorem 5.1, the Shapley axioms
 * of Section 5.2 and Eq. 1) on generated instances; {@link xcert.solvers.studies.CountingStudy} holds
 * weighted model counting and SAT (seed 003, Section 3) against SATLIB's published counts and against
 * the table. Each returns a {@link xcert.solvers.report.Report}.
 */
package xcert.solvers.studies;
