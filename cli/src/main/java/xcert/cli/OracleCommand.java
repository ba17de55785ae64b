package xcert.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.numbers.fraction.BigFraction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xcert.explainers.explain.ExplainSettings;
import xcert.explainers.oracle.Against;
import xcert.explainers.oracle.Grade;
import xcert.explainers.oracle.Oracle;
import xcert.explainers.oracle.OracleSettings;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.io.AttributionFile;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;
import xcert.solvers.notation.DistributionSpec;
import xcert.solvers.notation.InputVector;
import xcert.solvers.result.Scalar;

/**
 * {@code xcert oracle}: an attribution computed elsewhere held against its exact counterpart by
 * {@link Oracle#grade} (seed 000 Theorems 1–3, seed 001 Appendix B), printed. Exit status 0 when
 * max |error| ≤ tol, 1 when not, 2 for bad input.
 */
@Command(name = "oracle", mixinStandardHelpOptions = true,
    description = {"Check an attribution computed elsewhere against the exact values.",
        "--against is shapley or banzhaf (of v(S) = f_S(x) under --dist), or an exact limit:",
        "lime-limit, glime-limit, kernelshap-limit, occlusion-limit (reference --reference),",
        "ig (exact Integrated Gradients from --reference), smoothgrad-limit.",
        "Exit status: 0 when max |error| <= --tol, 1 when not, 2 for bad input.",
        "",
        "Examples:",
        "  xcert oracle --model examples/majority3.expr --x 110 --attribution phi.csv "
            + "--against shapley",
        "  xcert oracle --model examples/net.json --x 1,0,1 --attribution ig.json --against ig "
            + "--tol 1e-9 --json"})
final class OracleCommand implements Callable<Integer> {

  /** The default tolerance on max |given − exact|. */
  static final String DEFAULT_TOL = "1e-6";

  @Spec
  CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE",
      description = "the model: .aag, .cnf, .expr (circuits), .json (ReLU network) or .onnx")
  Path modelFile;

  @Mixin
  ModelOptions modelOptions;

  @Option(names = "--x", required = true, paramLabel = "VALUES",
      description = "the point: a bit string (1011) or d comma-separated numbers")
  String xText;

  @Option(names = "--attribution", required = true, paramLabel = "FILE",
      description = "the attribution to check: .csv or .json, one value per feature (README)")
  Path attributionFile;

  @Option(names = "--against", required = true, paramLabel = "EXACT",
      description = "shapley, banzhaf, lime-limit, glime-limit, kernelshap-limit, "
          + "occlusion-limit, ig or smoothgrad-limit")
  String against;

  @Option(names = "--dist", paramLabel = "SPEC",
      description = "reference distribution for shapley/banzhaf, as in xcert exact "
          + "(default: uniform)")
  String distSpec;

  @Option(names = "--tol", paramLabel = "T", defaultValue = DEFAULT_TOL,
      description = "largest accepted |given − exact|, read exactly (default " + DEFAULT_TOL + ")")
  String tolText;

  @Option(names = "--top", paramLabel = "K",
      description = "K of the top-K agreement, 1..d (default min(3, d))")
  Integer top;

  @Option(names = "--json", description = "print one JSON object instead of a table")
  boolean json;

  @Mixin
  MethodOptions options;

  @Override
  public Integer call() {
    Against a = Against.fromId(against);
    BigFraction tol = ExactCommand.nonNegative("--tol", tolText);
    OracleSettings s = OracleSettings.defaults().withTolerance(tol)
        .withLimit(options.apply(ExplainSettings.defaults()));
    s = top == null ? s : s.withTop(top);
    Oracle.check(a, s, distSpec != null);
    Model model = modelOptions.read(modelFile, true);
    int d = model.dimension();
    double[] x = InputVector.parse("--x", xText, d);
    s = s.withLimit(options.reference(s.limit(), d));
    ReferenceDistribution v = a.isGame() ? ModelOptions.distribution(distSpec, model, x)
        : distSpec == null ? null : DistributionSpec.parse("--dist", distSpec, d, Path.of("."));
    BigFraction[] given = AttributionFile.read(attributionFile, d);
    Grade g = Oracle.grade(model, x, v, given, a, s);

    Output out = new Output().put("against", against).put("model", modelFile.toString())
        .put("d", d).put("x", x).put("attribution", attributionFile.toString());
    if (model instanceof Circuit || modelOptions.output != null) {
      out.put("output", modelOptions.circuitOutput());
    }
    if (a.isGame()) {
      out.put("distribution", g.distribution()).put("game", "v(S) = f_S(x)");
    } else if (json) {
      out.put("settings", g.settings());
    }
    out.put("given", g.given().toArray(new Scalar[0]))
        .put("exact_values", g.exactValues().toArray(new Scalar[0]))
        .put("errors", g.errors().toArray(new Scalar[0]));
    out.put("exact", g.exact()).put("method", g.reference().describe());
    out.put("max_abs_error", g.maxError()).put("worst_feature", g.worstFeature());
    out.put("kendall_tau", g.kendallTau().isPresent() ? (Object) g.kendallTau().getAsDouble()
        : "undefined (one ranking is all ties)");
    out.put("top1_agree", g.top1Agree()).put("top_k", g.topK()).put("topk_agree", g.topKAgree())
        .put("given_top_k", g.givenTopK()).put("exact_top_k", g.exactTopK());
    out.put("tolerance", Scalar.exact(g.tolerance())).put("pass", g.pass())
        .put("verdict", g.verdict());
    if (!json) {
      List<List<Object>> rows = new ArrayList<>();
      for (int i = 0; i < d; i++) {
        rows.add(List.of(i + 1, g.given().get(i), g.exactValues().get(i), g.errors().get(i)));
      }
      out.put("features", new Output.Rows(List.of("feature", "given", "exact", "abs_error"), rows));
      if (!a.isGame()) {
        out.put("settings", ExplainCommand.settingsRows(g.settings()));
      }
    }
    spec.commandLine().getOut().print(json ? out.toJson() + "\n" : out.toTable());
    return g.pass() ? 0 : 1;
  }
}
