package xcert.explainers.methods;

import java.util.List;
import xcert.explainers.lfa.Combination;
import xcert.explainers.lfa.Kernel;
import xcert.explainers.lfa.LfaExplainer;
import xcert.explainers.lfa.LfaInstance;
import xcert.explainers.lfa.Loss;
import xcert.explainers.lfa.ModelClass;
import xcert.explainers.lfa.Neighbourhood;
import xcert.explainers.lfa.Noises;
import xcert.explainers.lfa.Target;

/**
 * The sampled explainers of seed 000 Table 1 and seed 001 Sections 3–4, each an {@link LfaInstance}
 * (no method has its own code path). Defaults, where the user sets nothing:
 *
 * <table>
 *   <caption>methods and their LFA instances</caption>
 *   <tr><th>name</th><th>Z</th><th>⊕</th><th>ℓ, G</th><th>defaults</th></tr>
 *   <tr><td>c-lime</td><td>Normal(0, σ²I)</td><td>x0 + ξ</td><td>squared, linear + b</td>
 *       <td>σ = 0.5, n = 1000</td></tr>
 *   <tr><td>smoothgrad</td><td>Normal(0, σ²I)</td><td>x0 + ξ</td><td>gradient matching</td>
 *       <td>σ = 0.5, n = 1000</td></tr>
 *   <tr><td>vanilla-gradients</td><td>point mass 0 (σ → 0)</td><td>x0 + ξ</td>
 *       <td>gradient matching</td><td>n = 1</td></tr>
 *   <tr><td>integrated-gradients</td><td>ξ = t·1, t at m midpoints of [0,1]</td>
 *       <td>r + ξ ⊙ (x0 − r)</td><td>gradient matching</td><td>m = n = 64, r = 0</td></tr>
 *   <tr><td>gradient-x-input</td><td>ξ = 1 (Uniform(a,1), a → 1)</td><td>r + ξ ⊙ (x0 − r)</td>
 *       <td>gradient matching</td><td>n = 1, r = 0</td></tr>
 *   <tr><td>lime</td><td>Uni({0,1}^d), first sample 1</td><td>mask, reference r</td>
 *       <td>squared, weights √exp(−D²/w²), Ridge(α = 1) + b</td>
 *       <td>w = 0.25, cosine D, n = 1000</td></tr>
 *   <tr><td>kernelshap</td><td>Shapley-kernel coalitions, paired</td><td>mask</td>
 *       <td>squared, efficiency</td><td>n = 2048</td></tr>
 *   <tr><td>occlusion</td><td>one-hot e_1..e_d in turn</td><td>mask</td>
 *       <td>squared on the drop, linear</td><td>n = d</td></tr>
 *   <tr><td>glime-binomial</td><td>Bernoulli(1/(1+e^{−1/σ²}))</td><td>mask</td>
 *       <td>squared, Ridge(α = 1) + b</td><td>σ = 1, n = 1000</td></tr>
 *   <tr><td>glime-gauss, -laplace, -uniform</td><td>Normal(0,σ²I), Laplace(0,σ), U([−σ,σ]^d)</td>
 *       <td>x0 + ξ</td><td>squared, Ridge(α = 1) + b</td><td>σ = 0.5, n = 1000</td></tr>
 * </table>
 *
 * <p>"Ridge(α)" is sklearn's scale, Σ π_i r_i² + α‖w‖², as LIME and GLIME's code use it; a
 * {@code lambda} set by the user replaces α on that scale, and {@code lasso} switches the penalty to
 * α‖w‖₁ on sklearn's Lasso scale. Integrated Gradients and Gradient × Input are written with the
 * mask combination so that a reference r ≠ 0 is the usual IG baseline; with r = 0 it is seed 000's
 * x0 ⊙ ξ.
 */
public final class Methods {

  /** Every sampled method, in the order of seed 000 Table 1, then seed 001. */
  public static final List<String> NAMES = List.of("c-lime", "smoothgrad", "vanilla-gradients",
      "integrated-gradients", "gradient-x-input", "lime", "kernelshap", "occlusion",
      "glime-binomial", "glime-gauss", "glime-laplace", "glime-uniform");

  /** The methods that perturb with a binary mask (they apply to Boolean circuits). */
  public static final List<String> BINARY = List.of("lime", "kernelshap", "occlusion",
      "glime-binomial");

  /** The methods that match gradients (ReLU networks only). */
  public static final List<String> GRADIENT = List.of("smoothgrad", "vanilla-gradients",
      "integrated-gradients", "gradient-x-input");

  private Methods() {}

