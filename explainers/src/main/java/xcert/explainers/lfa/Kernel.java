package xcert.explainers.lfa;

import java.util.Optional;
import xcert.explainers.backend.LfaPlan;

/**
 * A sample weight π(ξ) in the loss E[π(ξ) ℓ] (seed 001 Eq. 2). Most neighbourhoods carry their
 * locality in the sampling distribution and use {@link #NONE}; LIME weights uniform binary samples
 * with its exponential kernel.
 */
public interface Kernel {

  /** The weight of one perturbation. */
  double weight(double[] xi);

  /** The kernel in words. */
  String describe();

  /**
   * The kernel as a device code ({@link LfaPlan.Weight}) and width; empty for a kernel without one,
   * which only the host can weigh.
   */
  default Optional<WeightForm> deviceForm() {
    return Optional.empty();
  }

  /** π ≡ 1. */
  Kernel NONE = new Kernel() {
    @Override
    public double weight(double[] xi) {
      return 1;
    }

    @Override
    public String describe() {
      return "none (π = 1)";
    }

    @Override
    public Optional<WeightForm> deviceForm() {
      return Optional.of(new WeightForm(LfaPlan.Weight.NONE, 0));
    }
  };

  /** The distance between a binary sample z' and the instance 1 that LIME's kernel uses. */
  enum Distance {
    /** ‖1 − z'‖₂ = √(number of zeros). */
    L2,
    /** 1 − cos(z', 1) = 1 − √(|z'|/d), and 1 for z' = 0 (sklearn's cosine distance). */
    COSINE;

    /** The distance for a sample with k ones out of d. */
    public double of(int k, int d) {
      return switch (this) {
        case L2 -> Math.sqrt(d - k);
        case COSINE -> k == 0 ? 1.0 : 1.0 - Math.sqrt((double) k / d);
      };
    }
  }

  /**
   * LIME's kernel as lime_image computes it: π = √(exp(−D²/w²)) = exp(−D²/(2w²)) with D the distance
   * from z' to the all-ones instance and w the kernel width (0.25 by default). With the L2 distance
   * this is seed 001's π(z') = exp(−‖1 − z'‖²/σ²) for σ² = 2w².
   */
  static Kernel lime(double width, Distance distance) {
    Noises.positive("kernel width", width);
    return new Kernel() {
      @Override
      public double weight(double[] xi) {
        int k = 0;
        for (double v : xi) {
          if (v != 0) {
            k++;
          }
        }
        double dist = distance.of(k, xi.length);
        return Math.sqrt(Math.exp(-dist * dist / (width * width)));
      }

      @Override
      public String describe() {
        return "LIME exponential kernel, width " + width + ", " + distance.name().toLowerCase()
            + " distance";
      }

      @Override
      public Optional<WeightForm> deviceForm() {
        return Optional.of(new WeightForm(distance == Distance.COSINE ? LfaPlan.Weight.LIME_COSINE
            : LfaPlan.Weight.LIME_L2, width));
      }
    };
  }
}
