package xcert.explainers.adf;

/**
 * How {@link Moments} hold the covariance Σ of a layer in the assumed density filtering of seed 003
 * Section 4.3: only its diagonal (the activations of a layer taken as uncorrelated), the full
 * matrix, or a factor Q with Σ = QQᵀ (the "symmetric low-rank factorisation" whose one factor is
 * propagated through the update (6)).
 */
public enum CovarianceKind {
  /** The variances only, Vdiag. */
  DIAGONAL,
  /** The full d × d matrix. */
  FULL,
  /** A factor Q (d × r), Σ = QQᵀ. */
  LOW_RANK
}
