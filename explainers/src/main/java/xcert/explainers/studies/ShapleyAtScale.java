package xcert.explainers.studies;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import xcert.explainers.explain.BackendChoice;
import xcert.explainers.explain.ExplainMethod;
import xcert.explainers.explain.ExplainSettings;
import xcert.explainers.explain.Explanations;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.model.Circuit;
import xcert.solvers.query.ExactQueries;
import xcert.solvers.query.Query;
import xcert.solvers.query.QueryAnswer;
import xcert.solvers.query.QuerySettings;
import xcert.solvers.result.Scalar;

/**
 * Sampled Shapley values against exact ones past the table: permutation sampling and KernelSHAP on
 * a 100-input circuit, graded against the exact Shapley values of the baseline game
 * v(S) = f(x_S, r_{S^c}) (seed 000 Table 1), computed by {@link ExactQueries} on the compiled circuit
 * (issue 20: Arenas et al., Van den Broeck et al.). The circuit has five blocks of 20 inputs, block b
 * true when at least t_b of its inputs are 1, joined as (B1 ∧ B2) ∨ (B3 ⊕ B4) ∨ B5; x is random and
 * r = 1 − x, so every feature is a player. The error is reported against n, with the seed.
 */
public final class ShapleyAtScale {

  /** Number of inputs. */
  public static final int D = 100;

  private ShapleyAtScale() {}

  /**
   * What to run.
   *
   * @param permutationNs permutation counts N of the permutation estimator
   * @param kernelNs coalition counts n of KernelSHAP
   * @param seed the seed of x and of every sampler
   */
  public record Settings(long[] permutationNs, long[] kernelNs, long seed) {
    public Settings {
      permutationNs = permutationNs.clone();
      kernelNs = kernelNs.clone();
    }

    public static Settings standard() {
      return new Settings(new long[] {100, 400, 1600}, new long[] {1000, 4000, 16000}, 4300);
    }

    public static Settings full() {
      return new Settings(new long[] {100, 400, 1600, 6400, 25600},
          new long[] {1000, 4000, 16000, 64000}, 4300);
    }

    @Override
    public long[] permutationNs() {
      return permutationNs.clone();
    }

    @Override
    public long[] kernelNs() {
      return kernelNs.clone();
    }
  }

  /**
   * One estimate's error.
   *
   * @param estimator "permutation" or "kernelshap"
   * @param samples N or n
   * @param maxAbsError max_i |φ̂_i − φ_i|
   * @param l2Error ‖φ̂ − φ‖₂
   * @param seconds the estimator's wall time
   */
  public record Row(String estimator, long samples, double maxAbsError, double l2Error,
      double seconds) {}

  /**
   * The experiment's result.
   *
   * @param exact the exact values
   * @param exactMethod how they were computed
   * @param exactSeconds wall time of the exact values
   * @param maxAbsValue max_i |φ_i|, for scale
   * @param rows one row per estimator and sample count
   * @param seed the seed
   */
  public record Result(List<Scalar> exact, String exactMethod, double exactSeconds,
      double maxAbsValue, List<Row> rows, long seed) {
    public Result {
      exact = List.copyOf(exact);
      rows = List.copyOf(rows);
    }
  }

  /** The 100-input circuit of the class comment. */
  public static Circuit circuit() {
    int[] t = {8, 12, 10, 10, 14};
    Circuit.Builder b = Circuit.builder(D);
    int[] blocks = new int[5];
    for (int g = 0; g < 5; g++) {
      int[] xs = new int[20];
      for (int j = 0; j < 20; j++) {
        xs[j] = b.input(20 * g + j + 1);
      }
      blocks[g] = b.atLeast(xs, t[g]);
    }
    int out = b.or(b.and(blocks[0], blocks[1]), b.xor(blocks[2], blocks[3]), blocks[4]);
    return b.output(out).build();
  }

  /** x: 0/1 with P(1) = 1/2 from the seed. */
  public static double[] input(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[D];
    for (int i = 0; i < D; i++) {
      x[i] = r.nextInt(2);
    }
    return x;
  }

  /** Runs the experiment; one progress line per estimate. */
  public static Result run(Settings s, BackendChoice backend, Consumer<String> progress) {
    Circuit f = circuit();
    double[] x = input(s.seed());
    double[] r = new double[D];
    for (int i = 0; i < D; i++) {
      r[i] = 1 - x[i];
    }
    long t0 = System.nanoTime();
    QueryAnswer a = ExactQueries.answer(f, x, ProductDistribution.pointMass(r), Query.SHAPLEY,
        QuerySettings.defaults());
    double exactSeconds = (System.nanoTime() - t0) / 1e9;
    Scalar[] exact = a.values();
    double maxAbs = 0;
    for (Scalar v : exact) {
      maxAbs = Math.max(maxAbs, Math.abs(v.value()));
    }
    List<Row> rows = new ArrayList<>();
    for (String est : List.of("permutation", "kernelshap")) {
      for (long n : est.equals("permutation") ? s.permutationNs() : s.kernelNs()) {
        progress.accept(String.format(Locale.ROOT, "d = 100: %s with %d samples", est, n));
        long t1 = System.nanoTime();
        Scalar[] v = Explanations.explain(f, x, null, ExplainMethod.fromId(est),
            ExplainSettings.defaults().withSamples(n).withSeed(s.seed()).withReference(r)
                .withBackend(backend)).values();
        double sec = (System.nanoTime() - t1) / 1e9;
        double max = 0;
        double l2 = 0;
        for (int i = 0; i < D; i++) {
          double e = v[i].value() - exact[i].value();
          max = Math.max(max, Math.abs(e));
          l2 += e * e;
        }
        rows.add(new Row(est, n, max, Math.sqrt(l2), sec));
      }
    }
    return new Result(List.of(exact), a.provenance().describe(), exactSeconds, maxAbs, rows,
        s.seed());
  }
}
