/**
 * The models that xcert explains: Boolean circuits (the classifiers Φ of seed 003, Section 3), small
 * ReLU networks (seed 003, Section 4.1), tabular models such as E[Y | X = x] of a finite joint
 * distribution (seed 004, Corollary 5.1), and bit-sliced evaluation of circuits on all 2^d inputs.
 */
package xcert.solvers.model;
