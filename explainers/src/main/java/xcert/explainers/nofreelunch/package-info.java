/**
 * Seed 000's no-free-lunch construction (Theorem 3): an adversarial neighbourhood and a certified distance d(f, G) from a model to a class of explanations.
 */
package xcert.explainers.nofreelunch;
