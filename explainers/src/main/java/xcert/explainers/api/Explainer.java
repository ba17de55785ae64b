package xcert.explainers.api;

import xcert.explainers.backend.Backend;
import xcert.solvers.model.Model;

/**
 * An attribution method: given a model f and a point x0, a weight per feature. Every sampled method
 * of xcert is an instance of local function approximation ({@link xcert.explainers.lfa.LfaExplainer},
 * seed 000 Definition 1); exact methods (the limits, exact Integrated Gradients) implement this
 * interface directly. Model evaluations and gradients go through the {@link Backend}.
 */
public interface Explainer {

  /** The method's name as the command line spells it, e.g. "glime-binomial". */
  String name();

  /**
   * The attribution of f at x0.
   *
   * @throws IllegalArgumentException when the method does not apply to this model or point (for
   *     example Gaussian noise on a Boolean circuit, or gradients of a circuit), with a message that
   *     says why
   */
  Attribution explain(Model f, double[] x0, Backend backend);
}
