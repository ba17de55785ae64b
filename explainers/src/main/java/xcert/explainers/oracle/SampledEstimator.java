package xcert.explainers.oracle;

import java.util.Arrays;
import java.util.List;
import xcert.solvers.errors.InputException;

/**
 * The sampled estimators whose error the oracle bounds itself, so that a sampled attribution is
 * judged against what its sample size explains rather than against a hand-set tolerance.
 *
 * <p>{@link #PERMUTATION}: permutation sampling of Shapley values (shap's PermutationExplainer,
 * Captum's ShapleyValueSampling; seed 004 Eq. 11 as an expectation over orders). The estimate of
 * φ_i is a mean of marginal contributions v(S ∪ {i}) − v(S), each in [a_i, b_i] (the least and
 * largest over all S, read from the exact table). Grouping the N sampled permutations into ⌊N/2⌋
 * independent pairs (which is what antithetic sampling draws, and holds for independent draws too),
 * Hoeffding's inequality with a union bound over the d features gives, with probability at least C,
 * |φ̂_i − φ_i| ≤ (b_i − a_i)·√(ln(2d/(1 − C)) / (2⌊N/2⌋)) for every i.
 *
 * <p>{@link #KERNELSHAP}: xcert's paired KernelSHAP with the efficiency constraint, N coalitions,
 * graded against shapley or kernelshap-limit ({@link
 * xcert.explainers.oracle.bounds.KernelShapSamplingBound}). {@link #LIME}: xcert's and lime_image's
 * LIME, N perturbations (the first the all-ones mask), Ridge(α = 1), graded against lime-limit at
 * λ = 0 with the same kernel ({@link xcert.explainers.oracle.bounds.LimeSamplingBound}).
 */
public enum SampledEstimator {
  PERMUTATION("permutation"),
  KERNELSHAP("kernelshap"),
  LIME("lime");

  private final String id;

  SampledEstimator(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /**
   * The estimator named {@code id}.
   *
   * @throws InputException for an unknown name
   */
  public static SampledEstimator fromId(String id) {
    return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst()
        .orElseThrow(() -> InputException.setting("estimator", "'" + id + "' has no statistical"
            + " bound here; expected one of " + String.join(", ", ids())));
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(SampledEstimator::id).toList();
  }

  /** The counterparts this estimator's n → ∞ limit equals; the bound holds against these only. */
  public List<Against> limits() {
    return switch (this) {
      case PERMUTATION -> List.of(Against.SHAPLEY);
      case KERNELSHAP -> List.of(Against.SHAPLEY, Against.KERNELSHAP_LIMIT);
      case LIME -> List.of(Against.LIME_LIMIT);
    };
  }

  /** What one of the N samples is, for messages. */
  public String unit() {
    return switch (this) {
      case PERMUTATION -> "permutations";
      case KERNELSHAP -> "coalitions";
      case LIME -> "perturbations";
    };
  }

  /**
   * The half-width of the simultaneous confidence interval for one feature whose marginal
   * contributions span {@code width}.
   */
  public static double permutationHalfWidth(double width, int d, long samples,
      double confidence) {
    long pairs = samples / 2;
    return width * Math.sqrt(Math.log(2.0 * d / (1 - confidence)) / (2.0 * pairs));
  }
}
