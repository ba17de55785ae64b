/**
 * Every exact query in one call: {@link xcert.solvers.query.ExactQueries#answer} takes a model, an
 * input, a reference distribution (a baseline is a point mass), a {@link xcert.solvers.query.Query}
 * and immutable {@link xcert.solvers.query.QuerySettings}, routes the query to the table of all 2^d
 * values f_S(x), to weighted model counting or to SAT ({@link xcert.solvers.query.Method}), and
 * returns a {@link xcert.solvers.query.QueryAnswer} with its provenance and the route taken. A model
 * without exact values (a probability after a Sigmoid/Softmax head) is answered in float64 and says
 * why. {@link xcert.solvers.query.Evaluation#evaluate} gives f(x) alone, in one forward pass.
 *
 * <p>Implements seed 004, Eq. 1 and Sections 2.1, 4 and 5.2 (f_S, Δsuf, Δnec, (P_suf), (P_nec),
 * (P_uni), ε-(super-)sufficiency and necessity, Shapley and Banzhaf values of the games of Theorem
 * 5.1) and seed 003, Sections 2–3 (δ-relevance, RELEVANT-INPUT and MIN-RELEVANT-INPUT of Definitions
 * 3.1–3.2, the rate–distortion function).
 */
package xcert.solvers.query;
