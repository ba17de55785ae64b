package xcert.explainers.studies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import xcert.explainers.backend.Backend;
import xcert.explainers.explain.BackendChoice;
import xcert.reductions.relu.CircuitToRelu;
import xcert.solvers.claims.Tally;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.report.Report;
import xcert.solvers.report.TallyReports;
import xcert.solvers.report.Report.Medium;
import xcert.solvers.report.Study;

/**
 * The explainers study (seeds 000 and 001): each property that holds an explainer to an exact answer
 * (seed 000 Theorems 1–3, A.2, Remark 1; seed 001 GLIME and B.2), with the number of generated
 * instances it was checked on, and seed 001 Figure 4a in miniature (top-K Jaccard stability against
 * n for LIME, GLIME-Binomial and GLIME-Gauss) on a 20-input circuit and a 20-input ReLU network,
 * written as PNG plots to the output folder. Every explainer runs on the backend given to the
 * constructor.
 */
public final class ExplainersStudy implements Study {

  /** The stability plot on the circuit, in the output folder. */
  public static final String CIRCUIT_PNG = "explainers-stability-circuit.png";
  /** The stability plot on the ReLU network, in the output folder. */
  public static final String RELU_PNG = "explainers-stability-relu.png";

  /**
   * What to run.
   *
   * @param perProperty generated instances per property (seeds 4000 + k)
   * @param noFreeLunch circuits of the no free lunch check (seeds 4200 + k)
   * @param stability the stability experiment
   */
  public record Config(int perProperty, int noFreeLunch, StabilityExperiment stability,
      ShapleyAtScale.Settings scale) {

    public static Config standard() {
      return new Config(40, 15, new StabilityExperiment(5, 10, new long[] {100, 250, 500, 1000,
          2000}), ShapleyAtScale.Settings.standard());
    }

    public static Config full() {
      return new Config(200, 60, new StabilityExperiment(5, 20, new long[] {100, 200, 400, 800,
          1600, 3200, 6400}), ShapleyAtScale.Settings.full());
    }

    public Config withPerProperty(int n) {
      return new Config(n, noFreeLunch, stability, scale);
    }

    public Config withNoFreeLunch(int n) {
      return new Config(perProperty, n, stability, scale);
    }

    public Config withStability(StabilityExperiment s) {
      return new Config(perProperty, noFreeLunch, s, scale);
    }

    public Config withScale(ShapleyAtScale.Settings s) {
      return new Config(perProperty, noFreeLunch, stability, s);
    }
  }

  /**
   * What the study found.
   *
   * @param config what was run
   * @param backend the backend's name
   * @param checks one row per property: instances where it held, failed or was vacuous
   * @param onCircuit the stability curves on the 20-input circuit
   * @param onNetwork the stability curves on the 20-input ReLU network
   * @param scale sampled Shapley values against exact ones at d = 100
   * @param seconds wall-clock time
   */
  public record Result(Config config, String backend, List<Tally.Row> checks,
      List<StabilityExperiment.Curve> onCircuit, List<StabilityExperiment.Curve> onNetwork,
      ShapleyAtScale.Result scale, double seconds) {

    public Result {
      checks = List.copyOf(checks);
      onCircuit = List.copyOf(onCircuit);
      onNetwork = List.copyOf(onNetwork);
    }
  }

  private final Path outDir;
  private final Backend backend;

  /**
   * @param outDir where the PNG plots go (created if absent)
   * @param backend where every explainer evaluates its model
   */
  public ExplainersStudy(Path outDir, Backend backend) {
    this.outDir = outDir;
    this.backend = backend;
  }

  @Override
  public String id() {
    return "explainers";
  }

  @Override
  public String title() {
    return "Explainers (seeds 000, 001): properties against exact answers, and stability";
  }