  /**
   * The LFA instance of a method for d inputs.
   *
   * @throws IllegalArgumentException for an unknown name or a setting out of range
   */
  public static LfaInstance instance(String name, MethodSettings s, int d) {
    double[] ref = s.reference().orElse(new double[d]);
    if (ref.length != d) {
      throw new IllegalArgumentException("the reference has " + ref.length + " values, the model "
          + "has " + d + " inputs");
    }
    Combination mask = Combination.mask(ref);
    return switch (name) {
      case "c-lime" -> new LfaInstance(name, Noises.gaussian(positiveSigma(s, 0.5)),
          Combination.additive(), Kernel.NONE, Loss.SQUARED_ERROR, Target.VALUE,
          regularised(s, 0), false);
      case "smoothgrad" -> gradient(name, Noises.gaussian(positiveSigma(s, 0.5)),
          Combination.additive());
      case "vanilla-gradients" -> gradient(name, Noises.gaussian(0), Combination.additive());
      case "integrated-gradients" -> gradient(name,
          Noises.riemannMidpoints(s.steps().orElse(64)), mask);
      case "gradient-x-input" -> gradient(name, Noises.uniformScale(1, 1), mask);
      case "lime" -> new LfaInstance(name, Noises.limeMask(),
          mask, Kernel.lime(s.kernelWidth().orElse(0.25), distance(s)), Loss.SQUARED_ERROR,
          Target.VALUE, regularised(s, 1), false);
      case "kernelshap" -> {
        if (d < 2) {
          throw new IllegalArgumentException("kernelshap needs at least 2 features, the model has "
              + d);
        }
        yield new LfaInstance(name, Noises.shapleyCoalitions(), mask, Kernel.NONE,
            Loss.SQUARED_ERROR, Target.VALUE, ModelClass.efficient(), true);
      }
      case "occlusion" -> new LfaInstance(name, Noises.oneHot(), mask, Kernel.NONE,
          Loss.SQUARED_ERROR, Target.DROP, ModelClass.linear(), false);
      case "glime-binomial" -> new LfaInstance(name,
          Noises.bernoulli(Noises.binomialProbability(positiveSigma(s, 1))), mask, Kernel.NONE,
          Loss.SQUARED_ERROR, Target.VALUE, regularised(s, 1), false);
      case "glime-gauss" -> continuousGlime(name, Noises.gaussian(positiveSigma(s, 0.5)), s);
      case "glime-laplace" -> continuousGlime(name, Noises.laplace(positiveSigma(s, 0.5)), s);
      case "glime-uniform" -> continuousGlime(name, Noises.uniformBox(positiveSigma(s, 0.5)), s);
      default -> throw new IllegalArgumentException("'" + name + "' is not a method; expected one "
          + "of " + String.join(", ", NAMES));
    };
  }

  /** The default number of samples of a method for d inputs. */
  public static long defaultSamples(String name, MethodSettings s, int d) {
    return switch (name) {
      case "vanilla-gradients", "gradient-x-input" -> 1;
      case "integrated-gradients" -> s.steps().orElse(64);
      case "kernelshap" -> 2048;
      case "occlusion" -> d;
      default -> 1000;
    };
  }

  /** The explainer: the method's instance run on n samples (default {@link #defaultSamples}). */
  public static LfaExplainer create(String name, MethodSettings s, int d) {
    LfaInstance inst = instance(name, s, d);
    long n = s.samples().orElse(defaultSamples(name, s, d));
    return new LfaExplainer(inst, n, s.seed());
  }

  private static LfaInstance gradient(String name, Neighbourhood z, Combination c) {
    return new LfaInstance(name, z, c, Kernel.NONE, Loss.GRADIENT_MATCHING, Target.VALUE,
        ModelClass.linear(), false);
  }

  private static LfaInstance continuousGlime(String name, Neighbourhood z, MethodSettings s) {
    return new LfaInstance(name, z, Combination.additive(), Kernel.NONE, Loss.SQUARED_ERROR,
        Target.VALUE, regularised(s, 1), false);
  }

  private static ModelClass regularised(MethodSettings s, double defaultAlpha) {
    double lambda = s.lambda().orElse(defaultAlpha);
    boolean intercept = s.intercept().orElse(true);
    return s.lasso() ? ModelClass.lasso(intercept, lambda, ModelClass.Scale.SUM)
        : ModelClass.ridge(intercept, lambda, ModelClass.Scale.SUM);
  }

  private static double positiveSigma(MethodSettings s, double dflt) {
    double sigma = s.sigma().orElse(dflt);
    if (!(sigma > 0) || !Double.isFinite(sigma)) {
      throw new IllegalArgumentException("σ must be positive and finite, got " + sigma);
    }
    return sigma;
  }

  private static Kernel.Distance distance(MethodSettings s) {
    String d = s.distance().orElse("cosine");
    return switch (d) {
      case "cosine" -> Kernel.Distance.COSINE;
      case "l2" -> Kernel.Distance.L2;
      default -> throw new IllegalArgumentException("'" + d + "' is not a LIME distance; expected "
          + "cosine or l2");
    };
  }
}
