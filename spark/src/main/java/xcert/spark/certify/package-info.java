/**
 * Exhaustive full-LP certificate checks as Spark jobs (seed 002 Appendix A.3; issue 19 point 3): the
 * 2^d sets of the full LP cut into ranges, each task summing exactly over its range (the primal
 * bound Σ|c_S − Σ_{i∈S} α_i|, the dual bound Σ c_S y_S, the row sums Σ_{S∋i} y_S and the first box
 * violation, {@link xcert.certificates.check.Verifier.Sums}), the sums added on the driver in any
 * order and turned into the same verdict as the single-machine {@link
 * xcert.certificates.check.Verifier}. Executors rebuild the problem and the lifted certificate from
 * the certificate file's text (the objects are not serializable), once per JVM.
 */
package xcert.spark.certify;
