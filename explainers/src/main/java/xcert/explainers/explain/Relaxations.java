package xcert.explainers.explain;

import xcert.explainers.api.Explainer;
import xcert.explainers.masks.MaskSettings;
import xcert.explainers.masks.RelaxedMaskExplainer;
import xcert.explainers.rde.RdeExplainer;
import xcert.explainers.rde.RdeSettings;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;

/**
 * The continuous relaxations built from {@link ExplainSettings}: {@code rde} (seed 003 Section 4,
 * {@link RdeExplainer}) and the relaxed masks {@code mask-suf}, {@code mask-nec}, {@code mask-uni}
 * (seed 004 Eq. 13, {@link RelaxedMaskExplainer}, α = 1, 0 and 1/2 unless {@code alpha} is stated).
 */
final class Relaxations {

  private Relaxations() {}

  /** The explainer with every stated setting; refuses settings of the other relaxation. */
  static Explainer create(ExplainMethod m, ExplainSettings s, ReferenceDistribution v) {
    return m == ExplainMethod.RDE ? rde(s, v) : mask(m, s, v);
  }

  private static Explainer rde(ExplainSettings o, ReferenceDistribution v) {
    notFor("rde", "alpha", o.alpha());
    notFor("rde", "maskSamples", o.maskSamples());
    notFor("rde", "lambdaTv", o.lambdaTv());
    notFor("rde", "gridWidth", o.gridWidth());
    notFor("rde", "learningRate", o.learningRate());
    notFor("rde", "temperature", o.temperature());
    notFor("rde", "necessity", o.necessity());
    notFor("rde", "baseline", o.baseline());
    RdeSettings s = RdeSettings.defaults().withSeed(o.seed());
    if (o.distortion() != null) {
      s = s.withMode(o.distortion());
    }
    if (o.lambda() != null) {
      s = s.withLambda(o.lambda());
    }
    if (o.rank() != null) {
      s = s.withRank(o.rank());
    }
    if (o.samples() != null) {
      // bounded by SizePolicy.MAX_EVALUATIONS in Explanations.check; n×d by the cost estimate
      s = s.withSamples(o.samples().intValue());
    }
    if (o.iterations() != null) {
      s = s.withIterations(o.iterations());
    }
    return new RdeExplainer(s, v);
  }

  private static Explainer mask(ExplainMethod m, ExplainSettings o, ReferenceDistribution v) {
    String name = m.id();
    notFor(name, "distortion", o.distortion());
    notFor(name, "rank", o.rank());
    if (o.samples() != null) {
      throw InputException.setting("samples", "the masks draw K samples per step; state "
          + "maskSamples K and iterations T instead");
    }
    double alpha = o.alpha() != null ? o.alpha() : switch (m) {
      case MASK_SUF -> 1.0;
      case MASK_NEC -> 0.0;
      default -> 0.5;
    };
    MaskSettings s = MaskSettings.defaults(alpha).withSeed(o.seed());
    if (!s.methodName().equals(name)) {
      throw InputException.setting("alpha", "α = " + alpha + " makes this " + s.methodName()
          + ", not " + name + " (mask-suf is α = 1, mask-nec α = 0, mask-uni 0 < α < 1)");
    }
    if (o.lambda() != null) {
      s = s.withLambda1(o.lambda());
    }
    if (o.lambdaTv() != null) {
      s = s.withTotalVariation(o.lambdaTv(), o.gridWidth() == null ? 0 : o.gridWidth());
    } else if (o.gridWidth() != null) {
      s = s.withTotalVariation(0, o.gridWidth());
    }
    if (o.maskSamples() != null) {
      s = s.withSamplesPerStep(o.maskSamples());
    }
    if (o.iterations() != null) {
      s = s.withIterations(o.iterations());
    }
    if (o.learningRate() != null) {
      s = s.withLearningRate(o.learningRate());
    }
    if (o.temperature() != null) {
      s = s.withTemperature(o.temperature());
    }
    if (o.necessity() != null) {
      s = s.withNecessityTerm(o.necessity());
    }
    if (o.baseline() != null) {
      s = s.withBaselineEstimate(o.baseline());
    }
    return new RelaxedMaskExplainer(s, v);
  }

  private static void notFor(String method, String setting, Object value) {
    if (value != null) {
      throw InputException.setting(setting, "does not apply to " + method);
    }
  }
}
