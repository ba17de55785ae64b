package xcert.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xcert.reductions.bench.ReductionsBenchmark;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.reductions.instances.Satlib;
import xcert.solvers.errors.InputException;
import xcert.solvers.num.Rationals;
import xcert.spark.campaign.Lemma36Row;
import xcert.spark.campaign.SparkLemma36Campaign;

/** Seed 003 Lemma 3.6 on all SATLIB instances against one BDD of each reduced circuit. */
@Command(name = "reductions", mixinStandardHelpOptions = true,
    description = "Seed 003 Lemma 3.6 on all SATLIB instances against one BDD of each reduced circuit.")
final class ReductionsBenchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--delta", paramLabel = "D", defaultValue = "1/2",
      description = "reductions: δ of Lemma 3.6 (default 1/2)")
  String deltaText;

  @Option(names = "--baseline-n", paramLabel = "N", defaultValue = "3",
      description = "reductions: instances per family timed with the BDD baseline (default 3)")
  int baselineN;

  @Option(names = "--json", description = "print JSON instead of a table")
  boolean json;

  @Mixin
  EngineOptions engine = new EngineOptions();

  @Override
  public Integer call() {
    if (engine.spark()) {
      return spark();
    }
    ReductionsBenchmark.Settings settings = ReductionsBenchmark.Settings.defaults()
        .withBaselineN(baselineN).withDelta(deltaText);
    ReductionsBenchmark.Result r = ReductionsBenchmark.run(settings,
        spec.commandLine().getErr()::println);
    Output o = new Output().put("benchmark", "reductions").put("cores", r.cores())
        .put("claim", "seed 003 Lemma 3.6, both directions, delta = "
            + Rationals.format(settings.delta()))
        .put("instances", r.instances()).put("claim_held", r.claimHeld())
        .put("total_seconds", Math.round(r.totalSeconds() * 1000) / 1000.0)
        .put("target", "all 200 SATLIB instances under 30 s: " + (r.targetMet() ? "met" : "missed"))
        .put("routes_agree_exactly", r.routesAgree());
    List<List<Object>> rows = new ArrayList<>();
    List<Object> jsonRows = new ArrayList<>();
    for (ReductionsBenchmark.Family f : r.families()) {
      rows.add(List.of(f.family(), f.instances(), f.inputsOfPhiPrime(), fmt("%.2f s", f.seconds()),
          ms(f.mean()), ms(f.median()), ms(f.max()), ratio(f.max() / f.median()),
          ratio(f.secondHalfOverFirstHalf())));
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("family", f.family());
      j.put("instances", f.instances());
      j.put("inputs_of_phi_prime", f.inputsOfPhiPrime());
      j.put("seconds", f.seconds());
      j.put("mean_ms", 1000 * f.seconds() / f.instances());
      j.put("median_ms", 1000 * f.median());
      j.put("max_ms", 1000 * f.max());
      j.put("max_over_median", f.max() / f.median());
      j.put("second_half_over_first_half", f.secondHalfOverFirstHalf());
      jsonRows.add(j);
    }
    List<List<Object>> baseRows = new ArrayList<>();
    List<Object> jsonBase = new ArrayList<>();
    for (ReductionsBenchmark.Baseline b : r.baseline()) {
      baseRows.add(List.of(b.family(), b.instances(), ms(b.bddMean()), ms(b.modularMean()),
          ratio(b.speedup())));
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("family", b.family());
      j.put("instances", b.instances());
      j.put("bdd_mean_ms", 1000 * b.bddMean());
      j.put("modular_mean_ms", 1000 * b.modularMean());
      j.put("speedup", b.speedup());
      jsonBase.add(j);
    }
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
    return r.passed() ? 0 : 1;
  }

  /**
   * The checks of Lemma 3.6 on all SATLIB instances as a Spark job, one task per instance; the
   * timings of the single-machine benchmark (per-instance medians, the BDD baseline) do not apply.
   */
  private int spark() {
    if (spec.commandLine().getParseResult().hasMatchedOption("--baseline-n")) {
      throw InputException.of("--baseline-n", "does not apply with --engine spark, which checks "
          + "every instance as a Spark task (the BDD baseline is timed on this machine only)");
    }
    BigFraction delta = ReductionsBenchmark.Settings.defaults().withDelta(deltaText).delta();
    SparkLemma36Campaign.Result r = SparkLemma36Campaign.run(
        SparkLemma36Campaign.satlib(Satlib.FAMILIES, delta), engine.settings(),
        spec.commandLine().getErr()::println);
    Output o = new Output().put("benchmark", "reductions")
        .put("claim", "seed 003 Lemma 3.6, both directions, delta = " + Rationals.format(delta))
        .put("instances", r.rows().size()).put("claim_held", r.claimHeld());
    r.provenance().fields().forEach(o::put);
    List<List<Object>> rows = new ArrayList<>();
    List<Object> jsonRows = new ArrayList<>();
    for (String fam : Satlib.FAMILIES) {
      List<Lemma36Row> of = r.rows().stream().filter(x -> x.family().equals(fam)).toList();
      long held = of.stream().filter(Lemma36Row::claimHolds).count();
      long sat = of.stream().filter(Lemma36Row::satisfiable).count();
      rows.add(List.of(fam, of.size(), sat, held));
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("family", fam);
      j.put("instances", of.size());
      j.put("satisfiable", sat);
      j.put("claim_held", held);
      jsonRows.add(j);
    }
    if (json) {
      o.put("families", jsonRows);
      spec.commandLine().getOut().println(o.toJson());
    } else {
      o.put("per family", new Output.Rows(List.of("family", "instances", "satisfiable",
          "claim held"), rows));
      spec.commandLine().getOut().print(o.toTable());
    }
    return r.claimHeld() == r.rows().size() ? 0 : 1;
  }

  private static String fmt(String format, double v) {
    return String.format(Locale.ROOT, format, v);
  }

  private static String ms(double s) {
    return fmt("%.1f ms", 1000 * s);
  }

  private static String ratio(double r) {
    return fmt("%.2fx", r);
  }
}
