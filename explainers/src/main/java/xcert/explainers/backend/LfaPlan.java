package xcert.explainers.backend;

import java.util.Objects;

/**
 * One run of local function approximation (seed 000 Definition 1, Eq. 1) described by codes that a
 * device can execute without calling back into Java: the neighbourhood Z, the combination ⊕, the
 * sample weight π, what is fitted, the point x0, the number of samples n and the seed. A backend that
 * can run a whole explanation on its device ({@link Backend#runPlan}) draws the n perturbations
 * itself from the counter-based stream of {@link CounterStream} (so it needs no transfer of samples),
 * evaluates the model, and returns only the sufficient statistics ({@link LfaSums}).
 *
 * <p>The enum constants' ordinals are the codes the device kernels use; do not reorder them.
 *
 * @param noise Z, with its parameters {@code p0}, {@code p1} (see {@link Noise})
 * @param p0 the first parameter of Z
 * @param p1 the second parameter of Z
 * @param paired whether every odd sample i is the complement 1 − ξ of the sample before it, ξ being
 *     drawn from the noise at index i − 1 (so the pair is a function of i alone)
 * @param combine ⊕
 * @param reference r of the mask combination (length d; zeros otherwise)
 * @param weight π
 * @param width the LIME kernel width w (unused for {@link Weight#NONE})
 * @param fit what is fitted: gradients, f(x0 ⊕ ξ), or the drop f(x0) − f(x0 ⊕ (1 − ξ))
 * @param intercept whether g has an intercept (squared error only)
 * @param efficiency whether g is constrained by Σw = f(x0) − f(x0 ⊕ 0) (KernelSHAP)
 * @param x0 the point explained
 * @param jacobian the diagonal J of ∂(x0 ⊕ ξ)/∂ξ (gradient matching multiplies gradients by it)
 * @param base x0 ⊕ 0, the baseline of the efficiency constraint (and a row the device evaluates)
 * @param n the number of samples
 * @param seed the seed of the stream
 */
public record LfaPlan(Noise noise, double p0, double p1, boolean paired, Combine combine,
    double[] reference, Weight weight, double width, Fit fit, boolean intercept,
    boolean efficiency, double[] x0, double[] jacobian, double[] base, long n, long seed) {

  /**
   * The neighbourhoods of {@code xcert.explainers.lfa.Noises}, by the parameters they take. Sample i
   * draws from {@link CounterStream} with its own index, so samples are independent of each other and
   * of the order they are computed in.
   */
  public enum Noise {
    /** ξ_f = p0 · normal(i, f) (p0 = σ ≥ 0). */
    GAUSSIAN,
    /** u = uniform(i, f) − 1/2, ξ_f = −p0 · sgn(u) · log1p(−2|u|) (p0 = scale). */
    LAPLACE,
    /** ξ_f = p0 · (2 uniform(i, f) − 1). */
    UNIFORM_BOX,
    /** t = p0 when p0 = p1, else p0 + (p1 − p0) · uniform(i, 0); ξ = t·1. */
    UNIFORM_SCALE,
    /** ξ_f = 1 if uniform(i, f) &lt; p0 else 0. */
    BERNOULLI,
    /** sample 0 is all ones; otherwise ξ_f = 1 if uniform(i, f) &lt; 1/2 else 0. */
    LIME_MASK,
    /**
     * size k ∈ {1..d−1} with probability ∝ (d−1)/(k(d−k)) from uniform(i, 0), then a uniform k-subset
     * by selection sampling with uniform(i, 1 + f) (see {@code ShapleyKernel}). Exactly: with
     * m_k = (d−1)/(k·(d−k)) (in double: {@code (d - 1) / (k * (double) (d - k))}),
     * total = m_1 + … + m_{d−1} summed in that order and v = uniform(i, 0)·total, for k = 1..d−2 in
     * turn v −= m_k and k is the size once v &lt; 0; otherwise k = d − 1. Then with needed = k, for
     * f = 0..d−1: ξ_f = 1 and needed −= 1 if uniform(i, 1 + f)·(d − f) &lt; needed, else ξ_f = 0
     * (Knuth's Algorithm S).
     */
    SHAPLEY,
    /** ξ = e_{(i mod d) + 1}. */
    ONE_HOT,
    /** ξ = t·1 with t = ((i mod m) + 1/2)/m, m = p0. */
    RIEMANN
  }

  /** The combination x0 ⊕ ξ. */
  public enum Combine {
    /** x0 + ξ; Jacobian 1. */
    ADDITIVE,
    /** x0 ⊙ ξ; Jacobian x0. */
    MULTIPLICATIVE,
    /** x0 ⊙ ξ + r ⊙ (1 − ξ); Jacobian x0 − r. */
    MASK
  }

  /** The sample weight π(ξ). */
  public enum Weight {
    /** π ≡ 1. */
    NONE,
    /** LIME's exp(−D²/(2w²)) with D = 1 − √(k/d) (1 for k = 0), k the number of ones of ξ. */
    LIME_COSINE,
    /** LIME's exp(−D²/(2w²)) with D = √(d − k). */
    LIME_L2
  }

  /** What the run fits. */
  public enum Fit {
    /** The weighted mean of J ⊙ ∇f(x0 ⊕ ξ) (gradient matching, seed 000 Eq. 2). */
    GRADIENT,
    /** Squared error against f(x0 ⊕ ξ). */
    VALUE,
    /** Squared error against f(x0) − f(x0 ⊕ (1 − ξ)) (Occlusion). */
    DROP
  }

  public LfaPlan {
    Objects.requireNonNull(noise);
    Objects.requireNonNull(combine);
    Objects.requireNonNull(weight);
    Objects.requireNonNull(fit);
    reference = reference.clone();
    x0 = x0.clone();
    jacobian = jacobian.clone();
    base = base.clone();
    if (reference.length != x0.length || jacobian.length != x0.length
        || base.length != x0.length) {
      throw new IllegalArgumentException("reference, jacobian and base have " + reference.length
          + ", " + jacobian.length + " and " + base.length + " values; x0 has " + x0.length);
    }
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, got " + n);
    }
  }

  /** d, the number of features. */
  public int dimension() {
    return x0.length;
  }

  /**
   * The number of columns of the regression: d, or d − 1 under the efficiency constraint (the last
   * feature is eliminated), plus one for the intercept.
   */
  public int columns() {
    return (efficiency ? x0.length - 1 : x0.length) + (intercept ? 1 : 0);
  }

  @Override
  public double[] reference() {
    return reference.clone();
  }

  @Override
  public double[] x0() {
    return x0.clone();
  }

  @Override
  public double[] jacobian() {
    return jacobian.clone();
  }

  @Override
  public double[] base() {
    return base.clone();
  }
}
