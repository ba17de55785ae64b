/**
 * Certified least insertion/deletion error of single-feature attributions (seed 002 Section 2.1,
 * Theorems 1 and 2, Lemma 1, and their LP proofs in Appendix A.3). Entry points: {@link
 * xcert.certificates.Certification} certifies a built-in {@link xcert.certificates.Family},
 * {@link xcert.certificates.PolynomialCertification} any multilinear polynomial (Definitions 1 and 3),
 * and {@link xcert.certificates.CertificateCheck} re-checks a certificate file from scratch.
 */
package xcert.certificates;
