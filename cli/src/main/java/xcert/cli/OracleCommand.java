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
import xcert.explainers.oracle.BatchGrade;
import xcert.explainers.oracle.OracleBatch;
import xcert.explainers.oracle.SampledEstimator;
import xcert.explainers.oracle.Grade;
import xcert.explainers.oracle.Oracle;
import xcert.explainers.oracle.OracleSettings;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.io.AttributionFile;
import xcert.solvers.io.MatrixFile;
import xcert.solvers.num.Rationals;
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
        "A batch: --inputs X --attributions A [--base-values B] (.csv or .npy), one row each.",
        "Exit status: 0 when every value is within tolerance, 1 when not, 2 for bad input.",
        "",
        "Examples:",
        "  xcert oracle --model examples/majority3.expr --x 110 --attribution phi.csv "
            + "--against shapley",
        "  xcert oracle --model examples/net.json --x 1,0,1 --attribution ig.json --against ig "
            + "--tol 1e-9 --json",
        "  xcert oracle --model examples/majority3.expr --inputs x.csv --attributions phi.npy "
            + "--base-values base.npy --against shapley"})
final class OracleCommand implements Callable<Integer> {

  /** The default tolerance on max |given − exact|. */
  static final String DEFAULT_TOL = "1e-6";

  @Spec
  CommandSpec spec;

  @Mixin
  ModelOptions modelOptions;

  @Option(names = "--x", paramLabel = "VALUES",
      description = "the point: a bit string (1011) or d comma-separated numbers")
  String xText;

  @Option(names = "--attribution", paramLabel = "FILE",
      description = "the attribution to check: .csv or .json, one value per feature (README)")
  Path attributionFile;

  @Option(names = "--inputs", paramLabel = "FILE",
      description = "a batch: one input per row, .csv (header optional) or .npy")
  Path inputsFile;

  @Option(names = "--attributions", paramLabel = "FILE",
      description = "a batch: row i is the attribution of input i, .csv or .npy")
  Path attributionsFile;

  @Option(names = "--base-values", paramLabel = "FILE",
      description = "a batch's base values (shap's base_values), one per input: .csv or .npy"
          + " (1-D allowed); checks b = f_∅(x) and b + Σφ = f(x)")
  Path baseValuesFile;

  @Option(names = "--estimator", paramLabel = "E",
      description = "the attribution is a sampled estimate: add that estimator's statistical bound"
          + " at --samples to the tolerance (permutation or kernelshap against shapley,"
          + " kernelshap against kernelshap-limit, lime against lime-limit)")
  String estimator;

  @Option(names = "--samples", paramLabel = "N",
      description = "what the estimator drew: permutations (an antithetic pair is two),"
          + " coalitions (kernelshap) or perturbations (lime)")
  Long samples;

  @Option(names = "--confidence", paramLabel = "C",
      description = "confidence of the statistical bound, in (0, 1) (default 0.99)")
  Double confidence;

  @Option(names = "--rtol", paramLabel = "R", defaultValue = "0",
      description = "relative tolerance: |given − exact| <= tol + rtol·|exact| (default 0)")
  String rtolText;

  @Option(names = "--against", required = true, paramLabel = "EXACT",
      description = "shapley, banzhaf, lime-limit, glime-limit, kernelshap-limit, "
          + "occlusion-limit, ig or smoothgrad-limit")
  String against;

  @Option(names = "--dist", paramLabel = "SPEC",
      description = "reference distribution for shapley/banzhaf, as in xcert exact "
          + "(default: uniform); for the mask limits the background of their game values")
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
        .withRelativeTolerance(ExactCommand.nonNegative("--rtol", rtolText))
        .withLimit(options.apply(ExplainSettings.defaults()));
    s = top == null ? s : s.withTop(top);
    if (estimator == null && (samples != null || confidence != null)) {
      throw InputException.setting(samples != null ? "samples" : "confidence", "applies to a"
          + " sampled estimate; name its --estimator");
    }
    if (estimator != null) {
      if (samples == null) {
        throw InputException.setting("samples", "is needed with --estimator: the number of"
            + " permutations, coalitions or perturbations the estimate drew");
      }
      s = s.withEstimator(SampledEstimator.fromId(estimator), samples,
          confidence == null ? OracleSettings.DEFAULT_CONFIDENCE : confidence);
    }
    Oracle.check(a, s, distSpec != null);
    boolean batch = inputsFile != null || attributionsFile != null;
    if (batch) {
      if (xText != null || attributionFile != null) {
        throw InputException.setting(xText != null ? "x" : "attribution", "conflicts with a batch"
            + " (--inputs, --attributions); give one input or a batch");
      }
      if (inputsFile == null || attributionsFile == null) {
        throw InputException.setting(inputsFile == null ? "inputs" : "attributions", "is needed:"
            + " a batch takes --inputs and --attributions");
      }
      return batch(a, s);
    }
    if (baseValuesFile != null) {
      throw InputException.setting("baseValues", "applies to a batch (--inputs, --attributions)");
    }
    if (xText == null || attributionFile == null) {
      throw InputException.setting(xText == null ? "x" : "attribution", "is needed (or a batch:"
          + " --inputs with --attributions)");
    }
    Model model = modelOptions.read(true);
    int d = model.dimension();
    double[] x = InputVector.parse("--x", xText, d);
    s = s.withLimit(options.reference(s.limit(), d, x));
    ReferenceDistribution v = a.isGame() ? ModelOptions.distribution(distSpec, model, x)
        : distSpec == null ? null : DistributionSpec.parse("--dist", distSpec, d, Path.of("."));
    BigFraction[] given = AttributionFile.read(attributionFile, d);
    Grade g = Oracle.grade(model, x, v, given, a, s);

