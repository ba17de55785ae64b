package xcert.explainers.limits;

import xcert.explainers.api.Attribution;
import xcert.explainers.lfa.Kernel;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;

/**
 * The infinite-sample limits of the sampled explainers, computed without sampling: binary-noise
 * methods by summing over all of {0,1}^d with their kernel weights (d ≤ {@value #MAX_DIMENSION}),
 * Integrated Gradients on ReLU networks by integrating between the kinks of the path, and the
 * closed-form SmoothGrad of a one-hidden-layer ReLU network under Gaussian noise.
 */
public final class ExactLimits {

  /** Largest d whose 2^d masks are enumerated. */
  public static final int MAX_DIMENSION = 20;

  private ExactLimits() {}

  /** LIME's limit n → ∞ (seed 001 Eq. 1): kernel √exp(−D²/w²), ridge λ on the expectation scale. */
  public static Attribution lime(Model f, double[] x0, double[] reference, double kernelWidth,
      Kernel.Distance distance, boolean intercept, double lambda) {
    throw new UnsupportedOperationException("not yet");
  }

  /** GLIME-Binomial's limit (seed 001 Eq. 3) with P(z_i = 1) = 1/(1 + e^{−1/σ²}), penalty λ. */
  public static Attribution glimeBinomial(Model f, double[] x0, double[] reference, double sigma,
      boolean intercept, double lambda) {
    throw new UnsupportedOperationException("not yet");
  }

  /** KernelSHAP over all coalitions, λ = 0, with the efficiency constraint. */
  public static Attribution kernelShap(Model f, double[] x0, double[] reference) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Occlusion: f(x0) − f(x0 with feature i set to r_i), exactly. */
  public static Attribution occlusion(Model f, double[] x0, double[] reference) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Integrated Gradients from the reference r to x0, exactly, by integrating between kinks. */
  public static Attribution integratedGradients(ReluNetwork f, double[] x0, double[] reference) {
    throw new UnsupportedOperationException("not yet");
  }

  /** E_{ξ ~ N(0, σ²I)}[∇f(x0 + ξ)] in closed form for a network with one hidden layer. */
  public static Attribution smoothGrad(ReluNetwork f, double[] x0, double sigma) {
    throw new UnsupportedOperationException("not yet");
  }
}
