package xcert.explainers.optimalitygap;

import java.util.function.Function;
import java.util.function.Predicate;
import xcert.explainers.api.Attribution;
import xcert.explainers.api.Explainer;
import xcert.explainers.backend.Backend;
import xcert.solvers.instances.Instance;

/**
 * A named attribution method to compare with the exact answers: a factory that builds an
 * {@link Explainer} for an instance (so that methods needing V, such as RDE or relaxed masks, get the
 * instance's reference distribution), and the instances it applies to.
 *
 * @param name the name printed in reports
 * @param appliesTo which instances the method is run on (e.g. gradient methods: ReLU networks only)
 * @param factory builds the explainer for one instance
 */
public record Method(String name, Predicate<Instance> appliesTo,
    Function<Instance, Explainer> factory) {

  /** A method that applies to every instance. */
  public static Method of(String name, Function<Instance, Explainer> factory) {
    return new Method(name, i -> true, factory);
  }

  /** The method's attribution at the instance's point. */
  public Attribution explain(Instance inst, Backend backend) {
    return factory.apply(inst).explain(inst.model(), inst.x(), backend);
  }
}
