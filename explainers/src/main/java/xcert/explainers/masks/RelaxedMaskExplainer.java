package xcert.explainers.masks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import xcert.explainers.api.Attribution;
import xcert.explainers.api.Explainer;
import xcert.explainers.backend.Backend;
import xcert.explainers.relax.ReferenceSampler;
import xcert.explainers.relax.SmoothModel;
import xcert.explainers.relax.SmoothModels;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.model.Model;
import xcert.solvers.result.Provenance;

/**
 * Relaxed sufficient (α = 1, "mask-suf"), necessary (α = 0, "mask-nec") and unified (otherwise,
 * "mask-uni") masks: a local solution of argmin_{S ∈ [0,1]^d} Δuni(S, α) + λ₁‖S‖₁ + λ_TV‖S‖_TV,
 * seed 004 Eq. 13 (Eq. 58), by the procedure of Appendix A.2 (Eq. 59–62).
 *
 * <p>Steps, all drawn from one {@link SplittableRandom} seeded with {@link MaskSettings#seed()} and
 * split in a fixed order (initial mask, baseline, optimisation, final evaluation), so the result does
 * not depend on thread scheduling:
 *
 * <ol>
 *   <li>f(x) is the smooth model's value at x ({@link SmoothModels}: a ReLU network's score, a
 *       circuit's multilinear extension, equal to the circuit at a 0/1 point);
 *   <li>f̂_∅(x) = mean f(b) over {@link MaskSettings#evaluationSamples()} rows b ~ V, once (it sets
 *       the problem-scaled λ₁, and is the baseline of every step when {@link BaselineEstimate#FIXED});
 *   <li>λ₁ given, or 0.1·|f(x) − f̂_∅(x)|/d;
 *   <li>S_i ~ N(0.5, 1/36), clipped to [ε, 1−ε], ε = {@link MaskSettings#EPSILON};
 *   <li>for each iteration, the objective's gradient from K relaxed masks ({@link RelaxedObjective})
 *       and one {@link ProjectedAdam} step;
 *   <li>the final objective estimated at the final S from evaluationSamples fresh draws.
 * </ol>
 *
 * <p>The values of the attribution are the final S ∈ [ε, 1−ε]^d (entry i for feature i+1); there is
 * no intercept. The result is a heuristic (a non-convex relaxation solved by stochastic local
 * optimisation, no error bound); its provenance records K·iterations samples and the seed, the
 * settings map the draws for f̂_∅(x) and the final objective.
 */
public final class RelaxedMaskExplainer implements Explainer {

  private final MaskSettings settings;
  private final ReferenceDistribution v;

  public RelaxedMaskExplainer(MaskSettings settings, ReferenceDistribution v) {
    this.settings = settings;
    this.v = v;
  }

  public MaskSettings settings() {
    return settings;
  }

  @Override
  public String name() {
    return settings.methodName();
  }

  /**
   * @throws IllegalArgumentException for a model without a smooth form (tabular), a conditional V,
   *     mismatched dimensions, a non-binary point for a circuit, or a grid width that does not divide d
   */
  @Override
  public Attribution explain(Model f, double[] x0, Backend backend) {
    SmoothModel g = SmoothModels.of(f, backend);
    RestrictedPredictions.checkCompatible(f, x0, v);
    int d = x0.length;
    settings.checkDimension(d);
    ReferenceSampler sampler = new ReferenceSampler(v);
    SplittableRandom root = new SplittableRandom(settings.seed());
    SplittableRandom init = root.split();
    SplittableRandom baseline = root.split();
    SplittableRandom steps = root.split();
    SplittableRandom evaluation = root.split();

    double fx = g.values(x0.clone(), 1)[0];
    double fEmpty = baselineEstimate(g, sampler, baseline, settings.evaluationSamples());
    double lambda1 = settings.lambda1For(fx, fEmpty, d);
    RelaxedObjective objective = new RelaxedObjective(g, x0, fx, fEmpty, lambda1, settings,
        sampler);

    double lo = MaskSettings.EPSILON;
    double hi = 1 - MaskSettings.EPSILON;
    double[] s = new double[d];
    for (int i = 0; i < d; i++) {
      s[i] = Math.min(hi, Math.max(lo, 0.5 + init.nextGaussian() / 6));
    }
    ProjectedAdam adam = new ProjectedAdam(d, settings.learningRate(), settings.beta1(),
        settings.beta2(), lo, hi);
    for (int it = 0; it < settings.iterations(); it++) {
      adam.step(s, objective.estimate(s, steps, settings.samplesPerStep(), true).gradient());
    }
    RelaxedObjective.Estimate last = objective.estimate(s, evaluation,
        settings.evaluationSamples(), false);

    Map<String, String> m = new LinkedHashMap<>();
    m.put("alpha", Double.toString(settings.alpha()));
    m.put("necessity term", settings.necessityTerm().describe());
    m.put("baseline estimate", settings.baselineEstimate().describe());
    m.put("lambda1", Double.toString(lambda1));
    m.put("lambda1 rule", settings.lambda1().isPresent() ? "given"
        : MaskSettings.LAMBDA1_SCALE + "·|f(x) − f̂_∅(x)|/d");
    m.put("lambda-tv", Double.toString(settings.lambdaTv()));
    m.put("grid width", Integer.toString(settings.gridWidth()));
    m.put("samples per step", Integer.toString(settings.samplesPerStep()));
    m.put("iterations", Integer.toString(settings.iterations()));
    m.put("learning rate", Double.toString(settings.learningRate()));
    m.put("beta1", Double.toString(settings.beta1()));
    m.put("beta2", Double.toString(settings.beta2()));
    m.put("temperature", Double.toString(settings.temperature()));
    m.put("mask bounds", "[" + lo + ", " + hi + "]");
    m.put("model", g.describe());
    m.put("f(x)", Double.toString(fx));
    m.put("f_empty estimate", Double.toString(fEmpty));
    m.put("evaluation samples", Integer.toString(settings.evaluationSamples()));
    m.put("objective estimate", Double.toString(last.value()));
    m.put("distribution", v.describe());
    Provenance p = Provenance.heuristic("relaxed masks, seed 004 Eq. 13 by Adam over binary "
        + "Concrete samples (Appendix A.2)",
        (long) settings.samplesPerStep() * settings.iterations(), settings.seed());
    return new Attribution(s, OptionalDouble.empty(), name(), m, p);
  }

  private static double baselineEstimate(SmoothModel g, ReferenceSampler sampler,
      SplittableRandom rnd, int n) {
    int d = sampler.dimension();
    double[] rows = new double[n * d];
    for (int r = 0; r < n; r++) {
      sampler.sample(rnd, rows, r * d);
    }
    return Arrays.stream(g.values(rows, n)).sum() / n;
  }
}
