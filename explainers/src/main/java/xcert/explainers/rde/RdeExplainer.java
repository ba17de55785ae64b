package xcert.explainers.rde;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import xcert.explainers.api.Attribution;
import xcert.explainers.api.Explainer;
import xcert.explainers.backend.Backend;
import xcert.explainers.relax.ReferenceSampler;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.model.Model;
import xcert.solvers.result.Provenance;

/**
 * RDE, the Rate–Distortion Explanation of seed 003 Section 4: the relevance map s ∈ [0,1]^d that
 * minimises D(s) + λ‖s‖₁ (Eq. (4)), D the expected distortion of Eq. (3) under the obfuscation
 * y = x ⊙ s + n ⊙ (1 − s), n ~ V (Eq. (2)), evaluated by assumed density filtering (Section 4.3,
 * ReLU networks) or by samples, minimised by {@link ProjectedGradient} from s = 0.2·1 (Section 5).
 * The values are the final s; no intercept. A heuristic: a stationary point of a relaxation of an
 * approximation, with no error bound (seed 003 shows the underlying problem NP^PP-hard).
 */
public final class RdeExplainer implements Explainer {

  private final RdeSettings settings;
  private final ReferenceSampler sampler;

  /**
   * @throws IllegalArgumentException for a reference distribution that depends on the kept set
   */
  public RdeExplainer(RdeSettings settings, ReferenceDistribution v) {
    this.settings = settings;
    this.sampler = new ReferenceSampler(v);
  }

  public RdeSettings settings() {
    return settings;
  }

  @Override
  public String name() {
    return "rde";
  }

  @Override
  public Attribution explain(Model f, double[] x0, Backend backend) {
    int d = f.dimension();
    if (x0.length != d || sampler.dimension() != d) {
      throw new IllegalArgumentException("the model has " + d + " inputs, x0 " + x0.length
          + " and V " + sampler.dimension());
    }
    Distortion dist = Distortions.of(settings, f, x0, sampler, backend);
    double lambda = settings.lambda();
    if (settings.defaultLambda()) {
      double d0 = dist.evaluate(new double[d], null);
      lambda = d0 > 0 ? 0.5 * d0 / d : 1;
    }
    ProjectedGradient.Result r = ProjectedGradient.minimise(dist, lambda, settings.initial(),
        settings.momentum(), settings.iterations());
    Map<String, String> m = new LinkedHashMap<>();
    m.put("lambda", Double.toString(lambda)
        + (settings.defaultLambda() ? " (default 0.5·D(0)/d)" : ""));
    m.put("distortion", settings.mode().cliName());
    if (settings.mode() == DistortionMode.LOW_RANK) {
      m.put("rank", Integer.toString(Math.min(settings.rank(), d)));
    }
    if (settings.mode() == DistortionMode.SAMPLES) {
      m.put("samples", Integer.toString(settings.samples()));
      m.put("seed", Long.toString(settings.seed()));
    }
    m.put("momentum", Double.toString(settings.momentum()));
    m.put("initial", Double.toString(settings.initial()));
    m.put("iterations", r.iterations() + " of at most " + settings.iterations() + " (stopped: "
        + r.stopped() + ")");
    m.put("final objective", Double.toString(r.objective()));
    m.put("final D(s)", Double.toString(r.distortion()));
    boolean sampled = settings.mode() == DistortionMode.SAMPLES;
    Provenance p = Provenance.heuristic("RDE, projected gradient with momentum "
        + settings.momentum() + " and Armijo line search, distortion by " + dist.describe(),
        sampled ? settings.samples() : 0, sampled ? settings.seed() : 0);
    return new Attribution(r.s(), OptionalDouble.empty(), name(), m, p);
  }
}
