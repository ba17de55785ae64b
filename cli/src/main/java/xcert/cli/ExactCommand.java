package xcert.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.numbers.fraction.BigFraction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.exact.GameValues;
import xcert.solvers.exact.Optimum;
import xcert.solvers.exact.RateDistortion;
import xcert.solvers.exact.Relevance;
import xcert.solvers.exact.RestrictedPredictionTable;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.exact.SufficiencyNecessity;
import xcert.solvers.notation.DistributionSpec;
import xcert.solvers.features.FeatureSet;
import xcert.solvers.errors.InputException;
import xcert.solvers.notation.InputVector;
import xcert.solvers.io.ModelFiles;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;
import xcert.solvers.num.Rationals;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.Rho;
import xcert.solvers.setfunction.SetFunction;
import xcert.solvers.setfunction.SetFunctions;
import xcert.solvers.setfunction.Subsets;

/**
 * {@code xcert exact QUERY}: the exact enumerators of seed 004 (f_S, sufficiency, necessity, the
 * unified problem, Shapley and Banzhaf values) and seed 003 (δ-relevance, MIN-RELEVANT-INPUT, the
 * rate–distortion function) on one model, input and reference distribution.
 */
@Command(name = "exact", mixinStandardHelpOptions = true,
    description = {"Exact answers from complete enumeration (seed 004 Sections 2-5, seed 003 Section 3).",
        "QUERY is one of: fs, sufficiency, necessity, unified, relevance, min-relevant,",
        "rate-distortion, shapley, banzhaf.",
        "",
        "Examples:",
        "  xcert exact fs --model examples/majority3.expr --x 110 --set 1",
        "  xcert exact sufficiency --model examples/majority3.expr --x 110 --tau 2",
        "  xcert exact min-relevant --model examples/majority3.expr --x 110 --delta 3/4",
        "  xcert exact shapley --model examples/net.json --x 1,0,1 --dist bernoulli:1/4 --json"})
