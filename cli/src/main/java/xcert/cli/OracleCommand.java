package xcert.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.numbers.fraction.BigFraction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.exact.GameValues;
import xcert.solvers.exact.RestrictedPredictionTable;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.io.AttributionFile;
import xcert.solvers.notation.DistributionSpec;
import xcert.solvers.notation.InputVector;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;
import xcert.solvers.num.Rationals;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.Subsets;

/**
 * {@code xcert oracle}: an attribution computed elsewhere held against its exact counterpart (SPEC
 * section 5): per feature the given value, the exact value and the absolute error; the largest
 * error against a tolerance; and how well the rankings agree. Exit status 0 when max |error| ≤ tol,
 * 1 when not, 2 for bad input.
 *
 * <p>Rankings are by importance |w_i|. Kendall's τ is τ_b over all pairs of features (ties in
 * either ranking count as neither concordant nor discordant; undefined when one side is all tied).
 * The given top-K set is the K features of largest |given| (ties to the lower index); it agrees with
 * the exact values when every feature in it has |exact| at least the K-th largest |exact|, so that
 * ties in the exact values never count against the given attribution. Top-1 is the case K = 1.
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

  static final List<String> AGAINST = List.of("shapley", "banzhaf", "lime-limit", "glime-limit",
      "kernelshap-limit", "occlusion-limit", "ig", "smoothgrad-limit");

  @Spec
  CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE",
      description = "the model: .aag, .cnf, .expr (circuits) or .json (ReLU network)")
  Path modelFile;

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

  @Option(names = "--output", paramLabel = "K", defaultValue = "1",
      description = "which circuit output, 1-based (default 1)")
  int output;

  @Option(names = "--json", description = "print one JSON object instead of a table")
  boolean json;

  @Mixin
  MethodOptions options;

  @Override
  public Integer call() {
    if (!AGAINST.contains(against)) {
      throw InputException.of("--against", "'" + against + "' has no exact counterpart here; "
          + "expected one of " + String.join(", ", AGAINST));
    }
    boolean game = against.equals("shapley") || against.equals("banzhaf");
    options.validate();
    if (game && options.referenceText != null) {
      throw InputException.of("--reference", "applies to the limits and ig; shapley and banzhaf "
          + "take a distribution (--dist)");
    }
    if (!game && distSpec != null) {
      throw InputException.of("--dist", "applies to shapley and banzhaf; " + against
          + " takes a reference point (--reference)");
    }
    BigFraction tol = ExactCommand.nonNegative("--tol", tolText);
    Model model = ExplainCommand.readModel(modelFile, output);
    int d = model.dimension();
    double[] x = InputVector.parse("--x", xText, d);
    ExplainCommand.checkBinary(model, x);
    int k = top == null ? Math.min(3, d) : top;
    if (k < 1 || k > d) {
      throw InputException.of("--top", k + " is out of range; expected 1.." + d);
    }
    BigFraction[] given = AttributionFile.read(attributionFile, d);

    Output out = new Output().put("against", against).put("model", modelFile.toString())
        .put("d", d).put("x", x).put("attribution", attributionFile.toString());
    if (model instanceof Circuit) {
      out.put("output", output);
    }
    Scalar[] exact;
    Provenance how;
    Map<String, String> settings = null;
    if (game) {
      ReferenceDistribution v = DistributionSpec.parse("--dist", distSpec == null ? "uniform" : distSpec, d,
          Path.of("."));
      ExactCommand.checkCompatible(model, x, v);
      Subsets.checkTableDimension(d);
      RestrictedPredictionTable t = RestrictedPredictions.table(model, x, v);
      exact = against.equals("shapley") ? GameValues.shapley(t.values())
          : GameValues.banzhaf(t.values());
      how = t.provenance();
      out.put("distribution", v.describe()).put("game", "v(S) = f_S(x)");
    } else {
      String name = against.equals("ig") ? "ig-exact" : against;
      LimitMethods.Result r = LimitMethods.compute(name, model, x, options);
      exact = ExplainCommand.scalars(r.attribution());
      how = r.attribution().provenance();
      settings = r.parameters();
      if (json) {
        out.put("settings", settings);
      }
    }

    Scalar[] given0 = new Scalar[d];
    Scalar[] errors = new Scalar[d];
    BigFraction[] exactQ = new BigFraction[d];
    boolean allExact = true;
    for (int i = 0; i < d; i++) {
      given0[i] = Scalar.exact(given[i]);
      if (exact[i].isExact()) {
        exactQ[i] = exact[i].exact();
        errors[i] = Scalar.exact(given[i].subtract(exactQ[i]).abs());
      } else {
        allExact = false;
        exactQ[i] = Rationals.fromDouble(exact[i].value());
        errors[i] = Scalar.approximate(Math.abs(given[i].doubleValue() - exact[i].value()));
      }
    }
    int worst = 0;
    for (int i = 1; i < d; i++) {
      if (larger(errors[i], errors[worst])) {
        worst = i;
      }
    }
    Scalar maxError = errors[worst];
    boolean pass = maxError.isExact() ? maxError.exact().compareTo(tol) <= 0
        : maxError.value() <= tol.doubleValue();

    BigFraction[] givenAbs = abs(given);
    BigFraction[] exactAbs = abs(exactQ);
    Double tau = kendallTauB(givenAbs, exactAbs);
    int[] givenTop = topK(givenAbs, k);
    int[] exactTop = topK(exactAbs, k);
    boolean topOk = agrees(givenTop, exactAbs, k);
    boolean top1Ok = agrees(topK(givenAbs, 1), exactAbs, 1);

    out.put("given", given0).put("exact_values", exact).put("errors", errors);
    out.put("exact", allExact).put("method", how.describe());
    out.put("max_abs_error", maxError).put("worst_feature", worst + 1);
    out.put("kendall_tau", tau == null ? "undefined (one ranking is all ties)" : (Object) tau);
    out.put("top1_agree", top1Ok).put("top_k", k).put("topk_agree", topOk)
        .put("given_top_k", features(givenTop)).put("exact_top_k", features(exactTop));
    out.put("tolerance", Scalar.exact(tol));
    out.put("pass", pass);
    out.put("verdict", pass ? "PASS: max |given − exact| <= tolerance"
        : "FAIL: max |given − exact| > tolerance (feature " + (worst + 1) + ")");
    if (!json) {
      List<List<Object>> rows = new ArrayList<>();
      for (int i = 0; i < d; i++) {
        rows.add(List.of(i + 1, given0[i], exact[i], errors[i]));
      }
      out.put("features", new Output.Rows(List.of("feature", "given", "exact", "abs_error"), rows));
      if (settings != null) {
        List<List<Object>> srows = new ArrayList<>();
        settings.forEach((a, b) -> srows.add(List.of(a, b)));
        out.put("settings", new Output.Rows(List.of("setting", "value"), srows));
      }
    }
    spec.commandLine().getOut().print(json ? out.toJson() + "\n" : out.toTable());
    return pass ? 0 : 1;
  }

  private static boolean larger(Scalar a, Scalar b) {
    if (a.isExact() && b.isExact()) {
      return a.exact().compareTo(b.exact()) > 0;
    }
    return a.value() > b.value();
  }

  private static BigFraction[] abs(BigFraction[] v) {
    BigFraction[] a = new BigFraction[v.length];
    for (int i = 0; i < v.length; i++) {
      a[i] = v[i].abs();
    }
    return a;
  }

  /** Kendall's τ_b of two rankings; null when either is constant (or d < 2). */
  static Double kendallTauB(BigFraction[] a, BigFraction[] b) {
    long concordant = 0;
    long discordant = 0;
    long tiesA = 0;
    long tiesB = 0;
    long pairs = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = i + 1; j < a.length; j++) {
        pairs++;
        int sa = Integer.signum(a[i].compareTo(a[j]));
        int sb = Integer.signum(b[i].compareTo(b[j]));
        if (sa == 0) {
          tiesA++;
        }
        if (sb == 0) {
          tiesB++;
        }
        if (sa * sb > 0) {
          concordant++;
        } else if (sa * sb < 0) {
          discordant++;
        }
      }
    }
    double denom = Math.sqrt((double) (pairs - tiesA) * (double) (pairs - tiesB));
    return denom == 0 ? null : (concordant - discordant) / denom;
  }

  /** The K features (0-based) of largest value, ties to the lower index. */
  static int[] topK(BigFraction[] v, int k) {
    Integer[] idx = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, Comparator.<Integer, BigFraction>comparing(i -> v[i]).reversed()
        .thenComparing(i -> i));
    int[] t = new int[k];
    for (int i = 0; i < k; i++) {
      t[i] = idx[i];
    }
    Arrays.sort(t);
    return t;
  }

  /** True when every feature of the set has exact importance ≥ the K-th largest. */
  static boolean agrees(int[] set, BigFraction[] exactAbs, int k) {
    BigFraction[] sorted = exactAbs.clone();
    Arrays.sort(sorted, Comparator.reverseOrder());
    BigFraction kth = sorted[k - 1];
    for (int i : set) {
      if (exactAbs[i].compareTo(kth) < 0) {
        return false;
      }
    }
    return true;
  }

  /** 0-based indices as 1-based feature numbers. */
  private static List<Integer> features(int[] set) {
    List<Integer> f = new ArrayList<>();
    for (int i : set) {
      f.add(i + 1);
    }
    return f;
  }
}
