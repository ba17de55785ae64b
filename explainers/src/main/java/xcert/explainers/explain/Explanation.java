package xcert.explainers.explain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import xcert.explainers.api.Attribution;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;

/**
 * The result of {@link Explanations#explain}: the attribution (a weight per feature, the intercept,
 * exact rationals where the method has them) with its provenance, every setting that shaped it in
 * print order, and where it was computed.
 *
 * @param method the method that produced it
 * @param attribution the weights, intercept and provenance
 * @param settings every parameter that shaped the result, in order (reference, kernel, class, ...)
 * @param backend the backend's name, or the note that an exact limit is computed on the CPU
 */
public record Explanation(ExplainMethod method, Attribution attribution,
    Map<String, String> settings, String backend) {

  public Explanation {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** How the numbers were obtained: exact, enumerated, sampled (n, seed, tolerance) or heuristic. */
  public Provenance provenance() {
    return attribution.provenance();
  }

  /** True when the weights are exact rationals. */
  public boolean isExact() {
    return attribution.isExact();
  }

  /** The weights as scalars: exact rationals where the attribution has them. */
  public Scalar[] values() {
    return scalars(attribution);
  }

  /** The weights of an attribution as scalars, exact rationals where it has them. */
  public static Scalar[] scalars(Attribution a) {
    double[] v = a.values();
    Scalar[] s = new Scalar[v.length];
    for (int i = 0; i < v.length; i++) {
      s[i] = a.isExact() ? Scalar.exact(a.exactValues().get(i)) : Scalar.approximate(v[i]);
    }
    return s;
  }
}
