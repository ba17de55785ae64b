package xcert.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xcert.explainers.api.Attribution;
import xcert.explainers.limits.ExactLimits;
import xcert.solvers.errors.InputException;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;

/**
 * The exact limits of {@link ExactLimits} as the command line names them, with their parameters
 * taken from {@link MethodOptions} and every way they can fail turned into one line: the mask limits
 * need d ≤ {@value ExactLimits#MAX_DIMENSION} (they sum over {0,1}^d) and a 0/1 reference on a
 * circuit; ig-exact and smoothgrad-limit need a ReLU network (smoothgrad-limit one with one hidden
 * layer).
 */
final class LimitMethods {

  /** The limits, as {@code xcert explain} spells them. */
  static final List<String> NAMES = List.of("lime-limit", "glime-limit", "kernelshap-limit",
      "occlusion-limit", "ig-exact", "smoothgrad-limit");

  /** Limits that enumerate the 2^d binary masks. */
  static final List<String> MASK = List.of("lime-limit", "glime-limit", "kernelshap-limit",
      "occlusion-limit");

  /** An attribution and the parameters that produced it, in order, for printing. */
  record Result(Attribution attribution, Map<String, String> parameters) {}

  private LimitMethods() {}

  static Result compute(String name, Model f, double[] x, MethodOptions o) {
    int d = f.dimension();
    double[] r = o.reference(d);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("method", name);
    if (MASK.contains(name)) {
      if (d > ExactLimits.MAX_DIMENSION) {
        throw InputException.of(name, "the model has d = " + d + " inputs; the exact limit sums "
            + "over all 2^d masks and is computed up to d = " + ExactLimits.MAX_DIMENSION);
      }
      if (f.requiresBinaryInputs()) {
        for (int i = 0; i < d; i++) {
          if (r[i] != 0 && r[i] != 1) {
            throw InputException.of("--reference", "a circuit takes 0/1 inputs; r_" + (i + 1)
                + " = " + r[i]);
          }
        }
      }
    }
    try {
      Attribution a = switch (name) {
        case "lime-limit" -> {
          double w = o.kernelWidth == null ? 0.25 : o.kernelWidth;
          double lambda = o.lambda == null ? 0 : o.lambda;
          p.put("reference", vector(r));
          p.put("kernel", "√exp(−D²/w²), w = " + w + ", D = " + o.kernelDistance().name()
              .toLowerCase());
          p.put("class", (o.noIntercept ? "linear without intercept" : "linear with intercept")
              + ", ridge λ = " + lambda + " (expectation scale)");
          yield ExactLimits.lime(f, x, r, w, o.kernelDistance(), !o.noIntercept, lambda);
        }
        case "glime-limit" -> {
          double sigma = o.sigma == null ? 1 : o.sigma;
          double lambda = o.lambda == null ? 0 : o.lambda;
          p.put("reference", vector(r));
          p.put("sigma", Double.toString(sigma));
          p.put("class", (o.noIntercept ? "linear without intercept" : "linear with intercept")
              + ", ridge λ = " + lambda + " (expectation scale)");
          yield ExactLimits.glimeBinomial(f, x, r, sigma, !o.noIntercept, lambda);
        }
        case "kernelshap-limit" -> {
          p.put("reference", vector(r));
          p.put("class", "linear, efficiency constraint, λ = 0, all 2^d coalitions");
          yield ExactLimits.kernelShap(f, x, r);
        }
        case "occlusion-limit" -> {
          p.put("reference", vector(r));
          yield ExactLimits.occlusion(f, x, r);
        }
        case "ig-exact" -> {
          p.put("reference", vector(r));
          p.put("path", "straight line from r to x, integrated between the kinks");
          yield ExactLimits.integratedGradients(network(name, f), x, r);
        }
        case "smoothgrad-limit" -> {
          ReluNetwork net = network(name, f);
          if (net.layerCount() != 2) {
            throw InputException.of(name, "the closed form needs a network with one hidden "
                + "layer; this one has " + (net.layerCount() - 1));
          }
          double sigma = o.sigma == null ? 0.5 : o.sigma;
          p.put("sigma", Double.toString(sigma));
          yield ExactLimits.smoothGrad(net, x, sigma);
        }
        default -> throw InputException.of("METHOD", "'" + name + "' is not an exact limit; "
            + "expected one of " + String.join(", ", NAMES));
      };
      a.settings().forEach(p::putIfAbsent);
      return new Result(a, p);
    } catch (InputException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw InputException.of(name, e.getMessage());
    }
  }

  private static ReluNetwork network(String name, Model f) {
    if (f instanceof ReluNetwork net) {
      return net;
    }
    throw InputException.of(name, "needs the gradients of a ReLU network (.json); a Boolean "
        + "circuit has none (compile it with xcert reduce circuit-to-relu)");
  }

  static String vector(double[] v) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.length; i++) {
      sb.append(i == 0 ? "" : ",").append(v[i] == Math.rint(v[i]) && Math.abs(v[i]) < 1e15
          ? Long.toString((long) v[i]) : Double.toString(v[i]));
    }
    return sb.toString();
  }
}
