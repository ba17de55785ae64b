package xcert.explainers.rde;

/**
 * The parameters of RDE (seed 003 Eq. (4) and Section 5): minimise D(s) + λ‖s‖₁ over [0,1]^d by
 * projected gradient with momentum and an Armijo line search, from s = initial·1.
 *
 * @param lambda λ ≥ 0, or NaN for the default rule λ = 0.5·D(0)/d, D(0) the distortion of s = 0 (all
 *     features replaced by V) in the chosen mode: every feature costs half the average distortion per
 *     feature, so the trivial s = 1 (objective λd = D(0)/2) beats s = 0 but a feature is kept only if
 *     it removes more than half the average share. The paper's λ = 0.5 (MNIST) and 0.05 (STL-10) are
 *     tuned to its image scale and are not scale-free. When D(0) = 0, λ = 1 (then s = 0 has objective
 *     0, the minimum, for any λ &gt; 0)
 * @param mode how D(s) is evaluated
 * @param rank r of the low-rank factor of Cov[V] (Section 5 uses 30; capped at d when used)
 * @param samples rows of V for {@link DistortionMode#SAMPLES}
 * @param seed the seed of those rows
 * @param iterations the most projected-gradient iterations
 * @param momentum the momentum factor in [0, 1) (Section 5: 0.85)
 * @param initial the starting map s = initial·1, in [0, 1] (Section 5: 0.2)
 */
public record RdeSettings(double lambda, DistortionMode mode, int rank, int samples, long seed,
    int iterations, double momentum, double initial) {

  public RdeSettings {
    if (!(Double.isNaN(lambda) || (lambda >= 0 && lambda < Double.POSITIVE_INFINITY))) {
      throw new IllegalArgumentException("lambda is " + lambda
          + ", expected a finite number ≥ 0 (or NaN for the default 0.5·D(0)/d)");
    }
    if (mode == null) {
      throw new IllegalArgumentException("mode is null, expected one of diag, low-rank, full, "
          + "samples");
    }
    if (rank < 1) {
      throw new IllegalArgumentException("rank is " + rank + ", expected at least 1");
    }
    if (samples < 1) {
      throw new IllegalArgumentException("samples is " + samples + ", expected at least 1");
    }
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations is " + iterations + ", expected at least 0");
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum is " + momentum + ", expected a number in [0, 1)");
    }
    if (!(initial >= 0 && initial <= 1)) {
      throw new IllegalArgumentException("initial is " + initial + ", expected a number in [0, 1]");
    }
  }

  /** λ by the default rule, ADF diagonal, r = 30, 256 samples, seed 0, 300 iterations, 0.85, 0.2. */
  public static RdeSettings defaults() {
    return new RdeSettings(Double.NaN, DistortionMode.DIAGONAL, 30, 256, 0, 300, 0.85, 0.2);
  }

  /** True when λ comes from the default rule. */
  public boolean defaultLambda() {
    return Double.isNaN(lambda);
  }

  public RdeSettings withLambda(double l) {
    return new RdeSettings(l, mode, rank, samples, seed, iterations, momentum, initial);
  }

  public RdeSettings withMode(DistortionMode m) {
    return new RdeSettings(lambda, m, rank, samples, seed, iterations, momentum, initial);
  }

  public RdeSettings withRank(int r) {
    return new RdeSettings(lambda, mode, r, samples, seed, iterations, momentum, initial);
  }

  public RdeSettings withSamples(int n) {
    return new RdeSettings(lambda, mode, rank, n, seed, iterations, momentum, initial);
  }

  public RdeSettings withSeed(long s) {
    return new RdeSettings(lambda, mode, rank, samples, s, iterations, momentum, initial);
  }

  public RdeSettings withIterations(int n) {
    return new RdeSettings(lambda, mode, rank, samples, seed, n, momentum, initial);
  }

  public RdeSettings withMomentum(double m) {
    return new RdeSettings(lambda, mode, rank, samples, seed, iterations, m, initial);
  }

  public RdeSettings withInitial(double s0) {
    return new RdeSettings(lambda, mode, rank, samples, seed, iterations, momentum, s0);
  }
}
