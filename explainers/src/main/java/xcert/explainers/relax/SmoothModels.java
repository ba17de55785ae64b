package xcert.explainers.relax;

import xcert.explainers.backend.Backend;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;

/** The {@link SmoothModel} of a model: a ReLU network's score or a circuit's multilinear extension. */
public final class SmoothModels {

  private SmoothModels() {}

  /**
   * @throws IllegalArgumentException for a model with no smooth form (tabular models)
   */
  public static SmoothModel of(Model f, Backend backend) {
    if (f instanceof ReluNetwork net) {
      return new ReluScore(net, backend);
    }
    if (f instanceof Circuit c) {
      return new MultilinearExtension(c);
    }
    throw new IllegalArgumentException("the continuous relaxations need a ReLU network or a "
        + "circuit; " + (f.hasExactValues() ? f.getClass().getSimpleName() + " has no gradient"
        : "the probability after a Sigmoid/Softmax head is neither (explain the logit, the"
        + " default)"));
  }
}
