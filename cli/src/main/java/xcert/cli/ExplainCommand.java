package xcert.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import xcert.explainers.backend.Backend;
import xcert.explainers.explain.BackendChoice;
import xcert.explainers.explain.Backends;
import xcert.explainers.explain.ExplainMethod;
import xcert.explainers.explain.ExplainSettings;
import xcert.explainers.explain.Explanation;
import xcert.explainers.explain.Explanations;
import xcert.explainers.lfa.LfaExplainer;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;
import xcert.solvers.notation.DistributionSpec;
import xcert.solvers.notation.InputVector;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;

/**
 * {@code xcert explain METHOD}: one attribution of a model at a point, by a sampled LFA method of
 * seed 000 / seed 001, an exact limit or a relaxation ({@link Explanations}), printed with every
 * setting, the backend and the provenance.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = {"An attribution per feature from a sampled explainer or an exact limit.",
        "METHOD is a sampled method: c-lime, smoothgrad, vanilla-gradients, integrated-gradients,",
        "gradient-x-input, lime, kernelshap, occlusion, glime-binomial, glime-gauss, glime-laplace,",
        "glime-uniform, permutation (Shapley values by antithetic permutation sampling); or an",
        "exact limit: lime-limit, glime-limit (GLIME-Binomial),",
        "kernelshap-limit, occlusion-limit (d <= 20), ig-exact, smoothgrad-limit (ReLU networks);",
        "or a continuous relaxation against a reference distribution --dist: rde (seed 003",
        "Section 4, ADF or sampled distortion), mask-suf, mask-nec, mask-uni (seed 004 Eq. 13).",
        "The mask methods lime, kernelshap, occlusion, glime-binomial, permutation and the mask",
        "limits take --dist as background data: a coalition's value is f averaged over its rows.",
        "",
        "Examples:",
        "  xcert explain lime --model examples/net.json --x 1,0,1 --samples 5000 --seed 7",
        "  xcert explain occlusion --model examples/majority3.expr --x 110",
        "  xcert explain kernelshap-limit --model examples/net.json --x 1,0,1 --json",
        "  xcert explain permutation --model examples/net.json --x 1,0,1 --samples 400 "
            + "--dist uniform",
        "  xcert explain rde --model examples/net.json --x 1,0,1 --dist bernoulli:1/2",
        "  xcert explain mask-nec --model examples/majority3.expr --x 110 --seed 3"})
final class ExplainCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "METHOD", description = "the explainer (see above)")
  String method;

  @Mixin
  ModelOptions modelOptions;

  @Option(names = "--x", required = true, paramLabel = "VALUES",
      description = "the point x0: a bit string (1011) or d comma-separated numbers")
  String xText;

  @Option(names = "--samples", paramLabel = "N",
      description = "number of perturbations n >= 1 (default per method: 1000; kernelshap 2048; "
          + "occlusion d; integrated-gradients = --steps; vanilla-gradients, gradient-x-input 1); "
          + "permutation: the orders walked, even (default 200)")
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

  @Option(names = "--json", description = "print one JSON object instead of a table")
  boolean json;

  @Mixin
  MethodOptions options;

  @Option(names = "--dist", paramLabel = "SPEC",
      description = "reference distribution V of the relaxations: uniform, bernoulli:p1,...,pd, "
          + "product:FILE.json, csv:FILE (rows: their mean and covariance for RDE) (default "
          + "uniform); for lime, kernelshap, occlusion, glime-binomial, permutation and the mask "
          + "limits the background: a coalition's value is E_{r~V} f(x ⊙ z + r ⊙ (1 − z)) "
          + "(csv rows, point:r, or a product of at most 4096 support points)")
  String distSpec;

  @Option(names = "--distortion", paramLabel = "diag|low-rank|full|samples",
      description = "rde: D(s) by ADF with a diagonal, low-rank or full covariance (ReLU networks), "
          + "or by samples of V (default diag; circuits need samples)")
  String distortion;

  @Option(names = "--rank", paramLabel = "R",
      description = "rde: rank r of the low-rank covariance factor (default 30, at most d)")
  Integer rank;

  @Option(names = "--iterations", paramLabel = "T",
      description = "optimisation steps (default: rde 300, masks 1000)")
  Integer iterations;

  @Option(names = "--alpha", paramLabel = "A",
      description = "masks: weight α of Δsuf in Δuni (mask-suf 1, mask-nec 0, mask-uni 1/2)")
  Double alpha;

  @Option(names = "--mask-samples", paramLabel = "K",
      description = "masks: Gumbel-softmax samples K per step (default 10)")
  Integer maskSamples;

  @Option(names = "--lambda-tv", paramLabel = "L",
      description = "masks: weight of the total variation of the mask on a grid (default 0)")
  Double lambdaTv;

  @Option(names = "--grid-width", paramLabel = "W",
      description = "masks: the features form a grid W wide (needed with --lambda-tv)")
  Integer gridWidth;

  @Option(names = "--learning-rate", paramLabel = "ETA",
      description = "masks: Adam's step size (default 0.1)")
  Double learningRate;

  @Option(names = "--temperature", paramLabel = "T",
      description = "masks: Gumbel-softmax temperature > 0")
  Double temperature;

  @Option(names = "--necessity", paramLabel = "definition|printed",
      description = "masks: the necessity term, Definition 2.2's |f_{S^c}(x) − f_∅(x)| (default) "
          + "or |f(x) − f_{S^c}(x)| as printed in seed 004 Eq. 59")
  String necessity;

  @Option(names = "--baseline", paramLabel = "paired|fixed",
      description = "masks: estimate f_∅(x) from each step's reference rows (paired, default) or "
          + "once (fixed)")
  String baseline;

  @Override
  public Integer call() {
    ExplainMethod m;
    try {
      m = ExplainMethod.fromId(method);
    } catch (InputException e) {
      throw InputException.of("METHOD", e.problem());
    }
    ExplainSettings s = settings();
    Explanations.check(m, s, distSpec != null);
    Model model = modelOptions.read(true);
    int d = model.dimension();
    double[] x = InputVector.parse("--x", xText, d);
    s = options.reference(s, d, x);
    ReferenceDistribution v = m.kind() == ExplainMethod.Kind.RELAXATION
        ? ModelOptions.distribution(distSpec, model, x) : distSpec == null ? null
        : DistributionSpec.parse("--dist", distSpec, d, Path.of("."));
    Explanation e = Explanations.explain(model, x, v, m, s);

    if (m.kind() != ExplainMethod.Kind.LIMIT && s.backend() == BackendChoice.AUTO) {
      // after the run, so that an error stays the only line on stderr
      spec.commandLine().getErr().println("xcert: --backend auto chose " + e.backend());
    }
    Output out = new Output().put("method", method).put("model", modelOptions.file.toString())
        .put("d", d).put("x", x);
    if (model instanceof Circuit || modelOptions.output != null) {
      out.put("output", modelOptions.circuitOutput());
    }
    Scalar[] values = e.values();
    out.put("values", values);
    out.put("intercept", e.attribution().intercept().isPresent()
        ? (Object) e.attribution().intercept().getAsDouble() : "none");
    if (json) {
      out.put("settings", e.settings());
    }
    out.put("backend", e.backend());
    Provenance p = e.provenance();
    out.put("exact", e.isExact()).put("provenance", (p.tolerance().equals(LfaExplainer.NO_TOLERANCE)
        ? new Provenance(p.kind(), p.method(), p.samples(), p.seed(), "none stated by this "
            + "command (xcert oracle compares with the exact limit)") : p).describe());
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
      out.put("settings", settingsRows(e.settings()));
    }
    spec.commandLine().getOut().print(json ? out.toJson() + "\n" : out.toTable());
    return 0;
  }

  /** Every option but the reference (which needs d), as library settings. */
  private ExplainSettings settings() {
    ExplainSettings s = options.apply(ExplainSettings.defaults()).withSeed(seed).withLasso(lasso)
        .withBackend(BackendChoice.fromId(backendName));
    s = samples == null ? s : s.withSamples(samples);
    s = steps == null ? s : s.withSteps(steps);
    s = distortion == null ? s : s.withDistortion(ExplainSettings.distortion(distortion));
    s = rank == null ? s : s.withRank(rank);
    s = iterations == null ? s : s.withIterations(iterations);
    s = alpha == null ? s : s.withAlpha(alpha);
    s = maskSamples == null ? s : s.withMaskSamples(maskSamples);
    s = lambdaTv == null ? s : s.withLambdaTv(lambdaTv);
    s = gridWidth == null ? s : s.withGridWidth(gridWidth);
    s = learningRate == null ? s : s.withLearningRate(learningRate);
    s = temperature == null ? s : s.withTemperature(temperature);
    s = necessity == null ? s : s.withNecessity(ExplainSettings.necessity(necessity));
    return baseline == null ? s : s.withBaseline(ExplainSettings.baseline(baseline));
  }

  /** Settings as a two-column table. */
  static Output.Rows settingsRows(java.util.Map<String, String> settings) {
    List<List<Object>> rows = new ArrayList<>();
    settings.forEach((k, v) -> rows.add(List.of(k, v)));
    return new Output.Rows(List.of("setting", "value"), rows);
  }

  /** The backend named by --backend. */
  static Backend backend(String name) {
    return Backends.select(BackendChoice.fromId(name));
  }
}
