package xcert.explainers.backend;

import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;

/**
 * Where model evaluations and gradients over a batch of perturbations are computed (seed 000 Section 3, Table 1,
 * "Compute"). Batches are row-major: row r of an n × d batch is {@code rows[r*d .. r*d+d-1]}, the
 * layout a device buffer wants. Implementations must return the same numbers whatever their
 * internal parallelism (results may not depend on thread scheduling).
 *
 * <p>The CPU backend ({@link CpuBackend}) is the default and needs nothing installed. A GPU backend
 * implements the same two operations on the device.
 */
public interface Backend {

  /** A short name for reports, e.g. "cpu (2 threads)". */
  String name();

  /** f(x) for each of the n rows (f's score for networks; the label for classifiers). */
  double[] evaluate(Model f, double[] rows, int n);

  /**
   * ∇f(x) for each of the n rows of the score of a ReLU network, row-major n × d. At a kink (a
   * pre-activation exactly 0) the derivative of the ReLU is taken as 0, the convention of the common
   * frameworks.
   */
  double[] gradients(ReluNetwork f, double[] rows, int n);

  /**
   * Runs a whole LFA explanation on this backend's device, drawing the samples there, and returns
   * its sufficient statistics; empty when this backend has no such path for this model and plan, in
   * which case the caller draws the samples and uses {@link #evaluate} and {@link #gradients}.
   */
  default java.util.Optional<LfaSums> runPlan(Model f, LfaPlan plan) {
    return java.util.Optional.empty();
  }
}
