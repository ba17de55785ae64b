package xcert.explainers.realdata.digits;

import java.util.LinkedHashMap;
import java.util.Map;
import xcert.explainers.backend.Backend;
import xcert.explainers.lfa.Kernel;
import xcert.explainers.limits.ExactLimits;
import xcert.explainers.masks.MaskSettings;
import xcert.explainers.masks.RelaxedMaskExplainer;
import xcert.solvers.dist.ProductDistribution;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.explainers.rde.RdeExplainer;
import xcert.explainers.rde.RdeSettings;
import xcert.solvers.dist.ReferenceDistribution;

/**
 * The attributions over the 16 superpixels that seed 003 Figure 3 and seed 004 Section 6.2.1 compare,
 * each computed once per image (z = 1 is the image, z = 0 the reference):
 *
 * <ul>
 *   <li>{@code rde}: RDE (seed 003 Section 4, diagonal ADF, xcert's defaults) under the obfuscation
 *       distribution V of the experiment;
 *   <li>{@code gradient}: ∇g(1) (Sensitivity / vanilla gradients);
 *   <li>{@code smoothgrad}: E∇g(1 + ξ), ξ ~ N(0, 0.25²I), in closed form (one hidden layer);
 *   <li>{@code integrated-gradients}: exact (kinks found in rationals), from z = 0 to z = 1;
 *   <li>{@code shapley}: exact Shapley values of v(S) = g(1_S) (KernelSHAP's limit; what
 *       GradientSHAP and h-Shap estimate);
 *   <li>{@code lime}: LIME's exact n → ∞ limit with lime_image's default kernel (cosine, width 0.25);
 *   <li>{@code occlusion}: g(1) − g(1 − e_i), exact.
 * </ul>
 */
public final class Attributions {

  public static final double SMOOTHGRAD_SIGMA = 0.25;

  private Attributions() {}

  /** Names of seed 004's own explainers (not off-the-shelf), see {@link #seed004Masks}. */
  public static final java.util.List<String> SEED004 = java.util.List.of("004 mask-suf (α=1)",
      "004 mask-nec (α=0)", "004 mask-uni (α=½)");

  /**
   * Seed 004's own explainers (Eq. 13, Appendix A.2, {@link RelaxedMaskExplainer}, xcert's default
   * settings, seed 0) at α = 1, 0, ½ against the point mass at the reference: the sufficiency,
   * necessity and unified explainers of 004 Figure 2a.
   */
  public static Map<String, double[]> seed004Masks(MaskedDigit img, Backend backend) {
    Map<String, double[]> m = new LinkedHashMap<>();
    double[] alphas = {1, 0, 0.5};
    for (int i = 0; i < alphas.length; i++) {
      m.put(SEED004.get(i), new RelaxedMaskExplainer(MaskSettings.defaults(alphas[i]),
          ProductDistribution.pointMass(MaskedDigit.zeros())).explain(img.g(), MaskedDigit.ones(),
          backend).values());
    }
    return m;
  }

  /** Every attribution of the list above, by name, in that order. */
  public static Map<String, double[]> all(MaskedDigit img, ReferenceDistribution rdeNoise,
      Backend backend) {
    double[] ones = MaskedDigit.ones();
    double[] zeros = MaskedDigit.zeros();
    Map<String, double[]> m = new LinkedHashMap<>();
    m.put("rde", new RdeExplainer(RdeSettings.defaults(), rdeNoise).explain(img.g(), ones, backend)
        .values());
    m.put("gradient", Methods.create("vanilla-gradients", MethodSettings.defaults(), MaskedDigit.D)
        .explain(img.g(), ones, backend).values());
    m.put("smoothgrad", ExactLimits.smoothGrad(img.g(), ones, SMOOTHGRAD_SIGMA).values());
    m.put("integrated-gradients", ExactLimits.integratedGradients(img.g(), ones, zeros).values());
    m.put("shapley", ExactLimits.kernelShap(img.g(), ones, zeros).values());
    m.put("lime", ExactLimits.lime(img.g(), ones, zeros, 0.25, Kernel.Distance.COSINE, true, 0)
        .values());
    m.put("occlusion", ExactLimits.occlusion(img.g(), ones, zeros).values());
    return m;
  }
}
