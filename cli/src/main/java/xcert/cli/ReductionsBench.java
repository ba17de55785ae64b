package xcert.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import picocli.CommandLine.Model.CommandSpec;
import xcert.reductions.sattoap.ApInstance;
import xcert.reductions.sattoap.ApParameters;
import xcert.reductions.sattoap.Lemma36Check;
import xcert.solvers.count.WeightedModelCounter;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.io.DimacsFormat;
import xcert.solvers.num.Rationals;

/**
 * `xcert bench reductions`: seed 003 Lemma 3.6, both directions, on all 200 SATLIB instances, timed
 * per instance (build Φ', SAT4J, exact relevance). The baseline, measured in the same run on the first
 * instances of each family, counts the same probabilities by compiling Φ' into one BDD
 * ({@link WeightedModelCounter#bdd}); the default route first splits Φ' into its parts with disjoint
 * inputs. Both routes must give the same exact values.
 */
final class ReductionsBench {

  private static final String[] FAMILIES = {"uf20-91", "uf50-218", "uuf50-218"};

  /** The BDD route, for the baseline. */
  static final Lemma36Check.ConditionalCounter BDD = (c, k, p, x, s) ->
      WeightedModelCounter.bdd(c, k).conditionalProbability(ProductDistribution.bernoulli(p), x, s);

  private final CommandSpec spec;
  private final boolean json;
  private final BigFraction delta;
  private final int baselinePerFamily;

  ReductionsBench(CommandSpec spec, boolean json, BigFraction delta, int baselinePerFamily) {
    this.spec = spec;
    this.json = json;
    this.delta = delta;
    this.baselinePerFamily = baselinePerFamily;
  }

  private ApInstance instance(Path p) {
    DimacsFormat.Cnf cnf = DimacsFormat.readClauses(p);
    return new ApInstance(cnf, ApParameters.forLemma(cnf.variables(), delta, null));
  }

  /** Seconds for one check, and whether it held. */
  private record Timed(double seconds, Lemma36Check.Result result) {}

  private Timed time(Path p, Lemma36Check.ConditionalCounter counter) {
    long t0 = System.nanoTime();
    Lemma36Check.Result r = Lemma36Check.check(instance(p), counter);
    return new Timed((System.nanoTime() - t0) / 1e9, r);
  }

  int run() {
    var err = spec.commandLine().getErr();
    Path satlib = DataFiles.dataDir().resolve("satlib");
    err.println("bench reductions: warming up");
    time(ReductionsSection.cnfs(satlib.resolve("uf20-91")).get(0), Lemma36Check.MODULAR);
    List<List<Object>> rows = new ArrayList<>();
    List<Object> jsonRows = new ArrayList<>();
    List<List<Object>> baseRows = new ArrayList<>();
    List<Object> jsonBase = new ArrayList<>();
    double total = 0;
    int held = 0;
    int instances = 0;
    boolean routesAgree = true;
    for (String fam : FAMILIES) {
      List<Path> files = ReductionsSection.cnfs(satlib.resolve(fam));
      err.println("bench reductions: " + fam + " (" + files.size() + " instances)");
      double[] secs = new double[files.size()];
      List<Lemma36Check.Result> results = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        Timed t = time(files.get(i), Lemma36Check.MODULAR);
        secs[i] = t.seconds();
        results.add(t.result());
        held += t.result().claimHolds() ? 1 : 0;
      }
      instances += files.size();
      double sum = Arrays.stream(secs).sum();
      total += sum;
      double[] sorted = secs.clone();
      Arrays.sort(sorted);
      double median = sorted[sorted.length / 2];
      double max = sorted[sorted.length - 1];
      int half = secs.length / 2;
      double firstHalf = Arrays.stream(secs, 0, half).average().orElse(0);
      double secondHalf = Arrays.stream(secs, half, secs.length).average().orElse(0);
      ApInstance shape = instance(files.get(0));
      rows.add(List.of(fam, files.size(), shape.inputs(), secs(sum), ms(sum / files.size()),
          ms(median), ms(max), ratio(max / median), ratio(secondHalf / firstHalf)));
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("family", fam);
      j.put("instances", files.size());
      j.put("inputs_of_phi_prime", shape.inputs());
      j.put("seconds", sum);
      j.put("mean_ms", 1000 * sum / files.size());
      j.put("median_ms", 1000 * median);
      j.put("max_ms", 1000 * max);
      j.put("max_over_median", max / median);
      j.put("second_half_over_first_half", secondHalf / firstHalf);
      jsonRows.add(j);

      err.println("bench reductions: baseline (one BDD of Φ') on " + fam);
      double ours = 0;
      double base = 0;
      int n = Math.min(baselinePerFamily, files.size());
      for (int i = 0; i < n; i++) {
        Timed b = time(files.get(i), BDD);
        base += b.seconds();
        ours += secs[i];
        routesAgree &= sameValues(b.result(), results.get(i));
      }
      if (n > 0) {
        baseRows.add(List.of(fam, n, ms(base / n), ms(ours / n), ratio(base / ours)));
        Map<String, Object> bj = new LinkedHashMap<>();
        bj.put("family", fam);
        bj.put("instances", n);
        bj.put("bdd_mean_ms", 1000 * base / n);
        bj.put("modular_mean_ms", 1000 * ours / n);
        bj.put("speedup", base / ours);
        jsonBase.add(bj);
      }
    }
    Output o = new Output().put("benchmark", "reductions")
        .put("cores", Runtime.getRuntime().availableProcessors())
        .put("claim", "seed 003 Lemma 3.6, both directions, delta = " + Rationals.format(delta))
        .put("instances", instances).put("claim_held", held)
        .put("total_seconds", Math.round(total * 1000) / 1000.0)
        .put("target", "all 200 SATLIB instances under 30 s: " + (total < 30 ? "met" : "missed"))
        .put("routes_agree_exactly", routesAgree);
    if (json) {
      o.put("families", jsonRows).put("baseline", jsonBase);
      spec.commandLine().getOut().println(o.toJson());
    } else {
      o.put("per family", new Output.Rows(List.of("family", "instances", "d'", "total",
          "mean", "median", "max", "max/median", "2nd half/1st half"), rows));
      o.put("baseline: the same checks with one BDD of Φ' (first instances of each family)",
          new Output.Rows(List.of("family", "instances", "BDD mean", "modular mean", "speed-up"),
              baseRows));
      spec.commandLine().getOut().print(o.toTable());
    }
    return held == instances && routesAgree ? 0 : 1;
  }

  private static boolean sameValues(Lemma36Check.Result a, Lemma36Check.Result b) {
    return a.satisfiable() == b.satisfiable() && a.claimHolds() == b.claimHolds()
        && java.util.Objects.equals(a.witnessRelevance(), b.witnessRelevance())
        && java.util.Objects.equals(a.bestRelevance(), b.bestRelevance());
  }

  private static String secs(double s) {
    return String.format(Locale.ROOT, "%.2f s", s);
  }

  private static String ms(double s) {
    return String.format(Locale.ROOT, "%.1f ms", 1000 * s);
  }

  private static String ratio(double r) {
    return String.format(Locale.ROOT, "%.2fx", r);
  }
}
