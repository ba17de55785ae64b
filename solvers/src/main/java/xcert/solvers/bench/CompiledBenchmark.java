package xcert.solvers.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.compiled.CompiledForms;
import xcert.solvers.compiled.CompiledResult;
import xcert.solvers.compiled.CompiledValues;
import xcert.solvers.compiled.DecomposableCircuit;
import xcert.solvers.count.WeightedModelCounter;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.io.DataFiles;
import xcert.solvers.io.DimacsFormat;
import xcert.solvers.model.Circuit;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.MemoryBudget;
import xcert.solvers.stream.Semivalue;

/**
 * The compiled engine ({@link CompiledValues}: exact Shapley and Banzhaf values of v(S) = f_S(x) on
 * an OBDD or a d-DNNF, Arenas, Barceló, Bertossi and Monet, JMLR 2023; Van den Broeck, Lykov,
 * Schleich and Suciu, AAAI 2021) measured against the anchors of Deutch, Frost, Kimelfeld and Monet
 * (SIGMOD 2022: circuits of up to about 200 variables and 40,000 d-DNNF nodes compiled with c2d,
 * 150 s time-out per instance).
 *
 * <p>Instances, all generated from the seed or read from {@code data/satlib}:
 *
 * <ul>
 *   <li>{@code uf50}: SATLIB uf50-218 (satisfiable random 3-CNFs, 50 variables, 218 clauses);
 *   <li>{@code 3cnf}: random 3-CNFs at the phase transition ({@link ExactBenchmark#random3Cnf},
 *       round(4.26 d) clauses), several seeds per d; about half are unsatisfiable (their compiled form
 *       is the constant 0);
 *   <li>{@code threshold}: "at least t ones among d inputs" by the counting recurrence
 *       c[j][k] = c[j−1][k] ∨ (x_j ∧ c[j−1][k−1]) (d·t gates; its OBDD has about t·(d−t+1) nodes,
 *       40,200 for t = 200 of d = 400: the circuit of at least 40,000 compiled nodes);
 *   <li>{@code blocks}: blocks of {@value #BLOCK} exchangeable inputs, each "at least
 *       {@value #BLOCK_T} ones" by the same recurrence, joined by AND, XOR or a majority of the blocks.
 * </ul>
 *
 * <p>CNFs are compiled by LogicNG's d-DNNF compiler ({@link WeightedModelCounter#dnnf}) unless the
 * BDD route is asked for; the other circuits by the OBDD route with its default order
 * ({@link WeightedModelCounter#bdd}). Each compilation has a node budget (BDD node table, d-DNNF
 * nodes; with the d-DNNF compiler's Shannon-expansion limit) and a time budget. The time budget is
 * enforced by a watchdog thread, not by the compilers' handlers, because LogicNG's d-DNNF pipeline
 * runs SAT calls (backbone simplification, a satisfiability check) before it first consults its
 * handler: on a hard unsatisfiable 3-CNF at d = 250 those alone take minutes. The compiling thread
 * is confined to its own LogicNG formula factory; at the time budget it is stopped
 * ({@code Thread.stop}, which Java 17 still honours) and the instance is reported as refused.
 *
 * <p>Per compiled instance: the engine's time for exact Shapley values and for exact Banzhaf values
 * (after compilation, measured separately from it), and efficiency Σφ = f(x) − f_∅ checked exactly
 * against an independent computation: f(x) by evaluating the original circuit, f_∅ by the counter's
 * own weighted pass ({@link WeightedModelCounter#probability}). The engine is not started when its
 * predicted Shapley work ({@link CompiledValues#predictedWork}: primes × d points × (nodes + edges)
 * residue operations) exceeds the engine budget. The target: every instance whose compiled form has at most
 * {@value #TARGET_NODES} nodes done (both semivalues) in under 1 s after compilation, with no
 * overflow (exact arithmetic) and no failure.
 */
public final class CompiledBenchmark {

  /** Inputs per block of the block circuits. */
  public static final int BLOCK = 20;

