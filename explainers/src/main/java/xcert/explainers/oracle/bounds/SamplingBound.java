package xcert.explainers.oracle.bounds;

import java.util.Arrays;

/**
 * A simultaneous finite-sample bound on a sampled estimate's per-feature errors: with probability
 * at least {@code confidence}, |ŵ_i − w_i| ≤ {@code halfWidths[i]} for every i at once.
 *
 * @param halfWidths one half-width per feature, w_1 first; all +∞ when the bound is vacuous
 * @param vacuous true when no finite bound holds at this n (see {@code inequality})
 * @param samples n, what the estimator drew
 * @param confidence C, in (0, 1)
 * @param inequality the bound in words: which inequality, over how many independent terms, and (when
 *     vacuous) why
 */
public record SamplingBound(double[] halfWidths, boolean vacuous, long samples, double confidence,
    String inequality) {

  public SamplingBound {
    halfWidths = halfWidths.clone();
  }

  @Override
  public double[] halfWidths() {
    return halfWidths.clone();
  }

  /** The largest half-width (+∞ when vacuous). */
  public double max() {
    return Arrays.stream(halfWidths).max().orElse(0);
  }
}
