package xcert.explainers.explain;

import java.util.ArrayList;
import java.util.List;
import xcert.explainers.methods.Methods;
import xcert.solvers.errors.InputException;

/**
 * Every attribution method {@link Explanations#explain} runs: the sampled LFA instances of seed 000
 * Table 1 and seed 001 Sections 3–4 ({@link Methods}), permutation sampling of Shapley values
 * ({@link xcert.explainers.permutation.PermutationSampling}), their exact limits (seed 000 Theorems 1–3,
 * seed 001 Appendix B) and the continuous relaxations RDE (seed 003 Section 4) and the relaxed masks
 * (seed 004 Eq. 13).
 */
public enum ExplainMethod {
  C_LIME("c-lime", Kind.SAMPLED),
  SMOOTHGRAD("smoothgrad", Kind.SAMPLED),
  VANILLA_GRADIENTS("vanilla-gradients", Kind.SAMPLED),
  INTEGRATED_GRADIENTS("integrated-gradients", Kind.SAMPLED),
  GRADIENT_X_INPUT("gradient-x-input", Kind.SAMPLED),
  LIME("lime", Kind.SAMPLED),
  KERNELSHAP("kernelshap", Kind.SAMPLED),
  OCCLUSION("occlusion", Kind.SAMPLED),
  GLIME_BINOMIAL("glime-binomial", Kind.SAMPLED),
  GLIME_GAUSS("glime-gauss", Kind.SAMPLED),
  GLIME_LAPLACE("glime-laplace", Kind.SAMPLED),
  GLIME_UNIFORM("glime-uniform", Kind.SAMPLED),
  PERMUTATION("permutation", Kind.SAMPLED),
  LIME_LIMIT("lime-limit", Kind.LIMIT),
  GLIME_LIMIT("glime-limit", Kind.LIMIT),
  KERNELSHAP_LIMIT("kernelshap-limit", Kind.LIMIT),
  OCCLUSION_LIMIT("occlusion-limit", Kind.LIMIT),
  IG_EXACT("ig-exact", Kind.LIMIT),
  SMOOTHGRAD_LIMIT("smoothgrad-limit", Kind.LIMIT),
  RDE("rde", Kind.RELAXATION),
  MASK_SUF("mask-suf", Kind.RELAXATION),
  MASK_NEC("mask-nec", Kind.RELAXATION),
  MASK_UNI("mask-uni", Kind.RELAXATION);

  /** How a method obtains its numbers. */
  public enum Kind {
    /** An LFA instance fitted on n sampled perturbations (seed 000 Eq. 1). */
    SAMPLED,
    /** The exact n → ∞ limit of a sampled method, in closed form or by enumeration. */
    LIMIT,
    /** A continuous relaxation optimised against a reference distribution (seeds 003, 004). */
    RELAXATION
  }

  private final String id;
  private final Kind kind;

  ExplainMethod(String id, Kind kind) {
    this.id = id;
    this.kind = kind;
  }

  /** The method's name, e.g. {@code kernelshap-limit}. */
  public String id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  /** True for the limits that sum over all 2^d binary masks (d ≤ 20). */
  public boolean enumeratesMasks() {
    return this == LIME_LIMIT || this == GLIME_LIMIT || this == KERNELSHAP_LIMIT
        || this == OCCLUSION_LIMIT;
  }

  /** True for the sampled methods that perturb with a binary mask and a reference r. */
  public boolean usesReference() {
    return Methods.BINARY.contains(id) || this == PERMUTATION || this == INTEGRATED_GRADIENTS
        || this == GRADIENT_X_INPUT;
  }

  /**
   * True for the methods whose value of a mask z may be the interventional game value
   * v(z) = E_{r~V} f(x ⊙ z + r ⊙ (1 − z)) over a background V ({@code --dist}): the sampled mask
   * methods, permutation sampling and the mask limits.
   */
  public boolean takesBackground() {
    return Methods.BINARY.contains(id) || this == PERMUTATION || enumeratesMasks();
  }

  /** The methods that take a background, in order. */
  public static List<String> backgroundIds() {
    List<String> ids = new ArrayList<>();
    for (ExplainMethod m : values()) {
      if (m.takesBackground()) {
        ids.add(m.id);
      }
    }
    return List.copyOf(ids);
  }

  /**
   * The method named {@code id}.
   *
   * @throws InputException (setting {@code method}) for an unknown name, listing every method
   */
  public static ExplainMethod fromId(String id) {
    for (ExplainMethod m : values()) {
      if (m.id.equals(id)) {
        return m;
      }
    }
    throw InputException.setting("method", "unknown method '" + id + "'; expected one of "
        + String.join(", ", ids(Kind.SAMPLED)) + ", an exact limit: "
        + String.join(", ", ids(Kind.LIMIT)) + ", or a relaxation: "
        + String.join(", ", ids(Kind.RELAXATION)));
  }

  /** Every method's name, sampled methods first, then the limits, then the relaxations. */
  public static List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (ExplainMethod m : values()) {
      ids.add(m.id);
    }
    return List.copyOf(ids);
  }

  /** The names of the methods of one kind, in order. */
  public static List<String> ids(Kind kind) {
    List<String> ids = new ArrayList<>();
    for (ExplainMethod m : values()) {
      if (m.kind == kind) {
        ids.add(m.id);
      }
    }
    return List.copyOf(ids);
  }
}
