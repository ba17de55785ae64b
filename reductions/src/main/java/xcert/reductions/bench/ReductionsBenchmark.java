package xcert.reductions.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.reductions.instances.Satlib;
import xcert.reductions.reduce.UnitInterval;
import xcert.reductions.sattoap.ApInstance;
import xcert.reductions.sattoap.ApParameters;
import xcert.reductions.sattoap.Lemma36Check;
import xcert.solvers.count.WeightedModelCounter;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.io.DimacsFormat;

/**
 * Seed 003 Lemma 3.6, both directions, on all 200 SATLIB instances, timed per instance (build Φ',
 * SAT4J, exact relevance). The baseline, measured in the same run on the first instances of each
 * family, counts the same probabilities by compiling Φ' into one BDD ({@link
 * WeightedModelCounter#bdd}); the default route first splits Φ' into its parts with disjoint inputs.
 * Both routes must give the same exact values.
 */
public final class ReductionsBenchmark {

  /** The BDD route, for the baseline. */
  public static final Lemma36Check.ConditionalCounter BDD = (c, k, p, x, s) ->
      WeightedModelCounter.bdd(c, k).conditionalProbability(ProductDistribution.bernoulli(p), x, s);

  private ReductionsBenchmark() {}

  /**
   * @param delta δ of Lemma 3.6, in (0,1)
   * @param baselineN instances per family also timed with the BDD baseline, 0..100
   */
  public record Settings(BigFraction delta, int baselineN) {
    public Settings {
      UnitInterval.check("delta", delta, "δ");
      if (baselineN < 0 || baselineN > 100) {
        throw InputException.setting("baselineN", baselineN + " is out of range; expected 0..100");
      }
    }

    /** δ = 1/2, 3 baseline instances per family. */
    public static Settings defaults() {
      return new Settings(BigFraction.of(1, 2), 3);
    }

    public Settings withDelta(BigFraction v) {
      return new Settings(v, baselineN);
    }

    /** δ from a decimal or a fraction. */
    public Settings withDelta(String text) {
      return withDelta(UnitInterval.parse("delta", text, "δ"));
    }

    public Settings withBaselineN(int v) {
      return new Settings(delta, v);
    }
  }

  /** Timings of one family (times in seconds). */
  public record Family(String family, int instances, int inputsOfPhiPrime, double seconds,
      double median, double max, double secondHalfOverFirstHalf) {

    public double mean() {
      return seconds / instances;
    }
  }

  /** The baseline on the first instances of one family (mean times in seconds). */
  public record Baseline(String family, int instances, double bddMean, double modularMean) {

    public double speedup() {
      return bddMean / modularMean;
    }
  }

  /**
   * The benchmark's outcome.
   *
   * @param cores available processors
   * @param instances instances checked
   * @param claimHeld instances on which Lemma 3.6 held
   * @param totalSeconds time of all checks on the default route
   * @param routesAgree whether both routes gave the same exact values
   */
  public record Result(Settings settings, int cores, int instances, int claimHeld,
      double totalSeconds, boolean routesAgree, List<Family> families, List<Baseline> baseline) {

    public Result {
      families = List.copyOf(families);
      baseline = List.copyOf(baseline);
    }

    /** Whether all 200 instances took under 30 s. */
    public boolean targetMet() {
      return totalSeconds < 30;
    }

    public boolean passed() {
      return claimHeld == instances && routesAgree;
    }
  }

  /** Runs the benchmark; {@code progress} receives one line per step. */
  public static Result run(Settings settings, Consumer<String> progress) {
    progress.accept("bench reductions: warming up");
    time(Satlib.family("uf20-91").get(0), settings.delta(), Lemma36Check.MODULAR);
    List<Family> families = new ArrayList<>();
    List<Baseline> baseline = new ArrayList<>();
    double total = 0;
    int held = 0;
    int instances = 0;
    boolean routesAgree = true;
    for (String fam : Satlib.FAMILIES) {
      List<Path> files = Satlib.family(fam);
      progress.accept("bench reductions: " + fam + " (" + files.size() + " instances)");
      double[] secs = new double[files.size()];
      List<Lemma36Check.Result> results = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        Timed t = time(files.get(i), settings.delta(), Lemma36Check.MODULAR);
        secs[i] = t.seconds();
        results.add(t.result());
        held += t.result().claimHolds() ? 1 : 0;
      }
      instances += files.size();
      double sum = Arrays.stream(secs).sum();
      total += sum;
      double[] sorted = secs.clone();
      Arrays.sort(sorted);
      int half = secs.length / 2;
      double firstHalf = Arrays.stream(secs, 0, half).average().orElse(0);
      double secondHalf = Arrays.stream(secs, half, secs.length).average().orElse(0);
      families.add(new Family(fam, files.size(), instance(files.get(0), settings.delta()).inputs(),
          sum, sorted[sorted.length / 2], sorted[sorted.length - 1], secondHalf / firstHalf));

      progress.accept("bench reductions: baseline (one BDD of Φ') on " + fam);
      double ours = 0;
      double base = 0;
      int n = Math.min(settings.baselineN(), files.size());
      for (int i = 0; i < n; i++) {
        Timed b = time(files.get(i), settings.delta(), BDD);
        base += b.seconds();
        ours += secs[i];
        routesAgree &= sameValues(b.result(), results.get(i));
      }
      if (n > 0) {
        baseline.add(new Baseline(fam, n, base / n, ours / n));
      }
    }
    return new Result(settings, Runtime.getRuntime().availableProcessors(), instances, held, total,
        routesAgree, families, baseline);
  }

  private static ApInstance instance(Path p, BigFraction delta) {
    DimacsFormat.Cnf cnf = DimacsFormat.readClauses(p);
    return new ApInstance(cnf, ApParameters.forLemma(cnf.variables(), delta, null));
  }

  /** Seconds for one check, and its result. */
  private record Timed(double seconds, Lemma36Check.Result result) {}

  private static Timed time(Path p, BigFraction delta, Lemma36Check.ConditionalCounter counter) {
    long t0 = System.nanoTime();
    Lemma36Check.Result r = Lemma36Check.check(instance(p, delta), counter);
    return new Timed((System.nanoTime() - t0) / 1e9, r);
  }

  private static boolean sameValues(Lemma36Check.Result a, Lemma36Check.Result b) {
    return a.satisfiable() == b.satisfiable() && a.claimHolds() == b.claimHolds()
        && Objects.equals(a.witnessRelevance(), b.witnessRelevance())
        && Objects.equals(a.bestRelevance(), b.bestRelevance());
  }
}
