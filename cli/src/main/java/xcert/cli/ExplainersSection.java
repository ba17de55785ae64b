package xcert.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import xcert.explainers.api.Attribution;
import xcert.explainers.backend.Backend;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.explainers.nofreelunch.AdversarialNeighbourhood;
import xcert.explainers.nofreelunch.DistanceToClass;
import xcert.reductions.relu.CircuitToRelu;
import xcert.solvers.claims.Tally;
import xcert.solvers.claims.Verdict;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.ReluNetwork;

/**
 * The explainers section of {@code xcert reproduce} (seeds 000 and 001): each property that holds an
 * explainer to an exact answer, with the number of generated instances it was checked on, and seed
 * 001 Figure 4a in miniature (top-K Jaccard stability against n for LIME, GLIME-Binomial and
 * GLIME-Gauss) on a 20-input circuit and a 20-input ReLU network, as PNG plots. Every explainer runs
 * on the backend given to the constructor.
 */
final class ExplainersSection implements ReportSection {

  private final Path outDir;
  private final Backend backend;

  ExplainersSection(Path outDir, Backend backend) {
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

  @Override
  public Result run(boolean full, Consumer<String> progress) {
    long t0 = System.nanoTime();
    Tally tally = new Tally();
    int perClaim = full ? 200 : 40;
    ExplainerClaims.run(perClaim, backend, tally, progress);
    noFreeLunch(full ? 60 : 15, backend, tally, progress);

    StabilityExperiment exp = full
        ? new StabilityExperiment(5, 20, new long[] {100, 200, 400, 800, 1600, 3200, 6400})
        : new StabilityExperiment(5, 10, new long[] {100, 250, 500, 1000, 2000});
    SplittableRandom rnd = new SplittableRandom(4100);
    Circuit circuit = StabilityExperiment.monotoneDnf(rnd, 20, 10);
    double[] xc = new double[20];
    java.util.Arrays.fill(xc, 1);
    ReluNetwork compiled = CircuitToRelu.compile(circuit, 0).network();
    List<StabilityExperiment.Curve> onCircuit = exp.run(circuit, compiled, xc, backend, progress);
    ReluNetwork net = RandomInstances.relu(rnd, 20, 16, 2, false);
    double[] xn = RandomInstances.input(rnd, 20, true);
    List<StabilityExperiment.Curve> onNet = exp.run(net, net, xn, backend, progress);
    try {
      java.nio.file.Files.createDirectories(outDir);
      StabilityExperiment.plot(outDir.resolve("explainers-stability-circuit.png"),
          "Top-" + exp.k() + " Jaccard over " + exp.seeds() + " seeds: 20-input circuit", onCircuit,
          exp.k());
      StabilityExperiment.plot(outDir.resolve("explainers-stability-relu.png"),
          "Top-" + exp.k() + " Jaccard over " + exp.seeds() + " seeds: 20-input ReLU network",
          onNet, exp.k());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;

    String setup = String.format(Locale.ROOT, "Properties on %d generated instances each "
        + "(circuits d ≤ 10, ReLU networks d ≤ 8, seeds 4000+k); no free lunch on %d circuits. "
        + "Stability: K = %d, %d seeds, n ∈ %s, on a 20-input monotone DNF of 10 terms at x = 1 "
        + "(GLIME-Gauss on its ReLU compilation, the same function on {0,1}^20) and a 20 → 16 → 16 → 1 ReLU "
        + "network at a random 0/1 point (seed 4100), reference 0. Backend: %s. %.1f s.", perClaim,
        full ? 60 : 15, exp.k(), exp.seeds(), java.util.Arrays.toString(exp.ns()), backend.name(),
        seconds);
    StringBuilder md = new StringBuilder();
    md.append("\n### Stability (seed 001 Figure 4a in miniature)\n\n");
    md.append(stabilityTable("20-input circuit", onCircuit, exp));
    md.append("\n![stability on a circuit](explainers-stability-circuit.png)\n\n");
    md.append(stabilityTable("20-input ReLU network", onNet, exp));
    md.append("\n![stability on a ReLU network](explainers-stability-relu.png)\n");
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("seconds", seconds);
    json.put("backend", backend.name());
    json.put("instances_per_property", perClaim);
    json.put("stability_circuit", StabilityExperiment.json(onCircuit));
    json.put("stability_relu", StabilityExperiment.json(onNet));
    Result r = TallyTables.render(setup, tally, md.toString(), json);
    return new Result(r.text() + "\n" + stabilityText(onCircuit, onNet, exp), r.markdown(),
        r.json());
  }

  private static final String NFL = "no free lunch (seed 000 Theorem 3): for every explanation "
      + "some neighbourhood has loss ≥ d(f, G), exactly";

  /** Theorem 3 made constructive on {0,1}^d: the adversarial neighbourhood of each explanation. */
  private static void noFreeLunch(int count, Backend backend, Tally tally,
      Consumer<String> progress) {
    progress.accept("explainers: no free lunch on " + count + " circuits");
    for (int k = 0; k < count; k++) {
      SplittableRandom rnd = new SplittableRandom(4200 + k);
      int d = 2 + rnd.nextInt(7);
      Circuit c = RandomInstances.circuit(rnd, d, 1 + rnd.nextInt(12));
      double[] x = RandomInstances.input(rnd, d, true);
      DistanceToClass.Result dist = DistanceToClass.compute(c);
      for (String m : Methods.BINARY) {
        if (m.equals("kernelshap") && d < 2) {
          continue;
        }
        Attribution a = Methods.create(m, MethodSettings.defaults().withSeed(k), d)
            .explain(c, x, backend);
        AdversarialNeighbourhood.Result r = AdversarialNeighbourhood.construct(c, x, a, dist);
        String what = m + " on circuit seed " + (4200 + k) + " (d = " + d + ")";
        tally.add(r.provedAtLeastDistance()
            ? Verdict.holds(NFL, "max loss " + r.maxLoss() + " ≥ d(f,G) " + dist.distance())
            : Verdict.fails(NFL, what + ": max loss " + r.maxLoss() + " < " + dist.distance()),
            "", what);
      }
    }
  }

  private static String stabilityTable(String model, List<StabilityExperiment.Curve> curves,
      StabilityExperiment exp) {
    StringBuilder sb = new StringBuilder("Mean pairwise top-" + exp.k() + " Jaccard, " + model
        + ":\n\n| method | σ |");
    for (long n : exp.ns()) {
      sb.append(" n = ").append(n).append(" |");
    }
    sb.append("\n|---|---:|").append("---:|".repeat(exp.ns().length)).append('\n');
    for (StabilityExperiment.Curve c : curves) {
      sb.append("| ").append(c.method()).append(" | ").append(c.sigma()).append(" |");
      for (int i = 0; i < c.jaccard().length; i++) {
        sb.append(String.format(Locale.ROOT, " %.3f%s |", c.jaccard()[i],
            c.degenerate(i) ? "*" : ""));
      }
      sb.append('\n');
    }
    return sb.toString() + "\n" + DEGENERATE + "\n";
  }

  private static String stabilityText(List<StabilityExperiment.Curve> onCircuit,
      List<StabilityExperiment.Curve> onNet, StabilityExperiment exp) {
    List<String> header = new ArrayList<>(List.of("model", "method", "σ"));
    for (long n : exp.ns()) {
      header.add("n=" + n);
    }
    List<List<Object>> rows = new ArrayList<>();
    for (String model : List.of("circuit", "relu")) {
      for (StabilityExperiment.Curve c : model.equals("circuit") ? onCircuit : onNet) {
        List<Object> row = new ArrayList<>(List.of(model, c.method(), c.sigma()));
        for (int i = 0; i < c.jaccard().length; i++) {
          row.add(String.format(Locale.ROOT, "%.3f%s", c.jaccard()[i],
              c.degenerate(i) ? "*" : ""));
        }
        rows.add(row);
      }
    }
    return "stability: mean pairwise top-" + exp.k() + " Jaccard over " + exp.seeds() + " seeds\n"
        + Output.renderRows(new Output.Rows(header, rows)) + DEGENERATE + "\n";
  }

  private static final String DEGENERATE = "* every explanation has all |w_i| < 1e-9: the samples "
      + "carry no signal at this σ (GLIME-Binomial keeps every feature with probability "
      + "1/(1 + e^{-1/σ²}), 1 − 1.1e-7 at σ = 0.25; LIME's kernel gives the other samples weights "
      + "≤ e^{-16}; small Gaussian noise never changes a 0/1 circuit's label), so the top-K sets "
      + "come from the tie rule and a Jaccard of 1 means nothing.";
}