  /** Ones needed per block of the block circuits. */
  public static final int BLOCK_T = 10;

  /** Compiled size under which the target applies. */
  public static final int TARGET_NODES = 40_000;

  /** The joins of the block circuits. */
  public static final List<String> JOINS = List.of("and", "xor", "maj");

  private CompiledBenchmark() {}

  /**
   * What to measure.
   *
   * @param uf50 how many SATLIB uf50-218 instances (0..50, in file-number order)
   * @param cnfDs numbers of variables of the random 3-CNFs
   * @param cnfSeeds random 3-CNFs per d (seeds seed, seed+1, ...)
   * @param thresholds "t/d" pairs of the threshold circuits
   * @param blockDs numbers of inputs of the block circuits (multiples of {@value #BLOCK})
   * @param joins the joins of the block circuits (and, xor, maj)
   * @param cnfRoutes compile routes for CNFs: "dnnf", "bdd" or both
   * @param nodeBudget largest compiled form (BDD node table, d-DNNF nodes)
   * @param timeBudgetSeconds compile time budget per instance and route
   * @param engineWork largest predicted engine work (residue operations) per semivalue
   * @param seed seed of the random 3-CNFs and of the points x
   */
  public record Settings(int uf50, List<Integer> cnfDs, int cnfSeeds, List<int[]> thresholds,
      List<Integer> blockDs, List<String> joins, List<String> cnfRoutes, int nodeBudget,
      double timeBudgetSeconds, double engineWork, long seed) {
    public Settings {
      cnfDs = List.copyOf(cnfDs);
      thresholds = List.copyOf(thresholds);
      blockDs = List.copyOf(blockDs);
      joins = List.copyOf(joins);
      cnfRoutes = List.copyOf(cnfRoutes);
    }

    /** The default run: a few minutes on 2 cores. */
    public static Settings defaults() {
      return new Settings(10, List.of(75, 100), 2, List.of(new int[] {50, 100},
          new int[] {100, 200}), List.of(100, 200, 400), JOINS, List.of("dnnf"), 1_000_000, 30,
          1e9, 1);
    }

    /** Everything: all 50 uf50, d up to 250 and 1000, the 40,000-node circuit. */
    public static Settings full() {
      return new Settings(50, List.of(75, 100, 150, 200, 250), 3, List.of(new int[] {50, 100},
          new int[] {100, 200}, new int[] {200, 400}, new int[] {20, 1000}),
          List.of(100, 200, 400, 1000), JOINS, List.of("dnnf", "bdd"), 2_000_000, 60, 1e10, 1);
    }

    /** The budgets in words. */
    public String budgets() {
      return String.format(java.util.Locale.ROOT, "compile: %,d nodes (BDD node table or d-DNNF"
          + " nodes; d-DNNF also %,d Shannon expansions) and %s s per instance and route; engine:"
          + " %.1e predicted residue operations per semivalue", nodeBudget,
          WeightedModelCounter.DEFAULT_SHANNON_LIMIT, trim(timeBudgetSeconds), engineWork);
    }

    /** Checks the ranges; an {@link InputException} naming the setting otherwise. */
    public void check() {
      if (uf50 < 0 || uf50 > 50) {
        throw InputException.setting("uf50", uf50 + " is out of range; expected 0..50");
      }
      for (int d : cnfDs) {
        if (d < 3 || d > 2000) {
          throw InputException.setting("cnfD", d + " is out of range; expected 3..2000");
        }
      }
      if (cnfSeeds < 1 || cnfSeeds > 100) {
        throw InputException.setting("cnfSeeds", cnfSeeds + " is out of range; expected 1..100");
      }
      for (int[] td : thresholds) {
        if (td[1] < 1 || td[1] > 5000 || td[0] < 1 || td[0] > td[1]) {
          throw InputException.setting("threshold", td[0] + "/" + td[1] + " is not t/d with"
              + " 1 <= t <= d <= 5000");
        }
      }
      for (int d : blockDs) {
        if (d < BLOCK || d % BLOCK != 0 || d > 5000) {
          throw InputException.setting("blockD", d + " is not a multiple of " + BLOCK + " in "
              + BLOCK + "..5000");
        }
      }
      for (String j : joins) {
        if (!JOINS.contains(j)) {
          throw InputException.setting("joins", "'" + j + "' is not a join; expected and, xor"
              + " or maj");
        }
      }
      for (String r : cnfRoutes) {
        if (!r.equals("dnnf") && !r.equals("bdd")) {
          throw InputException.setting("cnfRoute", "'" + r + "' is not a route; expected dnnf or"
              + " bdd");
        }
      }
      if (cnfRoutes.isEmpty()) {
        throw InputException.setting("cnfRoute", "no route given; expected dnnf, bdd or both");
      }
      if (nodeBudget < 16) {
        throw InputException.setting("nodeBudget", nodeBudget + " is below 16");
      }
      if (!(timeBudgetSeconds > 0) || timeBudgetSeconds > 86_400) {
        throw InputException.setting("timeBudget", trim(timeBudgetSeconds) + " s is out of"
            + " range; expected more than 0 and at most 86400");
      }
      if (!(engineWork > 0)) {
        throw InputException.setting("engineWork", engineWork + " is not positive");
      }
    }
  }

