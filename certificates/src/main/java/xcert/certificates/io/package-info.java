/**
 * The certificate file format: a small text file naming a problem of seed 002 (Definitions 1 and 3,
 * Theorems 1 and 2, Lemma 1) and holding an orbit certificate, which the checker trusts in nothing.
 */
package xcert.certificates.io;
