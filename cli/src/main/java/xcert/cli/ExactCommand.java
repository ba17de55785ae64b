package xcert.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.numbers.fraction.BigFraction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import xcert.solvers.compiled.CompiledForms;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.features.FeatureSet;
import xcert.solvers.model.Model;
import xcert.solvers.notation.InputVector;
import xcert.solvers.num.Rationals;
import xcert.solvers.query.ExactQueries;
import xcert.solvers.query.Game;
import xcert.solvers.query.Method;
import xcert.solvers.query.Query;
import xcert.solvers.query.QueryAnswer;
import xcert.solvers.query.QuerySettings;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.Rho;
import xcert.solvers.stream.StreamOptions;
import xcert.spark.SparkProvenance;
import xcert.spark.stream.ModelSource;
import xcert.spark.stream.SparkStreamingValues;

/**
 * {@code xcert exact QUERY}: parses the options, asks {@link ExactQueries#answer} and prints its
 * fields as a table or as JSON.
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
        "  xcert exact shapley --model examples/net.json --x 1,0,1 --dist bernoulli:1/4 --json",
        "  xcert exact banzhaf --model examples/uf20-01.cnf --method stream",
        "  xcert exact shapley --model data/satlib/uf50-218/uf50-01.cnf --method compiled",
        "  xcert exact shapley --model examples/uf20-01.cnf --engine spark --master 'local[2]'"})
final class ExactCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "QUERY", description = "what to compute (see above)")
  String query;

  @Mixin
  ModelOptions modelOptions;

  @Option(names = "--x", paramLabel = "VALUES",
      description = "the input: a bit string (1011) or comma-separated numbers; default all zeros")
  String xText;

  @Option(names = "--dist", paramLabel = "SPEC",
      description = "reference distribution: uniform, bernoulli:p1,...,pd (or one p for all), "
          + "point:r1,...,rd, product:FILE.json, csv:FILE (empirical rows), conditional:FILE.csv "
          + "(default: uniform on {0,1}^d, which needs x in {0,1}^d)")
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

  @Option(names = "--method", paramLabel = "M", defaultValue = "auto",
      description = "table (all 2^d sets, d <= 30), count (weighted model counting, circuits), sat "
          + "(SAT4J, delta = 1 only, circuits), stream (shapley/banzhaf in one pass over the "
          + "inputs, no table; circuits and ReLU networks, d <= 62), compiled (shapley/banzhaf "
          + "on the circuit compiled to an OBDD or d-DNNF; circuits, product distributions, any "
          + "d), or auto: stream for shapley/banzhaf from d = " + Method.AUTO_STREAM_FROM
          + " where it applies, compiled where the stream would take more than 2^"
          + Method.AUTO_COMPILED_FROM_BITS + " evaluations, else table up to d = "
          + Method.AUTO_TABLE_LIMIT + ", count beyond (default)")
  String method;

  @Option(names = "--node-budget", paramLabel = "N",
      description = "largest compiled form (OBDD node table or d-DNNF nodes) the compiled route "
          + "builds; past it the question is refused with the size reached (default "
          + CompiledForms.DEFAULT_NODE_BUDGET + ")")
  Integer nodeBudget;

  @Option(names = "--no-time-limit",
      description = "let a streamed shapley/banzhaf run that is estimated to take longer than "
          + "10 minutes go on (by default it is stopped after its first blocks, with the estimate)")
  boolean noTimeLimit;

  @Option(names = "--float64",
      description = "float64 instead of exact rational arithmetic (faster for ReLU scores; not exact)")
  boolean float64;

  @Mixin
  EngineOptions engine = new EngineOptions();

  @Option(names = "--json", description = "print one JSON object instead of a table")
  boolean json;

  @Override
  public Integer call() {
    Query q;
    try {
      q = Query.fromId(query);
    } catch (InputException e) {
      throw InputException.of("QUERY", e.problem());
    }
    picocli.CommandLine.ParseResult pr = spec.commandLine().getParseResult();
    if (pr.hasMatchedOption("--alpha") && q != Query.UNIFIED) {
      throw InputException.of("--alpha", "does not apply to '" + query + "'; alpha weighs "
          + "sufficiency against necessity in 'unified' only");
    }
    if (pr.hasMatchedOption("--game") && q != Query.SHAPLEY && q != Query.BANZHAF) {
      throw InputException.of("--game", "does not apply to '" + query + "'; the game is that of "
          + "'shapley' and 'banzhaf'");
    }
    boolean sufGame = (q == Query.SHAPLEY || q == Query.BANZHAF) && "suf".equals(game);
    if (pr.hasMatchedOption("--rho") && q != Query.SUFFICIENCY && q != Query.NECESSITY
        && q != Query.UNIFIED && !sufGame) {
      throw InputException.of("--rho", "does not apply to '" + query + "'"
          + (q == Query.SHAPLEY || q == Query.BANZHAF ? " with --game fs" : "") + "; the distance "
          + "is that of sufficiency, necessity, unified and the game suf");
    }
    boolean spark = engine.spark();
    if (spark && pr.hasMatchedOption("--no-time-limit")) {
      throw InputException.of("--no-time-limit", "does not apply with --engine spark, which sets "
          + "no time limit (the cluster's size decides the time)");
    }
    if (spark && pr.hasMatchedOption("--node-budget")) {
      throw InputException.of("--node-budget", "does not apply with --engine spark, which runs the "
          + "stream; the node budget bounds the compiled route on this machine");
    }
    Model model = modelOptions.read(false);
    int d = model.dimension();
    double[] x = xText == null ? new double[d] : InputVector.parse("--x", xText, d);
    ReferenceDistribution v = ModelOptions.distribution(distSpec, model, x);
    Rho rho = Rho.parse(rhoText);
    if (rho == null) {
      throw InputException.of("--rho", "'" + rhoText + "' is not a distance; expected abs or sq");
    }
    QuerySettings s = QuerySettings.defaults().withRho(rho)
        .withOutput(modelOptions.circuitOutput())
        .withSet(setText == null ? null : FeatureSet.parse("--set", setText, d)).withTau(tau)
        .withAlpha(parse("--alpha", alphaText)).withDelta(parse("--delta", deltaText))
        .withEps(parse("--eps", epsText)).withMethod(Method.fromId(method))
        .withArithmetic(float64 ? Arithmetic.FLOAT64 : Arithmetic.EXACT);
    if (nodeBudget != null) {
      if (q != Query.SHAPLEY && q != Query.BANZHAF) {
        throw InputException.of("--node-budget", "does not apply to '" + query + "'; it bounds "
            + "the compiled route of 'shapley' and 'banzhaf'");
      }
      if (!method.equals("auto") && !method.equals("compiled")) {
        throw InputException.of("--node-budget", "does not apply with --method " + method
            + "; it bounds the compiled route (--method compiled, or auto)");
      }
      if (nodeBudget < 16) {
        throw InputException.of("--node-budget", nodeBudget + " is too small; expected at least 16");
      }
      s = s.withNodeBudget(nodeBudget);
    }
    if (q == Query.SHAPLEY || q == Query.BANZHAF) {
      s = s.withGame(Game.fromId(game));
      java.io.PrintWriter err = spec.commandLine().getErr();
      s = s.withStream(StreamOptions.defaults().withProgress(line -> {
        err.println("xcert: " + line);
        err.flush();
      }).withTimeLimit(noTimeLimit ? null : StreamOptions.DEFAULT_TIME_LIMIT));
    } else if (noTimeLimit) {
      throw InputException.of("--no-time-limit", "does not apply to '" + query + "'; the time "
          + "limit is that of streamed 'shapley' and 'banzhaf' values");
    }
    QueryAnswer a;
    SparkProvenance job = null;
    try {
      if (spark) {
        SparkStreamingValues.Answer sa = SparkStreamingValues.answer(ModelSource.of(
            modelOptions.file, modelOptions.selection(ModelOptions.isNetworkFile(modelOptions.file)),
            modelOptions.circuitOutput()), x, v, q, s, engine.settings(),
            spec.commandLine().getErr()::println);
        a = sa.answer();
        job = sa.provenance();
      } else {
        a = ExactQueries.answer(model, x, v, q, s);
      }
    } catch (InputException e) {
      throw dist(e);
    }
    Output out = new Output().put("query", query).put("d", d).put("x", x)
        .put("distribution", v.describe());
    a.fields().forEach((k, val) -> out.put(k, cell(val)));
    if (job != null) {
      job.fields().forEach(out::put);
    }
    if (!json && q == Query.FS && s.set() == null) {
      List<List<Object>> rows = new ArrayList<>();
      for (int k = 0; k < a.sets().size(); k++) {
        rows.add(List.of(a.sets().get(k).toString(), a.values()[k]));
      }
      out.put("f_S(x) for every S", new Output.Rows(List.of("S", "f_S(x)"), rows));
    }
    spec.commandLine().getOut().print(json ? out.toJson() + "\n" : out.toTable());
    return 0;
  }

  /** An answer's value as {@link Output} prints it: lists of sets and sub-tables converted. */
  private static Object cell(Object v) {
    if (v instanceof List<?> sets) {
      return new Output.Sets(sets.stream().map(f -> (FeatureSet) f).toList());
    }
    if (v instanceof QueryAnswer.Table t) {
      return new Output.Rows(t.columns(), t.rows().stream()
          .map(r -> r.stream().map(ExactCommand::cell).toList()).toList());
    }
    return v;
  }

  /** The library names the distribution "distribution"; the option is --dist. */
  private static InputException dist(InputException e) {
    return e.isSetting() && e.source().equals("distribution")
        ? InputException.of("--dist", e.problem()) : e;
  }

  /** {@link ExactQueries#checkCompatible}, with errors naming --x and --dist. */
  static void checkCompatible(Model model, double[] x, ReferenceDistribution v) {
    try {
      ExactQueries.checkCompatible(model, x, v);
    } catch (InputException e) {
      throw dist(e);
    }
  }

  /** Parses a rational option that must be >= 0. */
  static BigFraction nonNegative(String option, String text) {
    BigFraction f = parse(option, text);
    if (f.signum() < 0) {
      throw InputException.of(option, text + " is negative; expected a number >= 0");
    }
    return f;
  }

  private static BigFraction parse(String option, String text) {
    try {
      return text == null ? null : Rationals.parse(text);
    } catch (NumberFormatException e) {
      throw InputException.of(option, e.getMessage());
    }
  }
}