  /**
   * One instance and route.
   *
   * @param name the instance
   * @param family uf50, 3cnf, threshold or blocks
   * @param d number of inputs
   * @param route "d-DNNF" or "BDD"
   * @param status "ok", "refused" (a budget was reached; {@code reason} says which and the size
   *     reached) or "FAILED" (an exception or a wrong efficiency sum; {@code reason} says what)
   * @param reason why refused or failed, else null
   * @param fields the measurements in order (compile_s, nodes, edges, shapley_s, banzhaf_s, primes,
   *     f_x, compiled_form, efficiency_reference, f_empty, predicted_work, efficiency,
   *     within_target), those that were made
   */
  public record Row(String name, String family, int d, String route, String status, String reason,
      Map<String, Object> fields) {
    public Row {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The row as ordered JSON-ready fields. */
    public Map<String, Object> data() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("instance", name);
      m.put("family", family);
      m.put("d", d);
      m.put("route", route);
      m.put("status", status);
      if (reason != null) {
        m.put("reason", reason);
      }
      m.putAll(fields);
      return m;
    }

    /** A measured number, or NaN when it was not measured. */
    public double number(String key) {
      Object o = fields.get(key);
      return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** Whether the compiled form has at most {@link #TARGET_NODES} nodes. */
    public boolean underTargetSize() {
      return fields.get("nodes") instanceof Integer n && n <= TARGET_NODES;
    }
  }

  /**
   * The result.
   *
   * @param cores available processors
   * @param maxHeap the JVM's maximum heap
   * @param budgets the budgets in words
   * @param rows one per instance and route
   */
  public record Result(int cores, String maxHeap, String budgets, List<Row> rows) {
    public Result {
      rows = List.copyOf(rows);
    }

    /** Whether some row failed. */
    public boolean failed() {
      return rows.stream().anyMatch(r -> r.status().equals("FAILED"));
    }

    /** Rows compiled (within the compile budgets). */
    public long compiled() {
      return rows.stream().filter(r -> r.fields().containsKey("nodes")).count();
    }

    /** Rows whose compiled form has at most {@link #TARGET_NODES} nodes. */
    public long underTargetSize() {
      return rows.stream().filter(Row::underTargetSize).count();
    }

    /** Rows of at most {@link #TARGET_NODES} nodes that met the target. */
    public long withinTarget() {
      return rows.stream().filter(r -> Boolean.TRUE.equals(r.fields().get("within_target")))
          .count();
    }

    /** Largest engine time (Shapley + Banzhaf) over rows of at most 40,000 nodes; NaN if none. */
    public double maxEngineSecondsUnderTargetSize() {
      return rows.stream().filter(Row::underTargetSize)
          .mapToDouble(r -> r.number("shapley_s") + r.number("banzhaf_s"))
          .filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    }

    /** The summary line. */
    public String summary() {
      double max = maxEngineSecondsUnderTargetSize();
      return String.format(java.util.Locale.ROOT, "%d instance runs, %d compiled, %d of %d with at"
          + " most %,d nodes within target (Shapley + Banzhaf under 1 s after compilation, exact,"
          + " efficiency checked), max engine time at <= %,d nodes %s, %d failed", rows.size(),
          compiled(), withinTarget(), underTargetSize(), TARGET_NODES, TARGET_NODES,
          Double.isNaN(max) ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f s", max),
          rows.stream().filter(r -> r.status().equals("FAILED")).count());
    }
  }

  /** One instance to compile. */
  private record Instance(String name, String family, Supplier<Circuit> circuit, boolean cnf) {}

  /** Runs the settings; one progress line per instance and route. */
  public static Result run(Settings s, Consumer<String> progress) {
    s.check();
    List<Instance> instances = instances(s);
    progress.accept("warming up");
    warmUp(s);
    List<Row> rows = new ArrayList<>();
    int n = 0;
    for (Instance in : instances) {
      n++;
      List<String> routes = in.cnf() ? s.cnfRoutes() : List.of("bdd");
      for (String route : routes) {
        progress.accept(n + "/" + instances.size() + " " + in.name() + " (" + routeName(route)
            + ")");
        Row r = measure(in, route, s);
        rows.add(r);
        progress.accept("  " + r.status() + (r.reason() == null ? "" : ": " + r.reason())
            + (r.fields().containsKey("nodes") ? ", " + r.fields().get("nodes") + " nodes, compile "
                + secs(r.number("compile_s")) + (r.fields().containsKey("shapley_s") ? ", engine "
                + secs(r.number("shapley_s")) + " + " + secs(r.number("banzhaf_s")) : "") : ""));
      }
    }
    return new Result(Runtime.getRuntime().availableProcessors(),
        MemoryBudget.human(Runtime.getRuntime().maxMemory()), s.budgets(), rows);
  }

  /** One small instance per route, so that the first measured rows do not pay for class loading. */
  private static void warmUp(Settings s) {
    if (s.uf50() > 0 || !s.cnfDs().isEmpty()) {
      Instance in = new Instance("warm-up", "3cnf", () -> ExactBenchmark.random3Cnf(30, 2), true);
      for (String route : s.cnfRoutes()) {
        measure(in, route, s);
      }
    }
    // three engine runs at d = 100, so that the engine's passes are compiled by the JIT before
    // the first measured row (cold, the first runs at d = 400 take two to three times longer)
    for (int k = 0; k < 3; k++) {
      measure(new Instance("warm-up", "blocks", () -> blocks(100, "xor"), false), "bdd", s);
    }
  }

  private static List<Instance> instances(Settings s) {
    List<Instance> out = new ArrayList<>();
    if (s.uf50() > 0) {
      Path dir = DataFiles.dataDir().resolve("satlib/uf50-218");
      List<Path> files;
      try (Stream<Path> st = Files.list(dir)) {
        files = st.filter(p -> p.getFileName().toString().endsWith(".cnf"))
            .sorted(Comparator.comparingInt(CompiledBenchmark::fileNumber)).toList();
      } catch (IOException e) {
        throw InputException.of(dir.toString(), "cannot list the SATLIB instances: "
            + e.getMessage());
      }
      for (Path f : files.subList(0, Math.min(s.uf50(), files.size()))) {
        String name = f.getFileName().toString().replace(".cnf", "");
        out.add(new Instance(name, "uf50", () -> DimacsFormat.read(f), true));
      }
    }
    for (int d : s.cnfDs()) {
      for (int k = 0; k < s.cnfSeeds(); k++) {
        long seed = s.seed() + k;
        out.add(new Instance("3cnf-d" + d + "-s" + seed, "3cnf",
            () -> ExactBenchmark.random3Cnf(d, seed), true));
      }
    }
    for (int[] td : s.thresholds()) {
      out.add(new Instance("atleast-" + td[0] + "-of-" + td[1], "threshold",
          () -> threshold(td[1], td[0]), false));
    }
    for (int d : s.blockDs()) {
      for (String j : s.joins()) {
        out.add(new Instance("blocks-" + j + "-d" + d, "blocks", () -> blocks(d, j), false));
      }
    }
    return out;
  }

  private static int fileNumber(Path p) {
    String digits = p.getFileName().toString().replaceAll("\\D", "");
    // uf50-01 .. uf50-0100: the digits after "50"
    return Integer.parseInt(digits.substring(2));
  }

  /** "At least t ones among x1..xd" by the counting recurrence (d·t gates). */
  public static Circuit threshold(int d, int t) {
    Circuit.Builder b = Circuit.builder(d);
    int[] xs = new int[d];
    for (int i = 0; i < d; i++) {
      xs[i] = b.input(i + 1);
    }
    return b.output(b.atLeast(xs, t)).build();
  }

  /**
   * Blocks of {@value #BLOCK} consecutive inputs, each "at least {@value #BLOCK_T} ones", joined by
   * "and", "xor" or "maj" (at least half of the blocks, rounded up).
   */
  public static Circuit blocks(int d, String join) {
    Circuit.Builder b = Circuit.builder(d);
    int nb = d / BLOCK;
    int[] outs = new int[nb];
    for (int g = 0; g < nb; g++) {
      int[] xs = new int[BLOCK];
      for (int j = 0; j < BLOCK; j++) {
        xs[j] = b.input(g * BLOCK + j + 1);
      }
      outs[g] = b.atLeast(xs, BLOCK_T);
    }
    int o = switch (join) {
      case "and" -> nb == 1 ? outs[0] : b.and(outs);
      case "xor" -> nb == 1 ? outs[0] : b.xor(outs);
      case "maj" -> b.atLeast(outs, (nb + 1) / 2);
      default -> throw new IllegalArgumentException("join " + join);
    };
    return b.output(o).build();
  }

  private static String routeName(String route) {
    return route.equals("dnnf") ? "d-DNNF" : "BDD";
  }

  private static Row measure(Instance in, String route, Settings s) {
    Circuit c;
    try {
      c = in.circuit().get();
    } catch (RuntimeException e) {
      return new Row(in.name(), in.family(), 0, routeName(route), "FAILED",
          "could not build the instance: " + e.getMessage(), Map.of());
    }
    int d = c.dimension();
    Map<String, Object> f = new LinkedHashMap<>();
    // compile, under the watchdog
    long t0 = System.nanoTime();
    Outcome<WeightedModelCounter> comp = withTimeBudget(s.timeBudgetSeconds(), () ->
        route.equals("dnnf") ? WeightedModelCounter.dnnfAsCompiled(c, 0,
            WeightedModelCounter.DEFAULT_SHANNON_LIMIT, s.nodeBudget())
            : WeightedModelCounter.bdd(c, 0, WeightedModelCounter.VariableOrder.AUTO,
                s.nodeBudget()));
    double compileS = (System.nanoTime() - t0) / 1e9;
    if (comp.timedOut()) {
      return new Row(in.name(), in.family(), d, routeName(route), "refused",
          "compile time budget of " + trim(s.timeBudgetSeconds()) + " s reached (" + comp.phase()
              + ")", f);
    }
    if (comp.error() instanceof TooLargeException e) {
      return new Row(in.name(), in.family(), d, routeName(route), "refused",
          "after " + secs(compileS) + ": " + e.getMessage(), f);
    }
    if (comp.error() != null) {
      return new Row(in.name(), in.family(), d, routeName(route), "FAILED",
          "compilation: " + describe(comp.error()), f);
    }
    WeightedModelCounter w = comp.value();
    DecomposableCircuit dc;
    try {
      dc = CompiledForms.fromCounter(w, routeName(route) + " (LogicNG)", route.equals("dnnf")
          ? "by construction (LogicNG's compiler splits on Shannon decisions)"
          : "by construction (OBDD decision nodes)");
    } catch (RuntimeException | AssertionError e) {
      f.put("compile_s", compileS);
      f.put("nodes", w.size());
      return new Row(in.name(), in.family(), d, routeName(route), "FAILED",
          "the compiled form was not accepted by the engine: " + describe(e), f);
    }
    compileS = (System.nanoTime() - t0) / 1e9;
    f.put("compile_s", compileS);
    f.put("nodes", dc.size());
    f.put("edges", dc.edgeCount());
    // the point x and the independent reference for efficiency
    SplittableRandom rnd = new SplittableRandom(s.seed() * 7_919L + d);
    boolean[] x = new boolean[d];
    for (int i = 0; i < d; i++) {
      x[i] = rnd.nextBoolean();
    }
    ProductDistribution v = ProductDistribution.uniform(d);
    BigFraction fx = c.evaluate(0, x) ? BigFraction.ONE : BigFraction.ZERO;
    // The counter's pass is a valid count when every AND of its form is decomposable: always for
    // the OBDD, and for LogicNG's d-DNNF unless the engine had to repair ANDs; then the OBDD
    // (under the same budgets) is the reference.
    boolean repaired = dc.route().contains("made decomposable");
    BigFraction fEmpty;
    String reference;
    if (!repaired) {
      fEmpty = w.probability(v);
      reference = routeName(route) + " count";
    } else {
      Outcome<BigFraction> ref = withTimeBudget(s.timeBudgetSeconds(), () -> WeightedModelCounter
          .bdd(c, 0, WeightedModelCounter.VariableOrder.AUTO, s.nodeBudget()).probability(v));
      fEmpty = ref.value();
      reference = fEmpty != null ? "OBDD count (the d-DNNF had ANDs repaired)" : null;
    }
    f.put("compiled_form", dc.route());
    if (fEmpty == null) {
      // no independent reference within the budgets: efficiency against the engine's own f_empty
      reference = "the engine's own f_empty (no independent count within the budgets)";
    }
    f.put("efficiency_reference", reference);
    if (fEmpty != null) {
      f.put("f_empty", fEmpty.toString());
    }
    f.put("f_x", fx.toString());
    double work = CompiledValues.predictedWork(Semivalue.SHAPLEY, d, dc.size(), dc.edgeCount());
    f.put("predicted_work", work);
    if (work > s.engineWork()) {
      if (dc.size() <= TARGET_NODES) {
        f.put("within_target", false);
      }
      return new Row(in.name(), in.family(), d, routeName(route), "refused",
          String.format(java.util.Locale.ROOT, "engine not started: predicted work %.2e residue"
              + " operations is over the engine budget %.1e", work, s.engineWork()), f);
    }
    CompiledResult shap;
    CompiledResult banz;
    long e0 = System.nanoTime();
    try {
      shap = CompiledValues.compute(dc, x, v, Semivalue.SHAPLEY);
    } catch (TooLargeException e) {
      return new Row(in.name(), in.family(), d, routeName(route), "refused",
          "engine: " + e.getMessage(), f);
    } catch (RuntimeException | AssertionError e) {
      f.put("within_target", false);
      return new Row(in.name(), in.family(), d, routeName(route), "FAILED",
          "Shapley: " + describe(e), f);
    }
    long e1 = System.nanoTime();
    try {
      banz = CompiledValues.compute(dc, x, v, Semivalue.BANZHAF);
    } catch (RuntimeException | AssertionError e) {
      f.put("shapley_s", (e1 - e0) / 1e9);
      f.put("within_target", false);
      return new Row(in.name(), in.family(), d, routeName(route), "FAILED",
          "Banzhaf: " + describe(e), f);
    }
    long e2 = System.nanoTime();
    f.put("shapley_s", (e1 - e0) / 1e9);
    f.put("banzhaf_s", (e2 - e1) / 1e9);
    f.put("primes", shap.primes());
    if (fEmpty == null) {
      fEmpty = shap.fEmpty().rational().orElse(BigFraction.ZERO);
      f.put("f_empty", fEmpty.toString());
    }
    // efficiency, exactly, against the independent f(x) and f_empty
    BigFraction sum = BigFraction.ZERO;
    boolean exact = true;
    for (Scalar phi : shap.values()) {
      if (phi.rational().isEmpty()) {
        exact = false;
        break;
      }
      sum = sum.add(phi.rational().get());
    }
    for (Scalar b : banz.values()) {
      exact &= b.isExact();
    }
    String problem = null;
    if (!exact) {
      problem = "a value is not exact (floating point)";
    } else if (!sum.equals(fx.subtract(fEmpty))) {
      problem = "efficiency fails: sum of Shapley values " + sum + ", f(x) - f_empty = "
          + fx.subtract(fEmpty);
    } else if (!shap.fx().rational().map(fx::equals).orElse(false)
        || !shap.fEmpty().rational().map(fEmpty::equals).orElse(false)
        || !banz.fEmpty().rational().map(fEmpty::equals).orElse(false)) {
      problem = "the engine's f(x) = " + shap.fx() + " or f_empty = " + shap.fEmpty() + " differs"
          + " from the circuit's f(x) = " + fx + " and the counter's f_empty = " + fEmpty;
    }
    f.put("efficiency", problem == null ? "exact" : "FAILED");
    double engine = (e2 - e0) / 1e9;
    if (dc.size() <= TARGET_NODES) {
      f.put("within_target", problem == null && engine < 1.0);
    }
    return new Row(in.name(), in.family(), d, routeName(route), problem == null ? "ok" : "FAILED",
        problem, f);
  }

  /** The value of a computation, its error, or that it ran out of time (and in which phase). */
  private record Outcome<T>(T value, Throwable error, boolean timedOut, String phase) {}

  /**
   * Runs {@code task} on its own thread and waits at most {@code seconds}; past that the thread is
   * stopped (it holds no state shared with the caller: a fresh LogicNG formula factory).
   */
  @SuppressWarnings("removal")
  private static <T> Outcome<T> withTimeBudget(double seconds, Supplier<T> task) {
    Object[] box = new Object[2];
    Thread t = new Thread(() -> {
      try {
        box[0] = task.get();
      } catch (Throwable e) { // reported to the caller, ThreadDeath included
        box[1] = e;
      }
    }, "xcert-bench-compile");
    t.setDaemon(true);
    t.start();
    try {
      t.join(Math.max(1L, Math.round(seconds * 1000)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (t.isAlive()) {
      StackTraceElement[] st = t.getStackTrace();
      String phase = phaseOf(st);
      try {
        t.stop();
      } catch (UnsupportedOperationException e) {
        t.setPriority(Thread.MIN_PRIORITY); // a later Java: the daemon thread is left to run out
      }
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new Outcome<>(null, null, true, phase);
    }
    @SuppressWarnings("unchecked")
    T value = (T) box[0];
    return new Outcome<>(value, (Throwable) box[1], false, null);
  }

  /** Where a compilation was when its time ran out, read off its stack. */
  private static String phaseOf(StackTraceElement[] st) {
    for (StackTraceElement e : st) {
      String cls = e.getClassName();
      if (cls.contains("Backbone")) {
        return "in LogicNG's backbone simplification (SAT calls) before d-DNNF compilation";
      }
      if (cls.contains("SATPredicate")) {
        return "in LogicNG's satisfiability check before d-DNNF compilation";
      }
      if (cls.contains("DTree")) {
        return "building the d-DNNF compiler's decomposition tree";
      }
      if (cls.contains("DnnfCompiler")) {
        return "in LogicNG's d-DNNF compiler (Shannon expansions)";
      }
      if (cls.contains("ForceOrdering") || cls.contains("Force")) {
        return "computing the FORCE variable order";
      }
      if (cls.contains("BDDKernel") || cls.contains("BDDConstruction")) {
        return "building the OBDD";
      }
    }
    return "compiling";
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static String secs(double v) {
    return String.format(java.util.Locale.ROOT, "%.3f s", v);
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
