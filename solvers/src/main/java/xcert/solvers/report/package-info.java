/**
 * Studies and their reports: a study runs the checks of one family of seed statements on generated
 * instances and returns a {@link xcert.solvers.report.Report}, a front-end-neutral list of paragraphs
 * and tables with the same data as ordered JSON-ready fields. Every library module puts its studies in
 * its own {@code studies} package; front ends (the command line, a notebook, a CI job) only render.
 * {@link xcert.solvers.report.TallyReports} turns a tally of checked statements into blocks and rows.
 */
package xcert.solvers.report;
