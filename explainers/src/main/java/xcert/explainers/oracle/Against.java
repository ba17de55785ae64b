package xcert.explainers.oracle;

import java.util.ArrayList;
import java.util.List;
import xcert.explainers.explain.ExplainMethod;
import xcert.solvers.errors.InputException;

/**
 * The exact counterpart an attribution is graded against: the Shapley or Banzhaf value of the game
 * v(S) = f_S(x) under a reference distribution (f_S of seed 004), or an exact limit of a sampled
 * method at a reference point (seed 000 Theorems 1–3, seed 001 Appendix B).
 */
public enum Against {
  SHAPLEY("shapley", null),
  BANZHAF("banzhaf", null),
  LIME_LIMIT("lime-limit", ExplainMethod.LIME_LIMIT),
  GLIME_LIMIT("glime-limit", ExplainMethod.GLIME_LIMIT),
  KERNELSHAP_LIMIT("kernelshap-limit", ExplainMethod.KERNELSHAP_LIMIT),
  OCCLUSION_LIMIT("occlusion-limit", ExplainMethod.OCCLUSION_LIMIT),
  IG("ig", ExplainMethod.IG_EXACT),
  SMOOTHGRAD_LIMIT("smoothgrad-limit", ExplainMethod.SMOOTHGRAD_LIMIT);

  private final String id;
  private final ExplainMethod limit;

  Against(String id, ExplainMethod limit) {
    this.id = id;
    this.limit = limit;
  }

  public String id() {
    return id;
  }

  /** True for the game values (they take a distribution, not a reference point). */
  public boolean isGame() {
    return limit == null;
  }

  /** The exact limit computed for this counterpart; null for the game values. */
  public ExplainMethod limit() {
    return limit;
  }

  /**
   * The counterpart named {@code id}.
   *
   * @throws InputException (setting {@code against}) for an unknown name, listing {@link #ids()}
   */
  public static Against fromId(String id) {
    for (Against a : values()) {
      if (a.id.equals(id)) {
        return a;
      }
    }
    throw InputException.setting("against", "'" + id + "' has no exact counterpart here; "
        + "expected one of " + String.join(", ", ids()));
  }

  public static List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (Against a : values()) {
      ids.add(a.id);
    }
    return List.copyOf(ids);
  }
}
