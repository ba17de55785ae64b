/**
 * Attribution problems of seed 002: deletion and insertion error (Definitions 1 and 3) of a
 * multilinear polynomial at x over a family of sets, the monomial and binomial families of Theorems 1
 * and 2 and Lemma 1, and parsers for polynomials and set lists.
 */
package xcert.certificates.problem;
