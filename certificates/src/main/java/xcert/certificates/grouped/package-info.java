/**
 * Grouped attributions (seed 002 Definition 2) and their grouped insertion/deletion error
 * (Definitions 4 and 5), with the exhaustive check of Corollary 1 (Appendix A).
 */
package xcert.certificates.grouped;
