/**
 * The exact core of xcert: models, reference distributions, the table of all average restricted
 * predictions f_S(x) (seed 004, Eq. 1), the queries of seed 004 (Sections 2, 4 and 5) and seed 003
 * (Sections 2–3) answered by enumeration, weighted model counting or SAT, and the shared primitives
 * (feature sets, linear solvers, provenance, studies and reports) that the other modules build on.
 * Start at {@link xcert.solvers.query.ExactQueries}.
 */
package xcert.solvers;
