/**
 * Seed 002's Sum-of-Parts construction in miniature (Section 3, Algorithm 1): sparsemax (the simplex
 * projection of Eq. 2, in float64 and exact rationals), a small SOP model (GroupGen by sparsemax
 * attention, a backbone on each masked input, GroupSelect by sparsemax over group scores, y = Σ c_i
 * y_i), and the grouped metrics of Appendix C.3 (grouped insertion/deletion curves, group sparsity)
 * and Appendix D (group intensity, clusters and voids).
 */
package xcert.explainers.sop;
