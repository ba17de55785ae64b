/**
 * The local function approximation API of seed 000 (Definition 1): an explainer maps a model and an input to an attribution.
 */
package xcert.explainers.api;
