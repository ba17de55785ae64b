/**
 * The one entry point for every attribution method: {@link xcert.explainers.explain.Explanations#explain}
 * with an {@link xcert.explainers.explain.ExplainMethod} (the sampled LFA instances of seed 000
 * Definition 1 and Table 1 and of seed 001 Sections 3–4; their exact limits, seed 000 Theorems 1–3
 * and seed 001 Appendix B; the continuous relaxations RDE, seed 003 Section 4, and the relaxed
 * masks, seed 004 Eq. 13 and Appendix A.2), immutable {@link xcert.explainers.explain.ExplainSettings}
 * validated here, and an {@link xcert.explainers.explain.Explanation} with its provenance. The
 * backend is chosen by {@link xcert.explainers.explain.BackendChoice} ({@link
 * xcert.explainers.explain.Backends}).
 */
package xcert.explainers.explain;
