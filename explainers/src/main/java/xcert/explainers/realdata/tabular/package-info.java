/**
 * Seed 000 Experiments 2 and 3 in miniature on real data (xcert issue 21, point 4): model recovery
 * (Section 5.2, Figure 2, Appendix A.5.2 Figures 10–11) and perturbation tests (Section 5.2, Figure 3,
 * Appendix A.5.3 Figures 12–13) on scikit-learn's diabetes (regression) and breast cancer
 * (classification) data under {@code data/realdata/tabular}, with the models that
 * {@code tools/realdata/tabular/train.py} trained and committed as ReLU JSON.
 */
package xcert.explainers.realdata.tabular;