final class ExactCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  /** Up to this d, `--method auto` builds the table; beyond it a circuit is counted. */
  static final int AUTO_TABLE_LIMIT = 24;

  private static final List<String> QUERIES = List.of("fs", "sufficiency", "necessity", "unified",
      "relevance", "min-relevant", "rate-distortion", "shapley", "banzhaf");

  @Parameters(index = "0", paramLabel = "QUERY", description = "what to compute (see above)")
  String query;

  @Option(names = "--model", required = true, paramLabel = "FILE",
      description = "the model: .aag (AIGER ASCII), .cnf (DIMACS), .expr (infix), .json (ReLU network)")
  Path modelFile;

  @Option(names = "--x", paramLabel = "VALUES",
      description = "the input: a bit string (1011) or comma-separated numbers; default all zeros")
  String xText;

  @Option(names = "--dist", paramLabel = "SPEC", defaultValue = "uniform",
      description = "reference distribution: uniform, bernoulli:p1,...,pd (or one p for all), "
          + "product:FILE.json, csv:FILE (empirical rows), conditional:FILE.csv (default: uniform)")
  String distSpec;

  @Option(names = "--set", paramLabel = "LIST",
      description = "the set S for single-set queries: 1,3,5 or 2-4; '-' is the empty set")
  String setText;

  @Option(names = "--tau", paramLabel = "K",
      description = "solve P_suf / P_nec / P_uni over |S| <= K; decide RELEVANT-INPUT with k = K; "
          + "with --method count/sat, the largest size min-relevant searches")
  Integer tau;

  @Option(names = "--alpha", paramLabel = "A", defaultValue = "1/2",
      description = "weight of sufficiency in the unified problem, in [0,1] (default 1/2)")
  String alphaText;

  @Option(names = "--delta", paramLabel = "D",
      description = "relevance threshold δ in [0,1]; min-relevant needs it")
  String deltaText;

  @Option(names = "--eps", paramLabel = "E",
      description = "tolerance ε >= 0: report ε-(super-)sufficiency/necessity of --set, or R(ε)")
  String epsText;

  @Option(names = "--rho", paramLabel = "abs|sq", defaultValue = "abs",
      description = "distance: abs = |a-b| (default, a metric) or sq = (a-b)^2")
  String rhoText;

  @Option(names = "--game", paramLabel = "fs|suf", defaultValue = "fs",
      description = "shapley/banzhaf game: fs = f_S(x) (default), suf = -rho(f(x), f_S(x)) (Thm 5.1)")
  String game;

  @Option(names = "--output", paramLabel = "K", defaultValue = "1",
      description = "which circuit output to explain, 1-based (default 1)")
  int output;

  @Option(names = "--method", paramLabel = "M", defaultValue = "auto",
      description = "table (all 2^d sets, d <= 30), count (weighted model counting, circuits), sat "
          + "(SAT4J, delta = 1 only, circuits), or auto: table up to d = " + AUTO_TABLE_LIMIT
          + ", count beyond (default)")
  String method;

  @Option(names = "--float64",
      description = "float64 instead of exact rational arithmetic (faster for ReLU scores; not exact)")
  boolean float64;

  @Option(names = "--json", description = "print one JSON object instead of a table")
  boolean json;

  @Override
  public Integer call() {
    if (!QUERIES.contains(query)) {
      throw InputException.of("QUERY", "unknown query '" + query + "'; expected one of "
          + String.join(", ", QUERIES));
    }
    Model model = ModelFiles.read(modelFile);
    if (model instanceof Circuit c) {
      if (output < 1 || output > c.outputCount()) {
        throw InputException.of("--output", output + " is out of range; the circuit has "
            + c.outputCount() + " output(s)");
      }
      model = c.withOutput(output - 1);
    }
    int d = model.dimension();
    double[] x = xText == null ? new double[d] : InputVector.parse("--x", xText, d);
    ReferenceDistribution v = DistributionSpec.parse("--dist", distSpec, d, Path.of("."));
    Rho rho = Rho.parse(rhoText);
    if (rho == null) {
      throw InputException.of("--rho", "'" + rhoText + "' is not a distance; expected abs or sq");
    }
    checkCompatible(model, x, v);
    Long set = null;
    if (setText != null) {
      FeatureSet parsed = FeatureSet.parse("--set", setText, d);
      if (!parsed.fitsMask()) {
        throw InputException.of("--set", "feature " + parsed.largest() + " cannot be held in a "
            + "set; sets hold features 1..64");
      }
      set = parsed.mask();
    }
    if (tau != null && (tau < 0 || tau > d)) {
      throw InputException.of("--tau", tau + " is out of range; expected 0.." + d);
    }
    BigFraction alpha = unitInterval("--alpha", alphaText);
    BigFraction delta = deltaText == null ? null : unitInterval("--delta", deltaText);
    BigFraction eps = epsText == null ? null : nonNegative("--eps", epsText);
    String how = switch (method) {
      case "auto" -> model instanceof Circuit && d > AUTO_TABLE_LIMIT ? "count" : "table";
      case "table", "count", "sat" -> method;
      default -> throw InputException.of("--method", "'" + method + "' is not a method; expected "
          + "auto, table, count or sat");
    };
    Output out0 = new Output().put("query", query).put("d", d).put("x", x)
        .put("distribution", v.describe());
    if (!how.equals("table")) {
      new CountingAnswers(this, model, v, x, rho, alpha, delta).answer(how, out0, set);
      print(out0);
      return 0;
    }
    Subsets.checkTableDimension(d);
    RestrictedPredictionTable table = RestrictedPredictions.table(model, x, v,
        float64 ? Arithmetic.FLOAT64 : Arithmetic.EXACT);
    Output out = out0;
    switch (query) {
      case "fs" -> fs(out, table, set);
      case "sufficiency", "necessity", "unified" -> sufNec(out, table, rho, set, alpha, eps);
      case "relevance" -> relevance(out, table, set, delta);
      case "min-relevant" -> minRelevant(out, table, delta);
      case "rate-distortion" -> rateDistortion(out, model, x, v, eps);
      case "shapley", "banzhaf" -> gameValues(out, table, rho, set);
      default -> throw new AssertionError(query);
    }
    Provenance p = table.provenance();
    out.put("exact", table.isExact()).put("method", p.describe());
    print(out);
    return 0;
  }

  void print(Output out) {
    spec.commandLine().getOut().print(json ? out.toJson() + "\n" : out.toTable());
  }

  static void checkCompatible(Model model, double[] x, ReferenceDistribution v) {
    if (model.requiresBinaryInputs()) {
      for (int i = 0; i < x.length; i++) {
        if (x[i] != 0.0 && x[i] != 1.0) {
          throw InputException.of("--x", "a circuit takes 0/1 inputs; x_" + (i + 1) + " = " + x[i]);
        }
      }
      if (!v.isBinary()) {
        throw InputException.of("--dist", "a circuit takes 0/1 inputs, but " + v.describe()
            + " gives other values");
      }
    }
    try {
      RestrictedPredictions.checkCompatible(model, x, v);
    } catch (IllegalArgumentException e) {
      throw InputException.of("--dist", e.getMessage());
    }
  }

  static BigFraction unitInterval(String option, String text) {
    BigFraction f = parse(option, text);
    if (f.signum() < 0 || f.compareTo(BigFraction.ONE) > 0) {
      throw InputException.of(option, text + " is out of range; expected a number in [0,1]");
    }
    return f;
  }

  static BigFraction nonNegative(String option, String text) {
    BigFraction f = parse(option, text);
    if (f.signum() < 0) {
      throw InputException.of(option, text + " is negative; expected a number >= 0");
    }
    return f;
  }

  static BigFraction parse(String option, String text) {
    try {
      return Rationals.parse(text);
    } catch (NumberFormatException e) {
      throw InputException.of(option, e.getMessage());
    }
  }

  void requireSet(Long set) {
    if (set == null) {
      throw InputException.of("--set", "query '" + query + "' needs --set (or --tau to optimise)");
    }
  }

  private void fs(Output out, RestrictedPredictionTable t, Long set) {
    out.put("f(x)", t.fx()).put("f_empty(x)", t.fEmpty());
    if (set != null) {
      out.put("set", Output.Sets.one(set)).put("value", t.at(set.intValue()));
      return;
    }
    int d = t.dimension();
    if (d > 12) {
      throw InputException.of("--set", "the full f_S table has 2^" + d + " rows; name one set with"
          + " --set (tables are printed up to d = 12)");
    }
    int[] all = xcert.solvers.exact.SubsetSearch.all(d, s -> true);
    Scalar[] values = new Scalar[all.length];
    List<List<Object>> rows = new ArrayList<>();
    for (int k = 0; k < all.length; k++) {
      values[k] = t.at(all[k]);
      rows.add(List.of(Subsets.format(all[k]), values[k]));
    }
    out.put("sets", Output.Sets.of(all)).put("values", values);
    if (!json) {
      out.put("f_S(x) for every S", new Output.Rows(List.of("S", "f_S(x)"), rows));
    }
  }

  private void sufNec(Output out, RestrictedPredictionTable t, Rho rho, Long set,
      BigFraction alpha, BigFraction eps) {
    SufficiencyNecessity sn = SufficiencyNecessity.of(t, rho);
    out.put("rho", rho.flag()).put("f(x)", t.fx()).put("f_empty(x)", t.fEmpty());
    SetFunction delta = switch (query) {
      case "sufficiency" -> sn.deltaSuf();
      case "necessity" -> sn.deltaNec();
      default -> sn.deltaUni(alpha);
    };
    if (query.equals("unified")) {
      out.put("alpha", Rationals.format(alpha));
    }
    if (tau != null) {
      Optimum o = switch (query) {
        case "sufficiency" -> sn.solveSufficiency(tau);
        case "necessity" -> sn.solveNecessity(tau);
        default -> sn.solveUnified(alpha, tau);
      };
      out.put("problem", switch (query) {
        case "sufficiency" -> "P_suf";
        case "necessity" -> "P_nec";
        default -> "P_uni";
      } + ": minimise over |S| <= " + tau).put("tau", tau).put("value", o.value())
          .put("optimal_sets", o.count()).put("sets", Output.Sets.of(o.sets()));
      return;
    }
    requireSet(set);
    out.put("set", Output.Sets.one(set)).put("value", delta.valueAt(set.intValue()));
    out.put("delta_suf", sn.deltaSuf().valueAt(set.intValue()))
        .put("delta_nec", sn.deltaNec().valueAt(set.intValue()));
    out.put("super_sufficiency_level", sn.superSufficiencyLevel().valueAt(set.intValue()));
    out.put("super_necessity_level", sn.superNecessityLevel().valueAt(set.intValue()));
    if (eps != null) {
      out.put("eps", Rationals.format(eps))
          .put("eps_sufficient", sn.isSufficient(set.intValue(), eps))
          .put("eps_super_sufficient", sn.isSuperSufficient(set.intValue(), eps))
          .put("eps_necessary", sn.isNecessary(set.intValue(), eps))
          .put("eps_super_necessary", sn.isSuperNecessary(set.intValue(), eps));
    }
  }

  private void relevance(Output out, RestrictedPredictionTable t, Long set, BigFraction delta) {
    Relevance r = relevanceOf(t);
    out.put("label", r.label());
    if (tau != null) {
      if (delta == null) {
        throw InputException.of("--delta", "RELEVANT-INPUT (relevance --tau K) needs --delta");
      }
      Relevance.Decision dec = r.relevantInput(tau, delta);
      out.put("problem", "RELEVANT-INPUT: is some S with |S| <= " + tau + " "
          + Rationals.format(delta) + "-relevant?").put("answer", dec.answer())
          .put("sets", Output.Sets.of(dec.witnesses()));
      return;
    }
    requireSet(set);
    out.put("set", Output.Sets.one(set))
        .put("value", r.probability().valueAt(set.intValue()));
    if (delta != null) {
      out.put("delta", Rationals.format(delta)).put("relevant", r.isRelevant(set.intValue(), delta));
    }
  }

  private static Relevance relevanceOf(RestrictedPredictionTable t) {
    try {
      return Relevance.of(t);
    } catch (IllegalArgumentException e) {
      throw InputException.of("--model", e.getMessage());
    }
  }

  private void minRelevant(Output out, RestrictedPredictionTable t, BigFraction delta) {
    if (delta == null) {
      throw InputException.of("--delta", "min-relevant needs --delta (a number in [0,1])");
    }
    Relevance r = relevanceOf(t);
    Relevance.MinRelevant m = r.minRelevantInput(delta);
    out.put("label", r.label()).put("delta", Rationals.format(delta))
        .put("value", m.size()).put("sets", Output.Sets.of(m.sets()));
  }

  private void rateDistortion(Output out, Model model, double[] x, ReferenceDistribution v,
      BigFraction eps) {
    RateDistortion rd = RateDistortion.compute(model, x, v,
        float64 ? Arithmetic.FLOAT64 : Arithmetic.EXACT);
    List<RateDistortion.Step> steps = rd.steps();
    List<List<Object>> rows = new ArrayList<>();
    Scalar previous = null;
    for (RateDistortion.Step s : steps) {
      rows.add(List.of(s.rate(), s.distortion(), previous == null ? "inf" : previous,
          Output.Sets.of(s.sets())));
      previous = s.distortion();
    }
    out.put("steps", new Output.Rows(List.of("rate", "from_eps", "below_eps", "sets"), rows));
    if (eps != null) {
      out.put("eps", Rationals.format(eps)).put("value", rd.rate(eps));
    }
  }

  private void gameValues(Output out, RestrictedPredictionTable t, Rho rho, Long set) {
    SetFunction v = switch (game) {
      case "fs" -> t.values();
      case "suf" -> SetFunctions.negate(SufficiencyNecessity.of(t, rho).deltaSuf());
      default -> throw InputException.of("--game", "'" + game + "' is not a game; expected fs"
          + " (v(S) = f_S(x)) or suf (v(S) = -rho(f(x), f_S(x)))");
    };
    out.put("game", game.equals("fs") ? "v(S) = f_S(x)" : "v(S) = -" + rho.flag()
        + "(f(x), f_S(x))");
    Scalar[] values = query.equals("shapley") ? GameValues.shapley(v) : GameValues.banzhaf(v);
    out.put("values", values);
    if (set != null) {
      out.put("set", Output.Sets.one(set))
          .put("partition_value", GameValues.partitionValue(v, set.intValue()));
    }
  }
}
