package xcert.explainers.rde;

import xcert.explainers.backend.Backend;
import xcert.explainers.relax.ReferenceSampler;
import xcert.explainers.relax.ReluScore;
import xcert.explainers.relax.SmoothModels;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;

/** The {@link Distortion} of a mode (seed 003 Eq. (3) by ADF or by samples) for a model at x. */
public final class Distortions {

  private Distortions() {}

  /**
   * @throws IllegalArgumentException for an ADF mode on a model that is not a ReLU network
   */
  public static Distortion of(RdeSettings settings, Model f, double[] x, ReferenceSampler sampler,
      Backend backend) {
    DistortionMode mode = settings.mode();
    if (mode == DistortionMode.SAMPLES) {
      return new SampledDistortion(SmoothModels.of(f, backend), x, sampler, settings.samples(),
          settings.seed());
    }
    if (!(f instanceof ReluNetwork net)) {
      throw new IllegalArgumentException("ADF needs a ReLU network; circuits need the sampled "
          + "distortion (DistortionMode.SAMPLES)");
    }
    ReluNetwork score = ReluScore.scoreOf(net);
    ReferenceMoments ref = ReferenceMoments.of(sampler);
    return switch (mode) {
      case DIAGONAL -> new DiagonalAdfDistortion(score, x, ref);
      case FULL -> new FullAdfDistortion(score, x, ref);
      case LOW_RANK -> new LowRankAdfDistortion(score, x, ref, Math.min(settings.rank(),
          x.length));
      case SAMPLES -> throw new AssertionError();
    };
  }
}
