package xcert.explainers.realdata.tabular;

import java.util.List;
import xcert.explainers.api.Attribution;
import xcert.explainers.backend.Backend;
import xcert.explainers.lfa.Kernel;
import xcert.explainers.limits.ExactLimits;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.solvers.model.ReluNetwork;

/**
 * The methods of seed 000 Section 5 (Table 1's seven and C-LIME) with the settings of its
 * Appendix A.4: 1000 perturbations for every method that samples (LIME, KernelSHAP, SmoothGrad,
 * C-LIME; Integrated Gradients with 1000 Riemann steps), reference 0 (the training mean after the
 * scaling), LIME with xcert's lime defaults (kernel width 0.25, cosine distance, Ridge α = 1),
 * SmoothGrad and C-LIME with σ = {@link #SIGMA} (the seed does not state its σ; the features span a
 * range of width 1, so σ = 0.1 is a tenth of it). Occlusion, Vanilla Gradients and Gradient × Input
 * are deterministic.
 */
public final class SeedMethods {

  /** The noise scale of SmoothGrad and C-LIME, in scaled feature units. */
  public static final double SIGMA = 0.1;
  /** Perturbations per sampled method (seed 000 A.4). */
  public static final long SAMPLES = 1000;

  /** Additive continuous noise (seed 000 Remark 1: recover w). */
  public static final List<String> ADDITIVE = List.of("smoothgrad", "vanilla-gradients", "c-lime");
  /** Multiplicative binary or continuous noise (Remark 1: recover w ⊙ x instead). */
  public static final List<String> MULTIPLICATIVE = List.of("lime", "kernelshap", "occlusion",
      "integrated-gradients", "gradient-x-input");
  /** All eight, additive first. */
  public static final List<String> ALL = List.of("smoothgrad", "vanilla-gradients", "c-lime",
      "lime", "kernelshap", "occlusion", "integrated-gradients", "gradient-x-input");
  /**
   * The additive methods of the seed's Figure 3 claim ("SmoothGrad and Vanilla Gradients perform
   * best on continuous perturbation neighborhoods"); C-LIME is run and shown but is not named there.
   */
  public static final List<String> FIGURE3_ADDITIVE = List.of("smoothgrad", "vanilla-gradients");

  /**
   * The exact infinite-sample limits of the three sampled multiplicative methods
   * ({@link ExactLimits}), each named after its method with a suffix: KernelSHAP over all 2^d
   * coalitions (the Shapley values, exact rationals), LIME's limit (n → ∞, where Ridge(α)'s
   * penalty α/n vanishes: λ = 0; same kernel), Integrated Gradients integrated exactly between the
   * path's kinks. The binary-noise ones need d ≤ {@value ExactLimits#MAX_DIMENSION} (diabetes).
   * Shown beside the sampled methods; outside the Figure 3 criteria.
   */
  public static final List<String> LIMITS = List.of("kernelshap-exact", "lime-limit",
      "integrated-gradients-exact");

  private SeedMethods() {}

  /** The sampled method whose limit {@code limit} is. */
  public static String sampledOf(String limit) {
    return limit.substring(0, limit.lastIndexOf('-'));
  }

  /** The settings of {@code method} with random seed {@code seed}. */
  public static MethodSettings settings(String method, long seed) {
    MethodSettings s = MethodSettings.defaults().withSeed(seed);
    return switch (method) {
      case "smoothgrad", "c-lime" -> s.withSigma(SIGMA).withSamples(SAMPLES);
      case "lime", "kernelshap" -> s.withSamples(SAMPLES);
      case "integrated-gradients" -> s.withSteps((int) SAMPLES).withSamples(SAMPLES);
      default -> s;
    };
  }

  /**
   * The attribution of {@code method} (one of {@link #ALL} or {@link #LIMITS}) for f at x with
   * random seed {@code seed}.
   */
  public static double[] explain(String method, ReluNetwork f, double[] x, long seed,
      Backend backend) {
    double[] r = new double[f.dimension()];
    switch (method) {
      case "kernelshap-exact" -> {
        return ExactLimits.kernelShap(f, x, r).values();
      }
      case "lime-limit" -> {
        return ExactLimits.lime(f, x, r, 0.25, Kernel.Distance.COSINE, true, 0).values();
      }
      case "integrated-gradients-exact" -> {
        return ExactLimits.integratedGradients(f, x, r).values();
      }
      default -> { }
    }
    Attribution a = Methods.create(method, settings(method, seed), f.dimension())
        .explain(f, x, backend);
    return a.values();
  }

  /** True for the methods whose Remark-1 target is w ⊙ x. */
  public static boolean multiplicative(String method) {
    return MULTIPLICATIVE.contains(method);
  }
}
