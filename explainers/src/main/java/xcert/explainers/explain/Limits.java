package xcert.explainers.explain;

import java.util.Map;
import xcert.explainers.api.Attribution;
import xcert.explainers.lfa.Kernel;
import xcert.explainers.limits.ExactLimits;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.exact.RestrictedPredictionTable;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;

/**
 * The exact limits of {@link ExactLimits} (seed 000 Theorems 1–3, seed 001 Appendix B) with their
 * settings, and every way they can fail as one line: the mask limits need d ≤
 * {@value ExactLimits#MAX_DIMENSION} (they sum over {0,1}^d) and a 0/1 reference on a circuit;
 * ig-exact and smoothgrad-limit need a ReLU network (smoothgrad-limit one with one hidden layer).
 */
final class Limits {

  private Limits() {}

  /** The limit's attribution; {@code p} receives its parameters in print order. */
  static Attribution compute(ExplainMethod m, Model f, double[] x,
      ReferenceDistribution distribution, ExplainSettings s, Map<String, String> p) {
    String name = m.id();
    int d = f.dimension();
    double[] r = Explanations.reference(s, d);
    p.put("method", name);
    if (distribution != null) {
      return onGame(m, f, x, distribution, s, p);
    }
    if (m.enumeratesMasks()) {
      enumerable(name, d);
      Explanations.binary(f, r, "reference");
    }
    Kernel.Distance distance = s.distance() == null ? Kernel.Distance.COSINE : s.distance();
    double lambda = s.lambda() == null ? 0 : s.lambda();
    String fit = fit(s.intercept(), lambda);
    try {
      Attribution a = switch (m) {
        case LIME_LIMIT -> {
          double w = s.kernelWidth() == null ? 0.25 : s.kernelWidth();
          p.put("reference", Explanations.vector(r));
          p.put("kernel", "√exp(−D²/w²), w = " + w + ", D = " + distance.name().toLowerCase());
          p.put("class", fit);
          yield ExactLimits.lime(f, x, r, w, distance, s.intercept(), lambda);
        }
        case GLIME_LIMIT -> {
          double sigma = s.sigma() == null ? 1 : s.sigma();
          p.put("reference", Explanations.vector(r));
          p.put("sigma", Double.toString(sigma));
          p.put("class", fit);
          yield ExactLimits.glimeBinomial(f, x, r, sigma, s.intercept(), lambda);
        }
        case KERNELSHAP_LIMIT -> {
          p.put("reference", Explanations.vector(r));
          p.put("class", "linear, efficiency constraint, λ = 0, all 2^d coalitions");
          yield ExactLimits.kernelShap(f, x, r);
        }
        case OCCLUSION_LIMIT -> {
          p.put("reference", Explanations.vector(r));
          yield ExactLimits.occlusion(f, x, r);
        }
        case IG_EXACT -> {
          p.put("reference", Explanations.vector(r));
          p.put("path", "straight line from r to x, integrated between the kinks");
          yield ExactLimits.integratedGradients(network(name, f), x, r);
        }
        case SMOOTHGRAD_LIMIT -> {
          ReluNetwork net = network(name, f);
          if (net.layerCount() != 2) {
            throw InputException.of(name, "the closed form needs a network with one hidden "
                + "layer; this one has " + (net.layerCount() - 1));
          }
          double sigma = s.sigma() == null ? 0.5 : s.sigma();
          p.put("sigma", Double.toString(sigma));
          yield ExactLimits.smoothGrad(net, x, sigma);
        }
        default -> throw InputException.setting("method", "'" + name + "' is not an exact limit; "
            + "expected one of " + String.join(", ", ExplainMethod.ids(ExplainMethod.Kind.LIMIT)));
      };
      a.settings().forEach(p::putIfAbsent);
      return a;
    } catch (InputException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw InputException.of(name, e.getMessage());
    }
  }

  /**
   * A mask limit whose value of a mask z is the game value v(z) = f_S(x) under V (seed 004 Eq. 1),
   * from the exact table of all f_S(x) ({@link RestrictedPredictions#table}).
   */
  private static Attribution onGame(ExplainMethod m, Model f, double[] x,
      ReferenceDistribution v, ExplainSettings s, Map<String, String> p) {
    String name = m.id();
    int d = f.dimension();
    enumerable(name, d);
    Explanations.compatible(f, x, v);
    Kernel.Distance distance = s.distance() == null ? Kernel.Distance.COSINE : s.distance();
    double lambda = s.lambda() == null ? 0 : s.lambda();
    String fit = fit(s.intercept(), lambda);
    try {
      RestrictedPredictionTable t = RestrictedPredictions.table(f, x, v, Arithmetic.EXACT);
      p.put("distribution", v.describe());
      p.put("game", "v(z) = f_S(x) = E_{r~V} f(x ⊙ z + r ⊙ (1 − z)), S = {i : z_i = 1}");
      Attribution a = switch (m) {
        case LIME_LIMIT -> {
          double w = s.kernelWidth() == null ? 0.25 : s.kernelWidth();
          p.put("kernel", "√exp(−D²/w²), w = " + w + ", D = " + distance.name().toLowerCase());
          p.put("class", fit);
          yield ExactLimits.lime(t, w, distance, s.intercept(), lambda);
        }
        case GLIME_LIMIT -> {
          double sigma = s.sigma() == null ? 1 : s.sigma();
          p.put("sigma", Double.toString(sigma));
          p.put("class", fit);
          yield ExactLimits.glimeBinomial(t, sigma, s.intercept(), lambda);
        }
        case KERNELSHAP_LIMIT -> {
          p.put("class", "linear, efficiency constraint, λ = 0, all 2^d coalitions");
          yield ExactLimits.kernelShap(t);
        }
        case OCCLUSION_LIMIT -> ExactLimits.occlusion(t);
        default -> throw InputException.setting("dist", "applies to the mask limits "
            + "lime-limit, glime-limit, kernelshap-limit, occlusion-limit; not to " + name);
      };
      a.settings().forEach(p::putIfAbsent);
      return a;
    } catch (InputException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw InputException.of(name, e.getMessage());
    }
  }

  /** The mask limits sum over {0,1}^d: d up to {@link ExactLimits#MAX_DIMENSION}. */
  private static void enumerable(String name, int d) {
    if (d > ExactLimits.MAX_DIMENSION) {
      throw InputException.of(name, "the model has d = " + d + " inputs; the exact limit sums "
          + "over all 2^d masks and is computed up to d = " + ExactLimits.MAX_DIMENSION);
    }
  }

  /** The class of a mask limit's fit, for printing. */
  private static String fit(boolean intercept, double lambda) {
    return (intercept ? "linear with intercept" : "linear without intercept") + ", ridge λ = "
        + lambda + " (expectation scale)";
  }

  private static ReluNetwork network(String name, Model f) {
    if (f instanceof ReluNetwork net) {
      return net;
    }
    if (!f.requiresBinaryInputs()) {
      throw InputException.of(name, "needs the gradients of a ReLU network; the probability after"
          + " a Sigmoid/Softmax head is not one (explain the logit, the default)");
    }
    throw InputException.of(name, "needs the gradients of a ReLU network; a Boolean circuit has "
        + "none (compile it to a ReLU network first, seed 003 footnote on ReLU circuits)");
  }
}
