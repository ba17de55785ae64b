package xcert.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import xcert.explainers.api.Attribution;
import xcert.explainers.api.Explainer;
import xcert.explainers.backend.Backend;
import xcert.explainers.explain.Backends;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.notation.DistributionSpec;
import xcert.solvers.notation.InputVector;
import xcert.solvers.io.ModelFiles;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;

/**
 * {@code xcert explain METHOD}: one attribution of a model at a point, by a sampled LFA method of
 * seed 000 / seed 001 ({@link Methods}) or by an exact limit ({@link LimitMethods}), printed with
 * every setting, the backend and the provenance.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = {"An attribution per feature from a sampled explainer or an exact limit.",
        "METHOD is a sampled method: c-lime, smoothgrad, vanilla-gradients, integrated-gradients,",
        "gradient-x-input, lime, kernelshap, occlusion, glime-binomial, glime-gauss, glime-laplace,",
        "glime-uniform; or an exact limit: lime-limit, glime-limit (GLIME-Binomial),",
        "kernelshap-limit, occlusion-limit (d <= 20), ig-exact, smoothgrad-limit (ReLU networks);",
        "or a continuous relaxation against a reference distribution --dist: rde (seed 003",
        "Section 4, ADF or sampled distortion), mask-suf, mask-nec, mask-uni (seed 004 Eq. 13).",
        "",
        "Examples:",
        "  xcert explain lime --model examples/net.json --x 1,0,1 --samples 5000 --seed 7",
        "  xcert explain occlusion --model examples/majority3.expr --x 110",
        "  xcert explain kernelshap-limit --model examples/net.json --x 1,0,1 --json",
        "  xcert explain rde --model examples/net.json --x 1,0,1 --dist bernoulli:1/2",
        "  xcert explain mask-nec --model examples/majority3.expr --x 110 --seed 3"})
final class ExplainCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "METHOD", description = "the explainer (see above)")
  String method;

  @Option(names = "--model", required = true, paramLabel = "FILE",
      description = "the model: .aag, .cnf, .expr (circuits) or .json (ReLU network)")
  Path modelFile;

  @Option(names = "--x", required = true, paramLabel = "VALUES",
      description = "the point x0: a bit string (1011) or d comma-separated numbers")
  String xText;

  @Option(names = "--samples", paramLabel = "N",
      description = "number of perturbations n >= 1 (default per method: 1000; kernelshap 2048; "
          + "occlusion d; integrated-gradients = --steps; vanilla-gradients, gradient-x-input 1)")
  Long samples;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
      description = "random seed (default 0); the same seed gives the same numbers")
  long seed;

  @Option(names = "--lasso", description = "penalty λ‖w‖₁ instead of λ‖w‖² (sampled methods)")
  boolean lasso;

  @Option(names = "--steps", paramLabel = "M",
      description = "Riemann midpoints for integrated-gradients (default 64)")
  Integer steps;

  @Option(names = "--backend", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
      description = "where f and its gradients are evaluated; auto takes the GPU when one is "
          + "present and says on stderr what it chose (default auto)")
  String backendName;

  @Option(names = "--output", paramLabel = "K", defaultValue = "1",
      description = "which circuit output to explain, 1-based (default 1)")
  int output;

  @Option(names = "--json", description = "print one JSON object instead of a table")
  boolean json;

  @Mixin
  MethodOptions options;

  @Mixin
  RelaxationOptions relaxation;

  @Override
  public Integer call() {
    boolean limit = LimitMethods.NAMES.contains(method);
    boolean relaxed = RelaxationMethods.NAMES.contains(method);
    if (!limit && !relaxed && !Methods.NAMES.contains(method)) {
      throw InputException.of("METHOD", "unknown method '" + method + "'; expected one of "
          + String.join(", ", Methods.NAMES) + ", an exact limit: "
          + String.join(", ", LimitMethods.NAMES) + ", or a relaxation: "
          + String.join(", ", RelaxationMethods.NAMES));
    }
    if (!relaxed && relaxation.firstGiven() != null) {
      throw InputException.of(relaxation.firstGiven(), "applies to the relaxations "
          + String.join(", ", RelaxationMethods.NAMES) + ", not to " + method);
    }
    relaxation.validate();
    if (samples != null && samples < 1) {
      throw InputException.of("--samples", samples + " is out of range; expected n >= 1");
    }
    if (steps != null && steps < 1) {
      throw InputException.of("--steps", steps + " is out of range; expected m >= 1");
    }
    options.validate();
    if (relaxed && (lasso || steps != null || options.firstGiven() != null)) {
      throw InputException.of(lasso ? "--lasso" : steps != null ? "--steps"
          : options.firstGiven(), "does not apply to " + method);
    }
    if (limit && lasso) {
      throw InputException.of("--lasso", "the exact limits are ridge (or unpenalised) fits; "
          + "--lasso applies to the sampled methods");
    }
    Model model = readModel(modelFile, output);
    int d = model.dimension();
    double[] x = InputVector.parse("--x", xText, d);
    checkBinary(model, x);
    Backend backend = backend(backendName);

    Attribution a;
    Map<String, String> settings;
    if (limit) {
      LimitMethods.Result r = LimitMethods.compute(method, model, x, options);
      a = r.attribution();
      settings = r.parameters();
    } else {
      ReferenceDistribution v = null;
      if (relaxed) {
        v = DistributionSpec.parse("--dist", relaxation.distSpec == null ? "uniform" : relaxation.distSpec, d,
            Path.of("."));
        ExactCommand.checkCompatible(model, x, v);
      }
      Explainer e;
      try {
        e = relaxed ? RelaxationMethods.create(method, relaxation, options.lambda, samples, seed, v)
            : Methods.create(method, settings(d), d);
        a = e.explain(model, x, backend);
      } catch (InputException ex) {
        throw ex;
      } catch (IllegalArgumentException ex) {
        throw InputException.of(method, ex.getMessage());
      } catch (IllegalStateException ex) {
        // a fit the samples cannot determine (singular normal equations, every weight 0)
        throw InputException.of(method, ex.getMessage());
      }
      settings = new LinkedHashMap<>(a.settings());
      if (relaxed) {
        settings.putIfAbsent("distribution", v.describe());
      } else if (Methods.BINARY.contains(method) || method.equals("integrated-gradients")
          || method.equals("gradient-x-input")) {
        settings.putIfAbsent("reference", LimitMethods.vector(options.reference(d)));
      }
    }

    if (!limit && backendName.equals("auto")) {
      // after the run, so that an error stays the only line on stderr
      spec.commandLine().getErr().println("xcert: --backend auto chose " + backend.name());
    }
    Output out = new Output().put("method", method).put("model", modelFile.toString())
        .put("d", d).put("x", x);
    if (model instanceof Circuit) {
      out.put("output", output);
    }
    Scalar[] values = scalars(a);
    out.put("values", values);
    out.put("intercept", a.intercept().isPresent() ? (Object) a.intercept().getAsDouble()
        : "none");
    if (json) {
      out.put("settings", settings);
    }
    out.put("backend", limit ? "none (exact limit, computed on the CPU)" : backend.name());
    Provenance p = a.provenance();
    out.put("exact", a.isExact()).put("provenance", p.describe());
    if (p.kind() == Provenance.Kind.SAMPLED
        || (p.kind() == Provenance.Kind.HEURISTIC && p.samples() > 0)) {
      out.put("samples", p.samples()).put("seed", p.seed());
    }
    if (!json) {
      List<List<Object>> rows = new ArrayList<>();
      for (int i = 0; i < d; i++) {
        rows.add(List.of(i + 1, values[i]));
      }
      out.put("attribution", new Output.Rows(List.of("feature", "value"), rows));
      List<List<Object>> srows = new ArrayList<>();
      settings.forEach((k, v) -> srows.add(List.of(k, v)));
      out.put("settings", new Output.Rows(List.of("setting", "value"), srows));
    }
    spec.commandLine().getOut().print(json ? out.toJson() + "\n" : out.toTable());
    return 0;
  }

  private MethodSettings settings(int d) {
    MethodSettings s = MethodSettings.defaults().withSeed(seed).withLasso(lasso);
    if (samples != null) {
      s = s.withSamples(samples);
    }
    if (options.sigma != null) {
      s = s.withSigma(options.sigma);
    }
    if (options.kernelWidth != null) {
      s = s.withKernelWidth(options.kernelWidth);
    }
    if (options.distance != null) {
      s = s.withDistance(options.distance);
    }
    if (options.lambda != null) {
      s = s.withLambda(options.lambda);
    }
    if (options.noIntercept) {
      s = s.withIntercept(false);
    }
    if (options.referenceText != null) {
      s = s.withReference(options.reference(d));
    }
    if (steps != null) {
      s = s.withSteps(steps);
    }
    return s;
  }

  /** The weights as scalars: exact rationals where the attribution has them. */
  static Scalar[] scalars(Attribution a) {
    double[] v = a.values();
    Scalar[] s = new Scalar[v.length];
    for (int i = 0; i < v.length; i++) {
      s[i] = a.isExact() ? Scalar.exact(a.exactValues().get(i)) : Scalar.approximate(v[i]);
    }
    return s;
  }

  /** Reads a model; a circuit's {@code --output K} is selected (1-based). */
  static Model readModel(Path file, int output) {
    Model model = ModelFiles.read(file);
    if (model instanceof Circuit c) {
      if (output < 1 || output > c.outputCount()) {
        throw InputException.of("--output", output + " is out of range; the circuit has "
            + c.outputCount() + " output(s)");
      }
      model = c.withOutput(output - 1);
    }
    return model;
  }

  /** A circuit takes only 0/1 inputs. */
  static void checkBinary(Model model, double[] x) {
    if (model.requiresBinaryInputs()) {
      for (int i = 0; i < x.length; i++) {
        if (x[i] != 0.0 && x[i] != 1.0) {
          throw InputException.of("--x", "a circuit takes 0/1 inputs; x_" + (i + 1) + " = " + x[i]);
        }
      }
    }
  }

  /** The backend named by --backend. */
  static Backend backend(String name) {
    try {
      return Backends.select(name);
    } catch (IllegalArgumentException e) {
      throw InputException.of("--backend", e.getMessage());
    }
  }
}
