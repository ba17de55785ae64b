package xcert.cli;

import java.util.List;
import xcert.explainers.api.Explainer;
import xcert.explainers.masks.BaselineEstimate;
import xcert.explainers.masks.MaskSettings;
import xcert.explainers.masks.NecessityTerm;
import xcert.explainers.masks.RelaxedMaskExplainer;
import xcert.explainers.rde.DistortionMode;
import xcert.explainers.rde.RdeExplainer;
import xcert.explainers.rde.RdeSettings;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;

/**
 * The continuous relaxations as {@code xcert explain} names them: {@code rde} (seed 003 Section 4,
 * {@link RdeExplainer}) and the relaxed masks {@code mask-suf}, {@code mask-nec}, {@code mask-uni}
 * (seed 004 Eq. 13, {@link RelaxedMaskExplainer}, α = 1, 0 and 1/2 unless {@code --alpha} says
 * otherwise), built from the command's options.
 */
final class RelaxationMethods {

  static final List<String> NAMES = List.of("rde", "mask-suf", "mask-nec", "mask-uni");

  private RelaxationMethods() {}

  /**
   * The explainer with every option the user gave.
   *
   * @param lambda --lambda (null: the method's problem-scaled default)
   * @param samples --samples (rde's rows of V with --distortion samples; null: default)
   * @throws InputException for an option that does not apply or is out of range
   * @throws IllegalArgumentException for settings the method's own checks refuse
   */
  static Explainer create(String name, RelaxationOptions o, Double lambda, Long samples, long seed,
      ReferenceDistribution v) {
    return name.equals("rde") ? rde(o, lambda, samples, seed, v)
        : mask(name, o, lambda, samples, seed, v);
  }

  private static Explainer rde(RelaxationOptions o, Double lambda, Long samples, long seed,
      ReferenceDistribution v) {
    notFor("rde", "--alpha", o.alpha);
    notFor("rde", "--mask-samples", o.maskSamples);
    notFor("rde", "--lambda-tv", o.lambdaTv);
    notFor("rde", "--grid-width", o.gridWidth);
    notFor("rde", "--learning-rate", o.learningRate);
    notFor("rde", "--temperature", o.temperature);
    notFor("rde", "--necessity", o.necessity);
    notFor("rde", "--baseline", o.baseline);
    RdeSettings s = RdeSettings.defaults().withSeed(seed);
    if (o.distortion != null) {
      try {
        s = s.withMode(DistortionMode.fromCli(o.distortion));
      } catch (IllegalArgumentException e) {
        throw InputException.of("--distortion", e.getMessage());
      }
    }
    if (lambda != null) {
      s = s.withLambda(lambda);
    }
    if (o.rank != null) {
      s = s.withRank(o.rank);
    }
    if (samples != null) {
      if (samples > Integer.MAX_VALUE / 64) {
        throw InputException.of("--samples", samples + " is out of range; expected at most "
            + Integer.MAX_VALUE / 64 + " rows of V");
      }
      s = s.withSamples(samples.intValue());
    }
    if (o.iterations != null) {
      s = s.withIterations(o.iterations);
    }
    return new RdeExplainer(s, v);
  }

  private static Explainer mask(String name, RelaxationOptions o, Double lambda, Long samples,
      long seed, ReferenceDistribution v) {
    notFor(name, "--distortion", o.distortion);
    notFor(name, "--rank", o.rank);
    if (samples != null) {
      throw InputException.of("--samples", "the masks draw K samples per step; use "
          + "--mask-samples K and --iterations T");
    }
    double alpha = o.alpha != null ? o.alpha : switch (name) {
      case "mask-suf" -> 1.0;
      case "mask-nec" -> 0.0;
      default -> 0.5;
    };
    MaskSettings s = MaskSettings.defaults(alpha).withSeed(seed);
    if (!s.methodName().equals(name)) {
      throw InputException.of("--alpha", "α = " + alpha + " makes this " + s.methodName()
          + ", not " + name + " (mask-suf is α = 1, mask-nec α = 0, mask-uni 0 < α < 1)");
    }
    if (lambda != null) {
      s = s.withLambda1(lambda);
    }
    if (o.lambdaTv != null) {
      s = s.withTotalVariation(o.lambdaTv, o.gridWidth == null ? 0 : o.gridWidth);
    } else if (o.gridWidth != null) {
      s = s.withTotalVariation(0, o.gridWidth);
    }
    if (o.maskSamples != null) {
      s = s.withSamplesPerStep(o.maskSamples);
    }
    if (o.iterations != null) {
      s = s.withIterations(o.iterations);
    }
    if (o.learningRate != null) {
      s = s.withLearningRate(o.learningRate);
    }
    if (o.temperature != null) {
      s = s.withTemperature(o.temperature);
    }
    if (o.necessity != null) {
      s = s.withNecessityTerm(o.necessity.equals("printed") ? NecessityTerm.PRINTED
          : NecessityTerm.DEFINITION);
    }
    if (o.baseline != null) {
      s = s.withBaselineEstimate(o.baseline.equals("fixed") ? BaselineEstimate.FIXED
          : BaselineEstimate.PAIRED);
    }
    return new RelaxedMaskExplainer(s, v);
  }

  private static void notFor(String method, String option, Object value) {
    if (value != null) {
      throw InputException.of(option, "does not apply to " + method);
    }
  }
}