  /** Runs {@code config} on {@code backend} and writes the two plots to {@code outDir}. */
  public static Result compute(Config config, Path outDir, Backend backend,
      Consumer<String> progress) {
    long t0 = System.nanoTime();
    Tally tally = new Tally();
    ExplainerChecks.limitsAndIdentities(config.perProperty(), backend, tally, progress);
    ExplainerChecks.noFreeLunch(config.noFreeLunch(), backend, tally, progress);
    StabilityExperiment exp = config.stability();
    SplittableRandom rnd = new SplittableRandom(4100);
    Circuit circuit = StabilityExperiment.monotoneDnf(rnd, 20, 10);
    double[] xc = new double[20];
    Arrays.fill(xc, 1);
    ReluNetwork compiled = CircuitToRelu.compile(circuit, 0).network();
    List<StabilityExperiment.Curve> onCircuit = exp.run(circuit, compiled, xc, backend, progress);
    ReluNetwork net = RandomInstances.relu(rnd, 20, 16, 2, false);
    double[] xn = RandomInstances.input(rnd, 20, true);
    List<StabilityExperiment.Curve> onNet = exp.run(net, net, xn, backend, progress);
    String of = "Top-" + exp.k() + " Jaccard over " + exp.seeds() + " seeds: ";
    try {
      Files.createDirectories(outDir);
      StabilityExperiment.plot(outDir.resolve(CIRCUIT_PNG), of + "20-input circuit", onCircuit,
          exp.k());
      StabilityExperiment.plot(outDir.resolve(RELU_PNG), of + "20-input ReLU network", onNet,
          exp.k());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ShapleyAtScale.Result scale = ShapleyAtScale.run(config.scale(),
        backend.name().toLowerCase(Locale.ROOT).contains("gpu") ? BackendChoice.GPU
            : BackendChoice.CPU, progress);
    return new Result(config, backend.name(), tally.rows(), onCircuit, onNet, scale,
        (System.nanoTime() - t0) / 1e9);
  }

  @Override
  public Report run(boolean full, Consumer<String> progress) {
    return report(compute(full ? Config.full() : Config.standard(), outDir, backend, progress));
  }

  /** The report of a finished run. */
  public Report report(Result r) {
    StabilityExperiment exp = r.config().stability();
    String setup = String.format(Locale.ROOT, "Properties on %d generated instances each "
        + "(circuits d ≤ 10, ReLU networks d ≤ 8, seeds 4000+k); no free lunch on %d circuits. "
        + "Stability: K = %d, %d seeds, n ∈ %s, on a 20-input monotone DNF of 10 terms at x = 1 "
        + "(GLIME-Gauss on its ReLU compilation, the same function on {0,1}^20) and a 20 → 16 → 16 → 1 ReLU "
        + "network at a random 0/1 point (seed 4100), reference 0. Backend: %s. %.1f s.",
        r.config().perProperty(), r.config().noFreeLunch(), exp.k(), exp.seeds(),
        Arrays.toString(exp.ns()), r.backend(), r.seconds());
    Report.Builder b = Report.builder(id(), title()).paragraph(setup);
    TallyReports.blocks(b, r.checks(), "check", row -> true);
    b.paragraph("### Stability (seed 001 Figure 4a in miniature)", Medium.DOCUMENT);
    stability(b, "20-input circuit", r.onCircuit(), exp);
    b.paragraph("![stability on a circuit](" + CIRCUIT_PNG + ")", Medium.DOCUMENT);
    stability(b, "20-input ReLU network", r.onNetwork(), exp);
    b.paragraph("![stability on a ReLU network](" + RELU_PNG + ")", Medium.DOCUMENT);
    List<String> header = new ArrayList<>(List.of("model", "method", "σ"));
    for (long n : exp.ns()) {
      header.add("n=" + n);
    }
    List<List<Object>> rows = new ArrayList<>();
    for (String model : List.of("circuit", "relu")) {
      for (StabilityExperiment.Curve c : model.equals("circuit") ? r.onCircuit()
          : r.onNetwork()) {
        List<Object> row = new ArrayList<>(List.of(model, c.method(), c.sigma()));
        row.addAll(cells(c));
        rows.add(row);
      }
    }
    b.table("stability: mean pairwise top-" + exp.k() + " Jaccard over " + exp.seeds() + " seeds",
        header, rows, Medium.TERMINAL);
    b.paragraph(DEGENERATE, Medium.TERMINAL);
    scale(b, r.scale());
    b.data("seconds", r.seconds()).data("backend", r.backend())
        .data("instances_per_property", r.config().perProperty())
        .data("stability_circuit", r.onCircuit().stream().map(StabilityExperiment.Curve::data)
            .toList())
        .data("stability_relu", r.onNetwork().stream().map(StabilityExperiment.Curve::data)
            .toList())
        .data("rows", TallyReports.data(r.checks(), "check"))
        .data("shapley_at_d100", scaleData(r.scale()));
    return b.build();
  }

  private static void scale(Report.Builder b, ShapleyAtScale.Result s) {
    b.paragraph(String.format(Locale.ROOT, "### Sampled Shapley values at d = 100 against exact "
        + "values%n%nThe baseline game v(S) = f(x_S, r_{S^c}) of a 100-input circuit (five "
        + "threshold blocks of 20 inputs, see ShapleyAtScale), x random (seed %d), r = 1 − x. Exact "
        + "values in %.2f s: %s. max |φ_i| = %.4f. Errors of one run per row (seed %d):",
        s.seed(), s.exactSeconds(), s.exactMethod(), s.maxAbsValue(), s.seed()));
    List<List<Object>> rows = new ArrayList<>();
    for (ShapleyAtScale.Row row : s.rows()) {
      rows.add(List.of(row.estimator(), row.samples(),
          String.format(Locale.ROOT, "%.4f", row.maxAbsError()),
          String.format(Locale.ROOT, "%.4f", row.l2Error()),
          String.format(Locale.ROOT, "%.2f", row.seconds())));
    }
    b.table("sampled Shapley values at d = 100 against the exact values",
        List.of("estimator", "samples", "max abs error", "L2 error", "seconds"), rows,
        Medium.TERMINAL);
    b.table("Sampled Shapley values at d = 100 against the exact values:",
        List.of("estimator", "samples", "max abs error", "L2 error", "seconds"), rows,
        Medium.DOCUMENT);
  }

  private static List<Object> scaleData(ShapleyAtScale.Result s) {
    return s.rows().stream().map(row -> (Object) java.util.Map.of("estimator", row.estimator(),
        "samples", row.samples(), "max_abs_error", row.maxAbsError(), "l2_error",
        row.l2Error())).toList();
  }

  private static void stability(Report.Builder b, String model,
      List<StabilityExperiment.Curve> curves, StabilityExperiment exp) {
    List<String> header = new ArrayList<>(List.of("method", "σ"));
    for (long n : exp.ns()) {
      header.add("n = " + n);
    }
    List<List<Object>> rows = new ArrayList<>();
    for (StabilityExperiment.Curve c : curves) {
      List<Object> row = new ArrayList<>(List.of(c.method(), c.sigma()));
      row.addAll(cells(c));
      rows.add(row);
    }
    b.table("Mean pairwise top-" + exp.k() + " Jaccard, " + model + ":", header, rows,
        Medium.DOCUMENT);
    b.paragraph(DEGENERATE, Medium.DOCUMENT);
  }

  private static List<String> cells(StabilityExperiment.Curve c) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < c.jaccard().length; i++) {
      out.add(String.format(Locale.ROOT, "%.3f%s", c.jaccard()[i], c.degenerate(i) ? "*" : ""));
    }
    return out;
  }

  private static final String DEGENERATE = "* every explanation has all |w_i| < 1e-9: the samples "
      + "carry no signal at this σ (GLIME-Binomial keeps every feature with probability "
      + "1/(1 + e^{-1/σ²}), 1 − 1.1e-7 at σ = 0.25; LIME's kernel gives the other samples weights "
      + "≤ e^{-16}; small Gaussian noise never changes a 0/1 circuit's label), so the top-K sets "
      + "come from the tie rule and a Jaccard of 1 means nothing.";
}
