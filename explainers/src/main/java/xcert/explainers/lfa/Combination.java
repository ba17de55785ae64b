package xcert.explainers.lfa;

import java.util.Optional;
import xcert.explainers.backend.LfaPlan;

/**
 * The binary operator ⊕ of seed 000 Definition 1 that turns a point x0 and a perturbation ξ into the
 * perturbed input x_ξ = x0 ⊕ ξ, with its Jacobian in ξ (a diagonal, for the chain rule of the
 * gradient-matching loss).
 */
public abstract class Combination {

  private Combination() {}

  /** x_ξ = x0 ⊕ ξ into out. */
  public abstract void apply(double[] x0, double[] xi, double[] out);

  /** The diagonal of ∂x_ξ/∂ξ into out. */
  public abstract void jacobianDiagonal(double[] x0, double[] out);

  /** x0 ⊕ ξ in words. */
  public abstract String describe();

  /** The combination as a device code ({@link LfaPlan.Combine}) and reference. */
  public Optional<CombineForm> deviceForm() {
    return Optional.empty();
  }

  /** x0 + ξ (C-LIME, SmoothGrad, GLIME-Gauss/-Laplace/-Uniform). */
  public static Combination additive() {
    return new Combination() {
      @Override
      public void apply(double[] x0, double[] xi, double[] out) {
        for (int i = 0; i < out.length; i++) {
          out[i] = x0[i] + xi[i];
        }
      }

      @Override
      public void jacobianDiagonal(double[] x0, double[] out) {
        java.util.Arrays.fill(out, 1);
      }

      @Override
      public String describe() {
        return "x0 + ξ";
      }

      @Override
      public Optional<CombineForm> deviceForm() {
        return Optional.of(new CombineForm(LfaPlan.Combine.ADDITIVE, new double[0]));
      }
    };
  }

  /** x0 ⊙ ξ (Integrated Gradients, Gradient × Input; the masks of seed 000 with reference 0). */
  public static Combination multiplicative() {
    return new Combination() {
      @Override
      public void apply(double[] x0, double[] xi, double[] out) {
        for (int i = 0; i < out.length; i++) {
          out[i] = x0[i] * xi[i];
        }
      }

      @Override
      public void jacobianDiagonal(double[] x0, double[] out) {
        System.arraycopy(x0, 0, out, 0, out.length);
      }

      @Override
      public String describe() {
        return "x0 ⊙ ξ";
      }

      @Override
      public Optional<CombineForm> deviceForm() {
        return Optional.of(new CombineForm(LfaPlan.Combine.MULTIPLICATIVE, new double[0]));
      }
    };
  }

  /**
   * x0 ⊙ ξ + r ⊙ (1 − ξ): a binary mask that keeps feature i where ξ_i = 1 and puts the reference
   * value r_i elsewhere (LIME's z = x ⊙ z' + r ⊙ (1 − z'), seed 001 Section 2.2; KernelSHAP;
   * Occlusion).
   */
  public static Combination mask(double[] reference) {
    double[] r = reference.clone();
    return new Combination() {
      @Override
      public void apply(double[] x0, double[] xi, double[] out) {
        if (x0.length != r.length) {
          throw new IllegalArgumentException("reference has length " + r.length + ", x0 has "
              + x0.length);
        }
        for (int i = 0; i < out.length; i++) {
          out[i] = x0[i] * xi[i] + r[i] * (1 - xi[i]);
        }
      }

      @Override
      public void jacobianDiagonal(double[] x0, double[] out) {
        for (int i = 0; i < out.length; i++) {
          out[i] = x0[i] - r[i];
        }
      }

      @Override
      public String describe() {
        return "x0 ⊙ ξ + r ⊙ (1 − ξ), r = " + java.util.Arrays.toString(r);
      }

      @Override
      public Optional<CombineForm> deviceForm() {
        return Optional.of(new CombineForm(LfaPlan.Combine.MASK, r));
      }
    };
  }
}
