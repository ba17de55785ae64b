package xcert.solvers.instances;

import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.model.Model;

/**
 * One generated question for the exact enumerators: a model f, an input x and a reference
 * distribution V, with the generator's seed and parameters so it can be rebuilt and reported.
 */
public record Instance(Model model, double[] x, ReferenceDistribution distribution, String label) {

  public Instance {
    x = x.clone();
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  public int dimension() {
    return model.dimension();
  }

  @Override
  public String toString() {
    return label;
  }
}