    Output out = new Output().put("against", against).put("model", modelOptions.file.toString())
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
    if (g.sampling() != null) {
      out.put("statistical_bound", boundOf(g)).put("bound", g.statisticalBound());
    }
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

  /**
   * The statistical bound at the worst feature (the tolerance there), or "vacuous (infinite)":
   * no finite bound holds at that n.
   */
  private static Object boundOf(Grade g) {
    return g.sampling().vacuous() ? "vacuous (infinite)"
        : Scalar.approximate(g.sampling().halfWidths()[g.worstFeature() - 1]);
  }

  /** The batch form: every row graded, one line each, totals; exit 1 when any row fails. */
  private int batch(Against a, OracleSettings s) {
    Model model = modelOptions.read(true);
    int d = model.dimension();
    double[][] inputs = MatrixFile.read(inputsFile, false);
    double[][] given = MatrixFile.read(attributionsFile, false);
    double[] base = baseValuesFile == null ? null : MatrixFile.readColumn(baseValuesFile);
    ReferenceDistribution v = null;
    if (!a.isGame() && distSpec != null) {
      v = DistributionSpec.parse("--dist", distSpec, d, Path.of("."));
    }
    if (options.referenceText != null && !options.complement()) {
      s = s.withLimit(options.reference(s.limit(), d, null));
    }
    if (a.isGame()) {
      v = distSpec == null ? null : DistributionSpec.parse("--dist", distSpec, d, Path.of("."));
      for (double[] x : inputs) {
        if (x.length == d) {
          ModelOptions.distribution(distSpec, model, x); // refuses a real x without --dist
        }
      }
    }
    BatchGrade g = OracleBatch.grade(model, inputs, v, given, base, a, s, options.complement(),
        line -> spec.commandLine().getErr().println("oracle: " + line));
    List<Object> rows = new ArrayList<>();
    List<List<Object>> table = new ArrayList<>();
    for (BatchGrade.Row r : g.rows()) {
      Grade gr = r.grade();
      java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("row", r.row());
      m.put("verdict", r.pass() ? "pass" : "fail");
      m.put("maxAbsError", gr.maxError().value());
      gr.maxError().rational().ifPresent(q -> m.put("maxAbsErrorRational", Rationals.format(q)));
      m.put("worstFeature", gr.worstFeature());
      m.put("tolerance", gr.tolerance().doubleValue());
      if (gr.sampling() != null) {
        m.put("bound", boundOf(gr));
      }
      m.put("attributionPass", gr.pass());
      r.base().ifPresent(b -> {
        m.put("baseError", b.baseError().value());
        m.put("basePass", b.basePass());
        m.put("sumError", b.sumError().value());
        m.put("sumPass", b.sumPass());
        m.put("fEmpty", b.fEmpty().value());
        m.put("fx", b.fx().value());
      });
      rows.add(m);
      List<Object> line = new ArrayList<>(List.of(r.row(),
          gr.sampling() != null && gr.sampling().vacuous() ? "NO VERDICT"
              : r.pass() ? "pass" : "FAIL", gr.maxError(), gr.worstFeature(),
          Scalar.exact(gr.tolerance())));
      if (s.estimator() != null) {
        line.add(boundOf(gr));
      }
      line.add(r.base().map(b -> (Object) b.baseError()).orElse(""));
      line.add(r.base().map(b -> (Object) b.sumError()).orElse(""));
      table.add(line);
    }
    Output out = new Output().put("against", a.id()).put("model", modelOptions.file.toString())
        .put("d", d).put("inputs", inputsFile.toString())
        .put("attributions", attributionsFile.toString());
    if (baseValuesFile != null) {
      out.put("base_values", baseValuesFile.toString());
    }
    BatchGrade.Row first = g.rows().get(0);
    if (a.isGame()) {
      out.put("distribution", first.grade().distribution());
    }
    if (first.grade().statisticalBound() != null) {
      out.put("bound", first.grade().statisticalBound());
    }
    out.put("method", first.grade().reference().describe())
        .put("tol", Scalar.exact(s.tolerance())).put("rtol", Scalar.exact(s.relativeTolerance()))
        .put("distinct_inputs", g.distinctInputs());
    if (json) {
      out.put("rows", rows);
    } else {
      List<String> head = new ArrayList<>(List.of("row", "verdict", "max |given − exact|",
          "worst feature", "tolerance"));
      if (s.estimator() != null) {
        head.add("bound");
      }
      head.addAll(List.of("|b − f_∅(x)|", "|b + Σφ − f(x)|"));
      out.put("results", new Output.Rows(head, table));
    }
    out.put("passed", g.passed()).put("failed", g.failed());
    spec.commandLine().getOut().print(json ? out.toJson() + "\n" : out.toTable());
    return g.allPass() ? 0 : 1;
  }
}
